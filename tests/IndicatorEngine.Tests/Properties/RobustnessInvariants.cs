using System.Text;
using IndicatorEngine.Tests.Checking;

namespace IndicatorEngine.Tests.Properties;

/// <summary>The loaders never throw: any bytes and any JSON give diagnostics or a value.</summary>
public class RobustnessInvariants
{
    private static readonly IndicatorSystem Mini = MiniSystem.Load();

    [Invariant]
    public void ArbitraryJson_GivesDiagnosticsOrASystem_NeverAnException(JsonText json)
    {
        var result = IndicatorSystem.Parse(json.Text, "any.json");
        Assert.True(result.Succeeded || result.Diagnostics.Any(d => d.IsError));
    }

    [Invariant]
    public void ArbitraryBytes_GiveDiagnostics_NeverAnException(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        var result = IndicatorSystem.Load(stream, "bytes.json");
        Assert.False(result.Succeeded);
        using var evidenceStream = new MemoryStream(bytes);
        Assert.False(SubjectEvidence.Load(evidenceStream, "bytes.json").Succeeded);
    }

    [Invariant]
    public void ArbitraryJsonAsEvidence_GivesDiagnosticsOrAScorecard_NeverAnException(JsonText json)
    {
        var result = SubjectEvidence.Parse(json.Text, "any.json");
        if (result.Value is { } evidence)
        {
            try
            {
                var card = Mini.Score(evidence);
                Assert.InRange(card.Total, 0m, 10m);
            }
            catch (ScoringException e)
            {
                Assert.Equal("IE107", e.Diagnostic.Code);
            }
        }
    }

    [Invariant]
    public void EvidenceWithArbitraryValues_IsScored_NeverThrows(JsonText json)
    {
        var keys = new[] { "bandwidthMbps", "people", "ipv6", "drills", "incidents", "securityPlan" };
        var text = new StringBuilder("{\"id\":\"x\",\"values\":{");
        for (var i = 0; i < keys.Length; i++)
        {
            text.Append(i > 0 ? "," : "").Append('"').Append(keys[i]).Append("\":").Append(i % 2 == 0 ? json.Text : "1");
        }

        var result = SubjectEvidence.Parse(text.Append("}}").ToString(), "e.json");
        if (result.Value is { } evidence)
        {
            var card = Mini.Score(evidence);
            Assert.All(card.ObservationPoints(), p => Assert.InRange(p.Score, 0m, p.Max));
        }
        else
        {
            Assert.Contains(result.Diagnostics, d => d.IsError);
        }
    }

    [Invariant]
    public void ArbitraryBytesAsARecord_AreReadOrRefused_NeverAnException(byte[] bytes)
    {
        var record = Mini.ReadEvidence(bytes, "line 1");
        if (record.CanScore)
        {
            Assert.InRange(Mini.Score(record).Total, 0m, 10m);
        }
        else
        {
            Assert.Contains(record.Diagnostics, d => d.IsError);
            Assert.Throws<ScoringException>(() => Mini.Score(record));
        }
    }

    [Invariant]
    public void ArbitraryJsonAsARecord_IsReadOrRefused_AndScoresAsParsedEvidence(JsonText json)
    {
        var record = Mini.ReadEvidence(Encoding.UTF8.GetBytes(json.Text), "any.json");
        var parsed = SubjectEvidence.Parse(json.Text, "any.json");
        Assert.Equal(parsed.Succeeded, record.CanScore);
        if (record.CanScore && record.Profile is null)
        {
            Assert.Equal(Mini.Score(parsed.Value!).Total, Mini.Score(record).Total);
        }
    }
}
