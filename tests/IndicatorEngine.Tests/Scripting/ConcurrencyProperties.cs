using System.Collections.Concurrent;

namespace IndicatorEngine.Tests.Scripting;

/// <summary>
/// The same evidence always gives the same score: many threads over few cores (16 threads here, on a machine of
/// two) score every subject exactly as one thread does, for formulas right at the edge of every deterministic
/// limit (statements, memory, recursion, string length, array length) and for trivial ones. Each thread is
/// new, so its sandbox engine is new too. Before the limits were made deterministic, a wall-clock limit of
/// 50 ms failed trivial formulas when threads outnumbered cores (358 of 160,000 scorecards differed).
/// </summary>
public class ConcurrencyProperties
{
    private const int Threads = 16;

    // Small limits, so that formulas at their edge are cheap: 20,000 statements, 1 MiB (262,144 characters, 32,768 items), 32 calls deep.
    private static readonly LoadOptions Tight = new()
    {
        Formulas = { MaxStatements = 20_000, MemoryLimitBytes = 1024 * 1024, MaxRecursionDepth = 32, CompileExpressions = false },
    };

    private static readonly (string Id, string Key, string Formula)[] Edges =
    [
        ("statements", "n", "{ let s = 0; for (let i = 0; i < n; i++) { s = s + i % 3; } return s >= 0 ? points : 0; }"),
        ("memory", "m", "{ const parts = []; for (let i = 0; i < m; i++) { parts.push('item-'.repeat(8) + i); } return parts.length >= 0 ? points : 0; }"),
        ("recursion", "d", "{ const f = (k) => k <= 0 ? 0 : 1 + f(k - 1); return f(d) >= 0 ? points : 0; }"),
        ("string", "w", "{ return 'x'.repeat(w).length >= 0 ? points : 0; }"),
        ("array", "a", "{ return new Array(a).length >= 0 ? points : 0; }"),
        ("trivial", "t", "{ return Math.sqrt(points * points) + t * 0; }"),
    ];

    private static IndicatorSystem EdgeSystem()
    {
        var evidence = string.Join(",\n", Edges.Select(e => $$"""{ "key": "{{e.Key}}", "type": "integer", "min": 0, "title": "{{e.Key}}" }"""));
        var leaves = string.Join(",\n", Edges.Select(e => $$"""
            { "id": "{{e.Id}}", "title": { "zh": "{{e.Id}}" }, "points": 1, "rule": { "type": "formula", "expression": {{System.Text.Json.JsonSerializer.Serialize(e.Formula)}} } }
            """));
        var json = $$"""
            { "id": "edges", "version": "1", "title": { "zh": "边界" }, "points": {{Edges.Length}},
              "evidence": [ {{evidence}} ],
              "profiles": [ { "id": "p", "title": { "zh": "p" }, "passThreshold": {{Edges.Length}} } ],
              "indicators": [ { "id": "root", "title": { "zh": "根" }, "points": {{Edges.Length}}, "children": [ {{leaves}} ] } ] }
            """;
        var result = IndicatorSystem.Parse(json, "edges.json", Tight);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.Value!;
    }

    private static Dictionary<string, object?> Safe() => Edges.ToDictionary(e => e.Key, object? (_) => 1);

    private static SubjectEvidence Subject(string id, Dictionary<string, object?> values) => SubjectEvidence.Create(id, values, [], null);

    // The largest value of the key at which the formula still scores (binary search; one thread).
    private static int Edge(IndicatorSystem system, string leaf, string key, int high)
    {
        var low = 0;
        while (low < high)
        {
            var middle = low + ((high - low + 1) / 2);
            var values = Safe();
            values[key] = middle;
            if (system.Score(Subject("probe", values)).Find(leaf)!.Status == ScoreStatus.Error)
            {
                high = middle - 1;
            }
            else
            {
                low = middle;
            }
        }

        return low;
    }

