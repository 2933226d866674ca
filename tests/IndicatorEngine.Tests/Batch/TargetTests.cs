using System.Text;
using IndicatorEngine.Batch;

namespace IndicatorEngine.Tests.Batch;

/// <summary>Regional targets: checked in the definition, counted exactly by a batch, for the batch and each region.</summary>
public class TargetTests
{
    private const string Evidence = """
        { "key": "ratio", "type": "number", "min": 0, "max": 100 }, { "key": "pupils", "type": "integer", "min": 0 },
        { "key": "campus", "type": "boolean" }, { "key": "level", "type": "enum", "values": ["low", "high"] }
        """;

    private static readonly string Root = TinySystem.Group("root", 10, TinySystem.Point("leaf", 10, """{ "type": "linear", "evidence": "ratio", "target": 100 }"""));

    [Theory]
    [InlineData("""{ "id": "t", "title": {"zh": "t"}, "share": 70, "when": {"passed": true} }, { "id": "t", "title": {"zh": "t"}, "mean": "ratio", "atLeast": 1 }""", "IE101")]
    [InlineData("""{ "id": "t", "title": {"zh": "t"}, "profile": "nursery", "share": 70, "when": {"passed": true} }""", "IE107")]
    [InlineData("""{ "id": "t", "title": {"zh": "t"}, "mean": "ratioo", "atLeast": 90 }""", "IE104")]
    [InlineData("""{ "id": "t", "title": {"zh": "t"}, "share": 70, "when": {"evidence": "ratio", "atLeast": 5}, "mean": "ratio", "atLeast": 90 }""", "IE110")]
    [InlineData("""{ "id": "t", "title": {"zh": "t"}, "share": 70 }""", "IE110")]
    [InlineData("""{ "id": "t", "title": {"zh": "t"}, "mean": "campus", "atLeast": 1 }""", "IE110")]
    [InlineData("""{ "id": "t", "title": {"zh": "t"}, "share": 70, "when": {"evidence": "level", "equals": 3} }""", "IE110")]
    [InlineData("""{ "id": "t", "title": {"zh": "t"}, "share": 70, "when": {"passed": true, "evidence": "campus", "equals": true} }""", "IE110")]
    [InlineData("""{ "id": "t", "title": {"zh": "t"}, "share": 170, "when": {"passed": true} }""", "IE004")]
    public void ABadTarget_IsReportedAtItsPlace(string targets, string code)
    {
        var loaded = IndicatorSystem.Parse(Definition(targets), "targets.json");
        Assert.False(loaded.Succeeded);
        var problem = Assert.Single(loaded.Diagnostics, d => d.IsError);
        Assert.Equal(code, problem.Code);
        Assert.StartsWith("/targets", problem.Pointer, StringComparison.Ordinal);
    }

