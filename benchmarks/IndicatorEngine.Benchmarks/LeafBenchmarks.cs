using BenchmarkDotNet.Attributes;

using IndicatorEngine.Model;

namespace IndicatorEngine.Benchmarks;

/// <summary>
/// A whole observation point as a batch scores it — evidence checks and the rule; the explanation is put
/// together only when read, so not here — for the built-in linear scorer and the same rule as a formula. Baseline: the built-in scorer.
/// </summary>
[MemoryDiagnoser]
public class LeafBenchmarks
{
    private FormulaBench _bench = null!;

    [GlobalSetup]
    public void Setup() => _bench = new FormulaBench();

    [Benchmark(Baseline = true, Description = "built-in linear scorer")]
    public decimal BuiltIn() => _bench.Linear.Score(_bench.Slots, 3m, ExplainLanguage.None).Score;

    [Benchmark(Description = "formula leaf, compiled")]
    public decimal Compiled() => _bench.CompiledScorer.Score(_bench.Slots, 3m, ExplainLanguage.None).Score;

    [Benchmark(Description = "formula leaf, Jint")]
    public decimal Jint() => _bench.JintScorer.Score(_bench.Slots, 3m, ExplainLanguage.None).Score;
}
