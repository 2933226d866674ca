using BenchmarkDotNet.Attributes;
using IndicatorEngine.Evidence;
using IndicatorEngine.Scripting;

namespace IndicatorEngine.Benchmarks;

/// <summary>
/// The formula itself, from evidence slots to a double: what the compiled path and Jint cost beside the same
/// arithmetic written by hand. Read the Ratio column (baseline: the hand-written lambda).
/// </summary>
[MemoryDiagnoser]
public class FormulaBenchmarks
{
    private static readonly Func<EvidenceValue[], double> HandWritten = slots =>
        Math.Min(1, (double)slots[0].Number * 1000 / (double)slots[1].Number / 0.7) * 3;

    private FormulaBench _bench = null!;

    [GlobalSetup]
    public void Setup() => _bench = new FormulaBench();

    [Benchmark(Baseline = true, Description = "C# lambda")]
    public double Lambda() => HandWritten(_bench.Slots);

    [Benchmark(Description = "formula, compiled")]
    public double Compiled() => _bench.CompiledScorer.Formula.Run(Fill()).Number;

    [Benchmark(Description = "formula, Jint (sandbox on)")]
    public double Jint() => _bench.JintScorer.Formula.Run(Fill()).Number;

    // What a formula scorer does before it runs the formula: evidence slots into the frame.
    private FormulaFrame Fill()
    {
        var frame = FormulaFrame.Rent(3);
        frame.Numbers[0] = (double)_bench.Slots[0].Number;
        frame.Numbers[1] = (double)_bench.Slots[1].Number;
        frame.Numbers[2] = 3;
        return frame;
    }
}
