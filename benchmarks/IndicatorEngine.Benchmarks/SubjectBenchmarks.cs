using BenchmarkDotNet.Attributes;
using IndicatorEngine.Evidence;
using IndicatorEngine.Scoring;

namespace IndicatorEngine.Benchmarks;

/// <summary>
/// One Henan higher-vocational school (the shipped passing sample: 51 observation points, 74 indicators): what a
/// batch does per subject. Read the Ratio column against the hand-written floor and the Allocated column.
/// </summary>
[MemoryDiagnoser]
public class SubjectBenchmarks
{
    private IndicatorSystem _system = null!;
    private byte[] _utf8 = null!;
    private EvidenceRecord _record = null!;

    [GlobalSetup]
    public void Setup()
    {
        _system = IndicatorSystem.LoadShipped("henan-higher-vocational");
        _utf8 = File.ReadAllBytes(Path.Combine(RepositoryRoot(), "indicators", "samples", "henan-higher-vocational", "passing.json"));
        _record = _system.ReadEvidence(_utf8, "passing.json");
        if (!_record.CanScore || _record.Diagnostics.Count > 0)
        {
            throw new InvalidOperationException("the shipped sample should read without a diagnostic");
        }
    }

    [Benchmark(Description = "evaluate one bound subject")]
    public decimal Evaluate() => _system.Score(_record).Total;

    [Benchmark(Description = "read and bind one record from UTF-8")]
    public int ReadAndBind() => _system.ReadEvidence(_utf8, "passing.json").Diagnostics.Count;

    [Benchmark(Description = "score and format every explanation")]
    public int FullScorecard()
    {
        var card = _system.Score(_record);
        var characters = 0;
        foreach (var indicator in card.Indicators)
        {
            foreach (var score in indicator.DescendantsAndSelf())
            {
                characters += score.Explanation.Length;
            }
        }

        return characters;
    }

    /// <summary>The folder that holds IndicatorEngine.sln, found from the benchmark's own folder.</summary>
    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IndicatorEngine.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("cannot find the repository root (IndicatorEngine.sln) above " + AppContext.BaseDirectory);
    }
}
