using IndicatorEngine.Loading;
using System.Text;
using BenchmarkDotNet.Attributes;

namespace IndicatorEngine.Benchmarks;

/// <summary>
/// Input far larger than any published system, to hold the engine to linear time: a generated definition of
/// <see cref="Leaves"/> observation points under one parent (half of them boolean rules, half formulas, each
/// formula its own text), validated and compiled; one subject of it scored; and evidence with a list of
/// 10,000 items (the most a list may hold) read and bound. 100,000 points took 126 s to validate before the
/// schema was validated in pieces and formulas were compiled on first use; a quadratic step would show as
/// a time far above 50 times that of 2,000 points.
/// </summary>
/// <remarks>
/// <c>--smoke</c> runs it with 2,000 points only (see <see cref="Program"/>), to stay within the smoke's time.
/// </remarks>
[MemoryDiagnoser]
public class LargeInputBenchmarks
{
    private static readonly LoadOptions Options = new() { MaxFileBytes = 64L * 1024 * 1024 };

    private string _definition = null!;
    private IndicatorSystem _system = null!;
    private EvidenceRecord _subject = null!;
    private byte[] _longList = null!;

    /// <summary>Observation points under the one parent: 100,000, or 2,000 in a smoke run.</summary>
    [ParamsSource(nameof(LeafCounts))]
    public int Leaves { get; set; }

    public static IEnumerable<int> LeafCounts => Program.IsSmoke ? [2_000] : [100_000];

    [GlobalSetup]
    public void Setup()
    {
        _definition = Definition(Leaves);
        _system = Load();
        _subject = _system.ReadEvidence(Encoding.UTF8.GetBytes("""{ "id": "s1", "values": { "flag": true, "share": 0.8, "tags": ["a"] } }"""), "s1.json");
        if (!_subject.CanScore || Score() != Leaves * 0.9m)
        {
            throw new InvalidOperationException($"the generated subject should score {Leaves * 0.9m}, not {Score()}");
        }

        var items = string.Join(", ", Enumerable.Range(0, EvidenceReader.MaxListItems).Select(i => $"\"system-{i:D5}\""));
        _longList = Encoding.UTF8.GetBytes($$"""{ "id": "s2", "values": { "flag": true, "share": 0.5, "tags": [ {{items}} ] } }""");
        if (ReadLongList() != 0)
        {
            throw new InvalidOperationException("a list of the most items a list may hold should read without a diagnostic");
        }
    }

    [Benchmark(Description = "validate and compile the definition")]
    public IndicatorSystem Load()
    {
        var result = IndicatorSystem.Parse(_definition, "large.json", Options);
        return result.Value ?? throw new InvalidOperationException(string.Join("\n", result.Diagnostics.Take(5)));
    }

    [Benchmark(Description = "score one subject")]
    public decimal Score() => _system.Score(_subject).Total;

    [Benchmark(Description = "read evidence with a 10,000-item list")]
    public int ReadLongList() => _system.ReadEvidence(_longList, "s2.json").Diagnostics.Count;

    /// <summary>
    /// A system of <paramref name="leaves"/> points of 1 under one parent: even ones a boolean rule, odd ones a
    /// formula of their own (<c>share &gt;= 0.000…</c>, so none is a copy of another), and one list key.
    /// </summary>
    public static string Definition(int leaves)
    {
        var text = new StringBuilder(leaves * 110);
        text.Append($$"""
            { "id": "large", "version": "1", "title": { "zh": "大体系" }, "points": {{leaves}},
              "evidence": [
                { "key": "flag", "type": "boolean", "title": "flag" },
                { "key": "share", "type": "number", "min": 0, "max": 1, "title": "share" },
                { "key": "tags", "type": "list", "title": "tags" } ],
              "profiles": [ { "id": "all", "title": { "zh": "全部" }, "passThreshold": 0 } ],
              "indicators": [ { "id": "root", "title": { "zh": "根" }, "points": {{leaves}}, "children": [
            """);
        for (var i = 0; i < leaves; i++)
        {
            text.Append(i == 0 ? "\n" : ",\n");
            text.Append($$"""    { "id": "p{{i}}", "title": { "zh": "观测点{{i}}" }, "points": 1, "rule": """);
            text.Append(i % 2 == 0
                ? """{ "type": "boolean", "evidence": "flag" }"""
                : $$"""{ "type": "formula", "expression": "share >= {{(i / (double)leaves).ToString("0.000000", System.Globalization.CultureInfo.InvariantCulture)}} ? points * 0.8 : points * share" }""");
            text.Append(" }");
        }

        text.Append("\n] } ] }\n");
        return text.ToString();
    }
}
