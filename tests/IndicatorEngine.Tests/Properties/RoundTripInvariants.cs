using System.Text.Json;
using IndicatorEngine.Definitions;

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
