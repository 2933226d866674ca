using System.Text.Json;
using IndicatorEngine.Loading;

namespace IndicatorEngine.Tests.Properties;

/// <summary>Definitions survive being written back out: JSON → model → JSON → model is an identity.</summary>
public class RoundTripInvariants
{
    private static readonly JsonSerializerOptions Options = DefinitionReader.ModelOptions;

    [Invariant]
    public void DefinitionJson_ToModel_ToJson_ToModel_IsIdentity(GeneratedCase c)
    {
        var first = c.Load();
        var written = JsonSerializer.Serialize(first.Model, Options);
        var second = IndicatorSystem.Parse(written, "written.json").GetValueOrThrow();
        Assert.Equal(written, JsonSerializer.Serialize(second.Model, Options));
        foreach (var values in c.Subjects)
        {
            Assert.Equal(ScoringInvariants.Fingerprint(first.Score(c.Evidence(values))), ScoringInvariants.Fingerprint(second.Score(c.Evidence(values))));
        }
    }

    [Invariant]
    public void ResultJson_ToScorecard_ToJson_IsIdentity(GeneratedCase c)
    {
        var system = c.Load();
        foreach (var values in c.Subjects.Append(c.Garbage))
        {
            var card = system.Score(c.Evidence(values), "p2");
            var written = ScorecardJson.ToJson(card);
            var read = ScorecardJson.Parse(written, "result.json");
            Assert.True(read.Succeeded, string.Join("\n", read.Diagnostics));
            Assert.Equal(written, ScorecardJson.ToJson(read.Value!));
            Assert.Equal(ScoringInvariants.Fingerprint(card), ScoringInvariants.Fingerprint(read.Value!));
        }
    }

    [Fact]
    public void ResultJson_ThatBreaksTheSchema_IsReportedNotThrown()
    {
        var read = ScorecardJson.Parse("""{ "total": "lots" }""", "r.json");
        Assert.False(read.Succeeded);
        Assert.Contains(read.Diagnostics, d => d.Code == "IE004");
    }

    [Theory]
    [InlineData("henan-higher-vocational")]
    [InlineData("henan-secondary-vocational")]
    [InlineData("national-benchmark-monitoring")]
    public void ShippedDefinition_ToModel_ToJson_ToModel_IsIdentity(string id)
    {
        var first = IndicatorSystem.Load(RepoPaths.Definition(id)).GetValueOrThrow();
        var written = JsonSerializer.Serialize(first.Model, Options);
        var second = IndicatorSystem.Parse(written, "written.json").GetValueOrThrow();
        Assert.Equal(written, JsonSerializer.Serialize(second.Model, Options));
    }
}
