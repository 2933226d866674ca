using BenchmarkDotNet.Attributes;

namespace IndicatorEngine.Benchmarks;

/// <summary>
/// The formula itself, from evidence slots to a double: what the compiled path and Jint cost beside the same
/// arithmetic written by hand. Read the Ratio column (baseline: the hand-written lambda).
/// </summary>
[MemoryDiagnoser]
public class FormulaBenchmarks
{
    // The rule as a C# author would write it: both values must be there, then the arithmetic.
    private static readonly Func<EvidenceValue[], double> HandWritten = slots =>
        slots[0].Kind == EvidenceKind.Number && slots[1].Kind == EvidenceKind.Number
            ? Math.Min(1, (double)slots[0].Number * 1000 / (double)slots[1].Number / 0.7) * 3
            : double.NaN;

    private FormulaBench _bench = null!;

    [GlobalSetup]
    public void Setup() => _bench = new FormulaBench();

    [Benchmark(Baseline = true, Description = "C# lambda")]
    public double Lambda() => HandWritten(_bench.Slots);

    // Both formula paths as the scorer runs them: evidence checked and read from the slots, then the formula.
    [Benchmark(Description = "formula, compiled")]
    public double Compiled() => _bench.CompiledScorer.Evaluate(_bench.Slots, 3m, out _).Number;

    [Benchmark(Description = "formula, Jint (sandbox on)")]
    public double Jint() => _bench.JintScorer.Evaluate(_bench.Slots, 3m, out _).Number;
}
