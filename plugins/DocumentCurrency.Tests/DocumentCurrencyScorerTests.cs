using IndicatorEngine;

namespace DocumentCurrency.Tests;

/// <summary>The document-currency scorer with a pinned clock, loaded and scored by the engine as a host would.</summary>
public class DocumentCurrencyScorerTests
{
    private const string ThreeYearsOrFive = """{ "document": "policy", "issuedOn": "policyIssuedOn", "withinYears": 3, "partial": { "withinYears": 5, "points": 1 } }""";

    private static readonly DateOnly Today = new(2025, 11, 25);

    [Theory]
    [InlineData("2025-01-10", 2, ScoreStatus.Scored, "within 3 years")]
    [InlineData("2022-11-25", 2, ScoreStatus.Scored, "within 3 years")]
    [InlineData("2022-11-24", 1, ScoreStatus.Partial, "within 5 years only")]
    [InlineData("2020-11-25", 1, ScoreStatus.Partial, "within 5 years only")]
    [InlineData("2020-11-24", 0, ScoreStatus.Scored, "more than 5 years")]
    public void AgeOnTheClocksDay_DecidesTheBand(string issued, int points, ScoreStatus status, string band)
    {
        var point = Score(ThreeYearsOrFive, Today, issued);
        Assert.Equal((points, status), (point.Score, point.Status));
        Assert.Equal($"security policy issued {issued}, {band} before 2025-11-25 → {points} of 2", point.Explanation);
    }

    [Fact]
    public void WithoutAPartialBand_AnOldDocumentScoresNothing()
    {
        var point = Score("""{ "document": "policy", "issuedOn": "policyIssuedOn", "withinYears": 3 }""", Today, "2021-01-01");
        Assert.Equal(0m, point.Score);
        Assert.EndsWith("more than 3 years before 2025-11-25 → 0 of 2", point.Explanation);
    }

    [Fact]
    public void AsOf_InTheOptions_WinsOverTheClock()
    {
        var point = Score("""{ "document": "policy", "issuedOn": "policyIssuedOn", "withinYears": 3, "asOf": "2023-06-30" }""", Today, "2021-01-01");
        Assert.Equal(2m, point.Score);
        Assert.Contains("before 2023-06-30", point.Explanation);
    }

    [Fact]
    public void IssuedAfterTheReferenceDate_IsAnError()
    {
        var point = Score(ThreeYearsOrFive, Today, "2026-03-01");
        Assert.Equal(ScoreStatus.Error, point.Status);
        Assert.Equal("security policy issued 2026-03-01, after the reference date 2025-11-25; check policyIssuedOn", point.Explanation);
    }

    [Fact]
    public void NoDocument_OrNoDate_IsMissingEvidence_AndListed()
    {
        var noDocument = Card(ThreeYearsOrFive, Today, "2025-01-01", withDocument: false);
        Assert.Equal(ScoreStatus.MissingEvidence, noDocument.Find("policy")!.Status);
        Assert.Equal("policy", Assert.Single(noDocument.MissingEvidence).Key);

        var noDate = Card(ThreeYearsOrFive, Today, issued: null);
        Assert.Equal(ScoreStatus.MissingEvidence, noDate.Find("policy")!.Status);
        Assert.Equal("policyIssuedOn", Assert.Single(noDate.MissingEvidence).Key);
    }

    [Fact]
    public void TheClocksLocalDate_IsToday()
    {
        // 2025-11-24 20:00 UTC is already 2025-11-25 in Beijing.
        var beijing = TimeZoneInfo.CreateCustomTimeZone("UTC+8", TimeSpan.FromHours(8), "UTC+8", "UTC+8");
        var clock = new FixedClock(new DateTimeOffset(2025, 11, 24, 20, 0, 0, TimeSpan.Zero), beijing);
        var point = Load(ThreeYearsOrFive, new DocumentCurrencyScorer(clock)).GetValueOrThrow().Score(Evidence("2022-11-25", withDocument: true)).Find("policy")!;
        Assert.Equal(2m, point.Score);
    }

    [Theory]
    [InlineData("""{ "document": "policy", "issuedOn": "policyIssuedOn", "withinYears": 0 }""", "/withinYears", "at least 1")]
    [InlineData("""{ "document": "policy", "issuedOn": "policyIssuedOn", "withinYears": 3, "partial": { "withinYears": 3, "points": 1 } }""", "/partial/withinYears", "reach further back")]
    [InlineData("""{ "document": "policy", "issuedOn": "policyIssuedOn", "withinYears": 3, "partial": { "withinYears": 5, "points": 2 } }""", "/partial/points", "below the observation point's 2")]
    [InlineData("""{ "document": "policyIssuedOn", "issuedOn": "policyIssuedOn", "withinYears": 3 }""", "/document", "as a document")]
    [InlineData("""{ "document": "policy", "issuedOn": "policyNote", "withinYears": 3 }""", "/issuedOn", "as a date")]
    [InlineData("""{ "document": "policy", "issuedOn": "policyIssuedOn", "withinYears": 3, "asOf": "end of 2025" }""", "/asOf", "could not be converted")]
    public void BadOptions_AreIE110_AtTheOption(string options, string pointer, string message)
    {
        var d = Assert.Single(Load(options, new DocumentCurrencyScorer()).Diagnostics, d => d.IsError);
        Assert.Equal((DiagnosticCodes.InvalidRule, "/indicators/0/rule/options" + pointer), (d.Code, d.Pointer));
        Assert.Contains(message, d.Message);
    }

    private static LoadResult<IndicatorSystem> Load(string options, DocumentCurrencyScorer scorer) => IndicatorSystem.Parse($$"""
        {
          "id": "currency-test", "version": "1", "title": { "zh": "现行" }, "points": 2,
          "evidence": [
            { "key": "policy", "type": "document", "title": "security policy" },
            { "key": "policyIssuedOn", "type": "date", "title": "policy issued on" },
            { "key": "policyNote", "type": "string" }
          ],
          "profiles": [ { "id": "any", "title": { "zh": "全部" }, "passThreshold": 1 } ],
          "indicators": [
            { "id": "policy", "title": { "zh": "制度现行" }, "points": 2, "provenance": "modeled",
              "rule": { "type": "plugin", "scorer": "document-currency", "options": {{options}} } }
          ]
        }
        """, "currency-test.json", new LoadOptions { Scorers = new ScorerRegistry([scorer]) });

    private static SubjectEvidence Evidence(string? issued, bool withDocument) => SubjectEvidence.Create(
        "school",
        new Dictionary<string, object?> { ["policyIssuedOn"] = issued },
        withDocument ? [new EvidenceDocument("policy-2022.pdf", "policy", null)] : []);

    private static Scorecard Card(string options, DateOnly today, string? issued, bool withDocument = true) =>
        Load(options, new DocumentCurrencyScorer(new FixedClock(new DateTimeOffset(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero), TimeZoneInfo.Utc)))
            .GetValueOrThrow()
            .Score(Evidence(issued, withDocument));

    private static IndicatorScore Score(string options, DateOnly today, string? issued) => Card(options, today, issued).Find("policy")!;

    private sealed class FixedClock(DateTimeOffset now, TimeZoneInfo zone) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => zone;
    }
}
