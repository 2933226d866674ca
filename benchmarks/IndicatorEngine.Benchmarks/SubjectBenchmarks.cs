using BenchmarkDotNet.Attributes;

namespace IndicatorEngine.Benchmarks;

/// <summary>
/// One Henan higher-vocational school (the shipped passing sample: 51 observation points, 74 indicators): what a
/// batch does per subject. The baseline is the floor: the same 51 points, groups, veto, verdict and grade written
/// by hand in plain C# over a pre-bound object (<see cref="HenanFloor"/>, proven equal to the engine by
/// <c>--check-floor</c> and the floor tests). Read the Ratio column against it, and the Allocated column.
/// </summary>
[MemoryDiagnoser]
public class SubjectBenchmarks
{
    private IndicatorSystem _system = null!;
    private byte[] _utf8 = null!;
    private byte[] _line = null!;
    private EvidenceRecord _record = null!;
    private HenanEvidence _bound = null!;
    private HenanResult _result = null!;

    [GlobalSetup]
    public void Setup()
    {
        _system = IndicatorSystem.LoadShipped("henan-higher-vocational");
        _utf8 = File.ReadAllBytes(Path.Combine(RepositoryRoot(), "indicators", "samples", "henan-higher-vocational", "passing.json"));
        _record = _system.ReadEvidence(_utf8, "passing.json");

        // The same record as one line of a batch's NDJSON: no indentation.
        using (var document = System.Text.Json.JsonDocument.Parse(_utf8, new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip }))
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            using (var writer = new System.Text.Json.Utf8JsonWriter(buffer, new System.Text.Json.JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                document.WriteTo(writer);
            }

            _line = buffer.WrittenSpan.ToArray();
        }

        if (!_record.CanScore || _record.Diagnostics.Count > 0)
        {
            throw new InvalidOperationException("the shipped sample should read without a diagnostic");
        }

        _bound = HenanEvidence.From(_utf8);
        _result = new HenanResult();
        if (HandWritten() != Evaluate())
        {
            throw new InvalidOperationException("the floor and the engine should give the same total");
        }
    }

    [Benchmark(Baseline = true, Description = "hand-written floor, pre-bound")]
    public decimal HandWritten()
    {
        HenanFloor.Score(_bound, _result);
        return _result.Total;
    }

    [Benchmark(Description = "evaluate one bound subject")]
    public decimal Evaluate() => _system.Score(_record).Total;

    [Benchmark(Description = "read and bind one record (indented file)")]
    public int ReadAndBind() => _system.ReadEvidence(_utf8, "passing.json").Diagnostics.Count;

    [Benchmark(Description = "read and bind one record (NDJSON line)")]
    public int ReadAndBindLine() => _system.ReadEvidence(_line, "line 1").Diagnostics.Count;

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