    private static string Describe(Scorecard card) => card.Subject.Id + ": " + card.Total + " " + card.TotalUpperBound + " " + card.Verdict + " | "
        + string.Join(" | ", card.ObservationPoints().Select(p => $"{p.Id} {p.Score} {p.Status} {p.Explanation}"));

    [Fact]
    public void ManyThreadsOnFewCores_ScoreExactlyAsOneThread_AtTheEdgeOfEveryLimit()
    {
        var system = EdgeSystem();
        var edges = new Dictionary<string, int>
        {
            ["n"] = Edge(system, "statements", "n", 40_000),
            ["m"] = Edge(system, "memory", "m", 20_000),
            ["d"] = Edge(system, "recursion", "d", 100),
            ["w"] = Edge(system, "string", "w", 1_000_000),
            ["a"] = Edge(system, "array", "a", 1_000_000),
        };
        Assert.Equal(262_144, edges["w"]);
        Assert.Equal(32_768, edges["a"]);

        // Subjects at each edge and around it (just within, at, just past), and random mixes near all of them.
        var random = new Random(20261201);
        var subjects = new List<SubjectEvidence>();
        foreach (var (key, edge) in edges)
        {
            for (var delta = -2; delta <= 2; delta++)
            {
                var values = Safe();
                values[key] = edge + delta;
                subjects.Add(Subject($"{key}{delta:+0;-0;0}", values));
            }
        }

        for (var i = 0; i < 12; i++)
        {
            var values = edges.ToDictionary(e => e.Key, object? (e) => e.Value + random.Next(-2, 3));
            values["t"] = i;
            subjects.Add(Subject($"mix{i}", values));
        }

        var alone = subjects.Select(s => Describe(system.Score(s))).ToList();
        foreach (var key in edges.Keys)
        {
            Assert.True(alone.Any(d => d.StartsWith($"{key}+1:", StringComparison.Ordinal) && d.Contains(" Error ", StringComparison.Ordinal)), $"{key} edge {edges[key]}\n" + string.Join("\n", alone.Where(d => d.StartsWith(key, StringComparison.Ordinal))));
            Assert.True(alone.Any(d => d.StartsWith($"{key}0:", StringComparison.Ordinal) && !d.Contains(" Error ", StringComparison.Ordinal)), $"{key} edge {edges[key]}\n" + string.Join("\n", alone.Where(d => d.StartsWith(key, StringComparison.Ordinal))));
        }

        // Every thread scores every subject, each in its own order, all at once.
        var differences = new ConcurrentBag<string>();
        var start = new Barrier(Threads);
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            var order = Enumerable.Range(0, subjects.Count).OrderBy(_ => Random.Shared.Next()).ToList();
            start.SignalAndWait();
            foreach (var i in order)
            {
                var scored = Describe(system.Score(subjects[i]));
                if (scored != alone[i])
                {
                    differences.Add($"thread {t}: {scored}\n  one thread: {alone[i]}");
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.True(differences.IsEmpty, string.Join("\n", differences.Take(5)));
    }

    [Fact]
    public void ManyThreadsOnFewCores_ScoreTrivialFormulasExactlyAsOneThread()
    {
        // The case: trivial formulas, far more threads than cores; 16 × 1,000 scorecards.
        var system = FormulaSystems.Load(FormulaSystems.WithLeafFormula("{ return Math.sqrt(points * points); }", FormulaSystems.Ipv6));
        var subjects = Enumerable.Range(0, 1_000).Select(i => FormulaSystems.Evidence(id: $"s{i}")).ToList();
        var alone = subjects.Select(s => Describe(system.Score(s))).ToList();
        Assert.All(alone, d => Assert.Contains("net.ipv6 2 Scored", d, StringComparison.Ordinal));
        var differences = 0;
        var threads = Enumerable.Range(0, Threads).Select(_ => new Thread(() =>
        {
            for (var i = 0; i < subjects.Count; i++)
            {
                if (Describe(system.Score(subjects[i])) != alone[i])
                {
                    Interlocked.Increment(ref differences);
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.Equal(0, differences);
    }
}
