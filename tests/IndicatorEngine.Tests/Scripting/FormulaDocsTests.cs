using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace IndicatorEngine.Tests.Scripting;

/// <summary>The formula examples in indicators/README.md load against the Henan catalogue and score a sample.</summary>
public partial class FormulaDocsTests
{
    public static TheoryData<string> Examples()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Indicators, "README.md"));
        var section = readme[readme.IndexOf("## Formulas", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 3, StringComparison.Ordinal)];
        var data = new TheoryData<string>();
        foreach (Match m in JsonBlock().Matches(section))
        {
            data.Add(m.Groups[1].Value);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void ReadmeFormulaExample_LoadsAndScoresTheSample(string rule)
    {
        var json = JsonNode.Parse(File.ReadAllText(RepoPaths.Definition("henan-higher-vocational")))!.AsObject();
        var leaf = json["indicators"]![0]!["children"]![0]!["children"]![0]!["children"]![1]!;
        Assert.Equal("infrastructure.network.communication.exit-bandwidth", (string?)leaf["id"]);
        leaf["rule"] = JsonNode.Parse(rule);
        var result = IndicatorSystem.Parse(json.ToJsonString(), "henan.json");
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var evidence = IndicatorEngine.SubjectEvidence.Load(RepoPaths.Sample("henan-higher-vocational", "passing")).GetValueOrThrow();
        var score = result.Value!.Score(evidence).Find("infrastructure.network.communication.exit-bandwidth")!;
        Assert.InRange(score.Score, 0.01m, 3m);
    }

    [GeneratedRegex("```json\\n(\\{ \"type\": \"formula\".*?\\})\\n```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
