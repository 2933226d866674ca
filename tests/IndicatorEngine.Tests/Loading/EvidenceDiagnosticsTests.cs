using IndicatorEngine.Tests.Checking;

namespace IndicatorEngine.Tests.Loading;

/// <summary>Bad evidence fails only what reads it, with a diagnostic that names the key and its place.</summary>
public class EvidenceDiagnosticsTests
{
    private static readonly IndicatorSystem System = MiniSystem.Load();

    private static string Json(string values) => $$"""
        {
          "id": "school-1",
          "name": "测试学校",
          "values": {{values}},
          "documents": [ { "name": "plan.pdf", "kind": "securityPlan" } ]
        }
        """;

    private static IndicatorEngine.Scorecard Score(string values) =>
        System.Score(SubjectEvidence.Parse(Json(values), "school.json").GetValueOrThrow());

    private const string Good = """{ "bandwidthMbps": 14000, "people": 20000, "ipv6": true, "drills": 3, "incidents": 0 }""";

    [Fact]
    public void WrongType_IsIE201_FailsOnlyItsLeaf_WithLine()
    {
        var card = Score(Good.Replace("\"ipv6\": true", "\"ipv6\": \"yes\"", StringComparison.Ordinal));
        var d = Assert.Single(card.Diagnostics, d => d.Code == DiagnosticCodes.EvidenceWrongType);
        Assert.Equal("/values/ipv6", d.Pointer);
        Assert.Equal("school.json", d.File);
        Assert.Equal(4, d.Line);
        Assert.Equal(ScoreStatus.Error, card.Find("net.ipv6")!.Status);
        Assert.Equal(8m, card.Total);
    }

    [Fact]
    public void NaNString_IsIE202()
    {
        var card = Score(Good.Replace("14000", "\"NaN\"", StringComparison.Ordinal));
        Assert.Contains(card.Diagnostics, d => d.Code == DiagnosticCodes.EvidenceNotFinite && d.Pointer == "/values/bandwidthMbps");
        Assert.Equal(ScoreStatus.Error, card.Find("net.bandwidth")!.Status);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    public void NonFiniteLiteral_IsIE202_WithLineAndColumn(string literal)
    {
        var result = SubjectEvidence.Parse(Json(Good.Replace("14000", literal, StringComparison.Ordinal)), "school.json");
        Assert.False(result.Succeeded);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.EvidenceNotFinite, d.Code);
        Assert.Equal(4, d.Line);
        Assert.True(d.Column > 10);
    }

    [Fact]
    public void OutOfDeclaredRange_IsIE203()
    {
        var card = Score(Good.Replace("\"drills\": 3", "\"drills\": 500", StringComparison.Ordinal));
        var d = Assert.Single(card.Diagnostics, d => d.Code == DiagnosticCodes.EvidenceOutOfRange);
        Assert.Contains("[0, 100]", d.Message);
        Assert.Equal(ScoreStatus.Error, card.Find("sec.drills")!.Status);
    }

    [Fact]
    public void NegativeCount_IsIE203()
    {
        var card = Score(Good.Replace("20000", "-5", StringComparison.Ordinal));
        Assert.Contains(card.Diagnostics, d => d.Code == DiagnosticCodes.EvidenceOutOfRange && d.Pointer == "/values/people");
    }

    [Theory]
    [InlineData("1e300")]
    [InlineData("123456789012345678901234567890123456789")]
    public void AbsurdlyLargeNumber_IsIE203_NotAnOverflow(string literal)
    {
        var result = SubjectEvidence.Parse(Json(Good.Replace("14000", literal, StringComparison.Ordinal)), "school.json");
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.EvidenceOutOfRange, d.Code);
        Assert.Equal("/values/bandwidthMbps", d.Pointer);
        Assert.Equal(4, d.Line);
    }

    [Fact]
    public void LargeButDecimalNumber_IsIE203_ByTheCatalogueRange()
    {
        var card = Score(Good.Replace("\"drills\": 3", "\"drills\": 1e15", StringComparison.Ordinal));
        Assert.Contains(card.Diagnostics, d => d.Code == DiagnosticCodes.EvidenceOutOfRange && d.Pointer == "/values/drills");
    }

    [Fact]
    public void FractionForInteger_IsIE201()
    {
        var card = Score(Good.Replace("20000", "20000.5", StringComparison.Ordinal));
        Assert.Contains(card.Diagnostics, d => d.Code == DiagnosticCodes.EvidenceWrongType && d.Pointer == "/values/people");
    }

    [Fact]
    public void UnknownKey_IsAWarningIE204_AndScoringGoesOn()
    {
        var card = Score(Good.Replace("{", "{ \"ipv7\": true,", StringComparison.Ordinal));
        var d = Assert.Single(card.Diagnostics, d => d.Code == DiagnosticCodes.EvidenceUnknownKey);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Equal(10m, card.Total);
    }

    [Fact]
    public void MissingKey_IsIE205()
    {
        var card = Score("""{ "bandwidthMbps": 14000, "people": 20000, "drills": 3, "incidents": 0 }""");
        Assert.Contains(card.Diagnostics, d => d.Code == DiagnosticCodes.EvidenceMissing && d.Message.Contains("ipv6", StringComparison.Ordinal));
    }

    [Fact]
    public void EvidenceStringHoldingScript_IsJustData()
    {
        var card = Score(Good.Replace("\"ipv6\": true", "\"ipv6\": \"); while(true){} //\"", StringComparison.Ordinal));
        Assert.Equal(ScoreStatus.Error, card.Find("net.ipv6")!.Status);
    }

    [Fact]
    public void MalformedEvidence_IsIE003_WithLine()
    {
        var result = SubjectEvidence.Parse("{\n \"id\": \"x\",\n \"values\": { \"a\": }\n}", "e.json");
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.MalformedJson, d.Code);
        Assert.Equal(3, d.Line);
    }

    [Fact]
    public void EvidenceWithoutId_IsIE004()
    {
        var result = SubjectEvidence.Parse("""{ "values": {} }""", "e.json");
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.SchemaViolation);
    }

    [Fact]
    public void EvidenceFileMissing_IsIE001_AndTooLarge_IsIE002()
    {
        Assert.Equal(DiagnosticCodes.FileNotFound, Assert.Single(SubjectEvidence.Load("/nope/e.json").Diagnostics).Code);
        using var files = new TempFolder();
        var path = files.Write("e.json", Json(Good));
        var big = SubjectEvidence.Load(path, new LoadOptions { MaxFileBytes = 10 });
        Assert.Equal(DiagnosticCodes.FileTooLarge, Assert.Single(big.Diagnostics).Code);
    }

    [Fact]
    public void CreatedInCode_ScoresLikeParsed()
    {
        var parsed = Score(Good);
        var created = System.Score(SubjectEvidence.Create(
            "school-1",
            new Dictionary<string, object?> { ["bandwidthMbps"] = 14000, ["people"] = 20000, ["ipv6"] = true, ["drills"] = 3, ["incidents"] = 0 },
            [new EvidenceDocument("plan.pdf", "securityPlan", null)]));
        Assert.Equal(parsed.Total, created.Total);
        Assert.Equal(parsed.ObservationPoints().Select(s => s.Explanation), created.ObservationPoints().Select(s => s.Explanation));
    }
}
