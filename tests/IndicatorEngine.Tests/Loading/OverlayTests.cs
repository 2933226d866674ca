
namespace IndicatorEngine.Tests.Loading;

/// <summary>Overlays: what they replace, what they merge, and where their problems are reported.</summary>
public class OverlayTests
{
    private static string Overlay(string body) =>
        $$"""{ "id": "mini-secondary", "version": "2", "title": { "zh": "中职" }, "extends": "mini.json"{{body}} }""";

    private static (LoadResult<IndicatorSystem> Result, string OverlayPath) Load(TempFolder files, string body)
    {
        files.Write("mini.json", MiniSystem.Text);
        var path = files.Write("overlay.json", Overlay(body));
        return (IndicatorSystem.Load(path), path);
    }

    private static SubjectEvidence Full() => SubjectEvidence.Create(
        "s",
        new Dictionary<string, object?> { ["bandwidthMbps"] = 14000, ["people"] = 20000, ["ipv6"] = true, ["drills"] = 1, ["incidents"] = 0 },
        [new EvidenceDocument("plan.pdf", "securityPlan", null)]);

    [Fact]
    public void Overlay_TakesItsOwnIdentity_AndKeepsTheBaseTree()
    {
        using var files = new TempFolder();
        var system = Load(files, "").Result.GetValueOrThrow();
        Assert.Equal("mini-secondary", system.Id);
        Assert.Equal("2", system.Version);
        Assert.Equal(10m, system.Points);
        Assert.Equal(["net", "sec"], system.Indicators.Select(i => i.Id));
    }

    [Fact]
    public void Overlay_Profiles_ReplaceTheBaseProfiles()
    {
        using var files = new TempFolder();
        var system = Load(files, """, "profiles": [ { "id": "only", "title": { "zh": "唯一" }, "passThreshold": 5, "notApplicable": ["sec.drills"] } ]""").Result.GetValueOrThrow();
        Assert.Equal(["only"], system.Profiles.Select(p => p.Id));
        var card = system.Score(Full());
        Assert.Equal("only", card.Subject.Profile);
        Assert.Equal(ScoreStatus.NotApplicable, card.Find("sec.drills")!.Status);
        Assert.Equal(8m, card.Total);
    }

    [Fact]
    public void Overlay_Patch_ReplacesARule_AndTheOverlayScoresByIt()
    {
        using var files = new TempFolder();
        var body = """, "patches": [ { "id": "sec.drills", "rule": { "type": "tiers", "evidence": "drills", "bands": [ { "atLeast": 1, "points": 2 } ] } } ]""";
        var system = Load(files, body).Result.GetValueOrThrow();
        Assert.Equal(2m, system.Score(Full()).Find("sec.drills")!.Score);
        Assert.Equal(1m, MiniSystem.Load().Score(Full()).Find("sec.drills")!.Score);
    }

    [Fact]
    public void Overlay_PatchOfAnUnknownNode_IsIE109_InTheOverlayFile()
    {
        using var files = new TempFolder();
        var (result, path) = Load(files, """, "patches": [ { "id": "sec.nothing", "points": 1 } ]""");
        var d = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.UnknownNode);
        Assert.Equal(path, d.File);
        Assert.Equal("/patches/0/id", d.Pointer);
    }

    [Fact]
    public void Overlay_PatchThatBreaksThePoints_IsIE102_AtThePatch_NotInTheBaseFile()
    {
        using var files = new TempFolder();
        var (result, path) = Load(files, """, "patches": [ { "id": "net", "points": 7 } ]""");
        var d = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.PointsMismatch && d.Message.Contains("'net'", StringComparison.Ordinal));
        Assert.Equal(path, d.File);
        Assert.StartsWith("/patches/0", d.Pointer);
    }

    [Fact]
    public void Overlay_PatchOfTheAggregation_IsReportedAtThePatch()
    {
        using var files = new TempFolder();
        var (result, path) = Load(files, """, "patches": [ { "id": "net", "aggregation": "sum", "points": 5 } ]""");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.PointsMismatch && d.File == path);
    }

    [Fact]
    public void Overlay_Evidence_IsMergedByKey()
    {
        using var files = new TempFolder();
        var body = """, "evidence": [ { "key": "drills", "type": "integer", "min": 0, "max": 5, "title": "drills" } ]""";
        var system = Load(files, body).Result.GetValueOrThrow();
        Assert.Equal(6, system.EvidenceCatalogue.Count);
        Assert.Equal(5m, system.EvidenceCatalogue.Single(e => e.Key == "drills").Max);
    }

    [Fact]
    public void Overlay_ErrorsInTheBase_AreReportedWithTheBaseFile()
    {
        using var files = new TempFolder();
        var basePath = files.Write("mini.json", MiniSystem.Text.Replace("\"points\": 10,", "\"points\": 11,", StringComparison.Ordinal));
        var result = IndicatorSystem.Load(files.Write("overlay.json", Overlay("")));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.PointsMismatch && d.File == basePath);
    }
}