    [Fact]
    public void Targets_AreCountedExactly_ForTheBatchAndEachRegion()
    {
        var system = IndicatorSystem.Parse(Definition("""
            { "id": "share-passed", "title": {"zh": "通过"}, "share": 50, "when": {"passed": true} },
            { "id": "share-campus", "title": {"zh": "校园"}, "profile": "all", "share": 60, "when": {"evidence": "campus", "equals": true} },
            { "id": "share-ratio", "title": {"zh": "比例"}, "share": 50, "when": {"evidence": "ratio", "atLeast": 80} },
            { "id": "mean", "title": {"zh": "均值"}, "mean": "ratio", "atLeast": 70 },
            { "id": "weighted", "title": {"zh": "加权"}, "mean": "ratio", "weight": "pupils", "atLeast": 70 }
            """), "targets.json").GetValueOrThrow();
        string School(string id, string city, int ratio, int pupils, bool campus) =>
            "{\"id\":\"" + id + "\",\"region\":{\"province\":\"P\",\"city\":\"" + city + "\"},\"values\":{\"ratio\":" + ratio + ",\"pupils\":" + pupils + ",\"campus\":" + (campus ? "true" : "false") + "}}";
        var lines = new[]
        {
            School("a", "X", 90, 100, true),
            School("b", "X", 60, 300, true),
            School("c", "Y", 80, 100, false),
            """{"id":"d","region":{"province":"P","city":"Y"},"values":{"pupils":50}}""",
            "broken",
        };
        var summary = BatchRun.Ndjson(lines, system: system).Summary;

        // Passed at 5 points: a, b, c pass (ratio 90, 60, 80 → 9, 6, 8 points), d scores 0.
        Assert.Equal(
            [
                new TargetOutcome("share-passed", "通过", TargetKind.Share, 4, 3, 75m, 50m, true),
                new TargetOutcome("share-campus", "校园", TargetKind.Share, 4, 2, 50m, 60m, false),
                new TargetOutcome("share-ratio", "比例", TargetKind.Share, 4, 2, 50m, 50m, true),
                new TargetOutcome("mean", "均值", TargetKind.Mean, 3, 2, 76.67m, 70m, true),
                new TargetOutcome("weighted", "加权", TargetKind.Mean, 3, 2, 70m, 70m, true),
            ],
            summary.Targets);
        var x = summary.Regions.Single(r => r.City == "X").Targets;
        Assert.Equal((2L, 2L, 100m, true), (x[0].Counted, x[0].Met, x[0].Value, x[0].Achieved));
        Assert.Equal((2L, 75m, true), (x[3].Counted, x[3].Value, x[3].Achieved));
        Assert.Equal((67.5m, false), (x[4].Value, x[4].Achieved));
        var y = summary.Regions.Single(r => r.City == "Y").Targets;
        Assert.Equal((1L, 80m, true), (y[3].Counted, y[3].Value, y[3].Achieved));
        Assert.Equal(summary.ToJson(), BatchSummary.Parse(summary.ToJson()).ToJson());
    }

    [Fact]
    public void TheShippedHenanTargets_AreReported_TheSecondarySystemAddingItsOwn()
    {
        var subjects = BatchRun.Subjects(120, seed: 2);
        var higher = BatchRun.Ndjson(subjects).Summary;
        Assert.Equal(["teacher-online-spaces", "student-online-spaces"], higher.Targets.Select(t => t.Id));
        var rows = subjects.Select(s => System.Text.Json.JsonDocument.Parse(s).RootElement.GetProperty("values")).ToList();
        var teachers = rows.Where(v => v.TryGetProperty("teacherSpaceRatio", out _)).Select(v => v.GetProperty("teacherSpaceRatio").GetDecimal()).ToList();
        Assert.Equal(Math.Round(teachers.Sum() / teachers.Count, 2, MidpointRounding.AwayFromZero), higher.Targets[0].Value);
        Assert.Equal(teachers.Sum() >= 90 * teachers.Count, higher.Targets[0].Achieved);
        var students = rows.Where(v => v.TryGetProperty("studentSpaceRatio", out _) && v.TryGetProperty("studentCount", out _))
            .Select(v => (Ratio: v.GetProperty("studentSpaceRatio").GetDecimal(), Count: v.GetProperty("studentCount").GetDecimal())).ToList();
        Assert.Equal(Math.Round(students.Sum(s => s.Ratio * s.Count) / students.Sum(s => s.Count), 2, MidpointRounding.AwayFromZero), higher.Targets[1].Value);

        var secondary = IndicatorSystem.LoadShipped("henan-secondary-vocational");
        var asSecondary = subjects.Select(s => s.Replace("\"profile\":\"higher-vocational\"", "\"profile\":\"secondary-vocational\"", StringComparison.Ordinal)).ToList();
        var (lines, summary) = BatchRun.Ndjson(asSecondary, system: secondary);
        Assert.Equal(["teacher-online-spaces", "student-online-spaces", "standardized-digital-campus"], summary.Targets.Select(t => t.Id));
        var campus = summary.Targets[2];
        Assert.Equal((120L, summary.Passed, 70m), (campus.Counted, campus.Met, campus.Required));
        Assert.Equal(summary.Passed * 100 >= 70 * 120, campus.Achieved);
        Assert.Equal(lines.Length, summary.Scored);
    }

    private static string Definition(string targets) => $$"""
        {
          "id": "targets", "version": "1", "title": { "zh": "目标" }, "points": 10,
          "evidence": [ {{Evidence}} ],
          "profiles": [ { "id": "all", "title": { "zh": "全部" }, "passThreshold": 5 } ],
          "targets": [ {{targets}} ],
          "indicators": [ {{Root}} ]
        }
        """;
}
