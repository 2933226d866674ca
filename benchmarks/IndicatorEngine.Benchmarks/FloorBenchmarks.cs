using BenchmarkDotNet.Attributes;

namespace IndicatorEngine.Benchmarks;

/// <summary>
/// The hand-written floor: one Henan higher-vocational subject, bound ahead of time to a plain object, scored
/// in plain C# (51 observation points, 24 groups, total, veto, verdict, grade) into a reused result. The
/// baseline an engine benchmark of the same subject is read against.
/// </summary>
[MemoryDiagnoser]
public class FloorBenchmarks
{
    private HenanEvidence _subject = null!;
    private HenanResult _result = null!;

    [GlobalSetup]
    public void Setup()
    {
        _subject = HenanEvidence.From(HenanSubjects.Generate(1, Seed)[0]);
        _result = new HenanResult();
    }

    /// <summary>The seed of the subject scored (school-00001 of <see cref="HenanSubjects.Generate"/>).</summary>
    public const int Seed = 2025;

    [Benchmark(Baseline = true)]
    public decimal HandWritten()
    {
        HenanFloor.Score(_subject, _result);
        return _result.Total;
    }
}
