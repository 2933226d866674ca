using System.Text;

namespace IndicatorEngine.Tests.Scripting;

/// <summary>How evidence numbers reach a formula, as indicators/README.md says (*Numbers*): decimals read from JSON, seen as doubles.</summary>
public class FormulaNumbersTests
{
    // bandwidthMbps (number) goes to the formula on net.ipv6, in Jint (statements) and compiled (an expression).
    private static decimal Score(string number, string test)
    {
        decimal? result = null;
        foreach (var formula in new[] { $"{{ return {test} ? 2 : 0; }}", $"{test} ? 2 : 0" })
        {
            var system = FormulaSystems.Load(FormulaSystems.WithLeafFormula(formula, FormulaSystems.Ipv6));
            var record = system.ReadEvidence(Encoding.UTF8.GetBytes($$"""{ "id": "s1", "values": { "bandwidthMbps": {{number}}, "people": 1 } }"""), "s1.json");
            Assert.True(record.CanScore, string.Join("\n", record.Diagnostics));
            var score = system.Score(record).Find("net.ipv6")!.Score;
            Assert.True(result is null || result == score, $"{formula}: Jint and compiled disagree");
            result = score;
        }

        return result!.Value;
    }

    [Theory]
    [InlineData("-0", "1 / bandwidthMbps === Infinity")]
    [InlineData("-0.0", "1 / bandwidthMbps === Infinity")]
    [InlineData("0.1", "bandwidthMbps === 0.1")]
    [InlineData("100000000000000000000", "bandwidthMbps === 1e20")]
    [InlineData("9007199254740993", "bandwidthMbps === 9007199254740992")]
    [InlineData("0.30000000000000004", "bandwidthMbps === 0.3")]
    [InlineData("1234567.891234567891", "bandwidthMbps === 1234567.89123457")]
    public void EvidenceNumbers_ReachAFormula_AsDocumented(string json, string test)
    {
        Assert.Equal(2m, Score(json, test));
    }
}
