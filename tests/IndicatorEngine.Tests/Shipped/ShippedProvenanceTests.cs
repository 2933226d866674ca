using System.Text.Json.Nodes;

namespace IndicatorEngine.Tests.Shipped;

/// <summary>
/// Every observation point of the shipped systems says where it comes from (provenance and source), the
/// thresholds and grade bands the project set are declared as such, and the reports show both.
/// </summary>
public class ShippedProvenanceTests
{
    public static TheoryData<string> Systems() => new(IndicatorSystem.ShippedIds);

    public static TheoryData<string> BaseFiles() => new("henan-higher-vocational", "national-benchmark-monitoring");

    [Theory]
    [MemberData(nameof(BaseFiles))]
    public void EveryObservationPointInTheFile_StatesItsProvenance(string id)
    {
        var root = JsonNode.Parse(File.ReadAllText(RepoPaths.Definition(id)))!;
        var leaves = Nodes(root["indicators"]!.AsArray()).Where(n => n["rule"] is not null).ToList();

        Assert.NotEmpty(leaves);
        Assert.All(leaves, l => Assert.Contains(l["provenance"]?.GetValue<string>(), new[] { "published", "our-rule", "modeled" }));
    }

    [Theory]
    [MemberData(nameof(Systems))]
    public void EveryObservationPoint_NamesANonEmptySource(string id)
    {
        var system = IndicatorSystem.LoadShipped(id);
        var leaves = system.Indicators.SelectMany(i => i.DescendantsAndSelf()).Where(n => n.IsLeaf).ToList();

        Assert.All(leaves, l => Assert.False(string.IsNullOrWhiteSpace(l.Source), l.Id));
    }

    [Fact]
    public void MultimediaClassroomTargets_SayTheyAreTheCompulsoryEducationGoalsOfSeed001()
    {
        var point = IndicatorSystem.LoadShipped("henan-higher-vocational").FindIndicator("infrastructure.smart-environment.multimedia-classrooms")!;

        Assert.Equal(Provenance.Modeled, point.Provenance);
        Assert.Contains("义务教育", point.Source, StringComparison.Ordinal);
        Assert.Contains("教科技〔2017〕678号", point.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void SecondaryOverlay_NamesOnlyTheHigherVocationalSystemAndSeed000_AndMarksItsOwnBandwidthRule()
    {
        var system = IndicatorSystem.LoadShipped("henan-secondary-vocational");

        Assert.DoesNotContain("河南省中等职业学校信息化发展水平评估指标体系", system.Title.Zh, StringComparison.Ordinal);
        Assert.Contains("河南省高等职业学校信息化发展水平评估指标体系", system.Title.Zh, StringComparison.Ordinal);
        Assert.Equal(Provenance.Published, system.DefaultProfile.PassThresholdProvenance);
        Assert.Equal(Provenance.OurRule, system.FindIndicator("infrastructure.network.communication.exit-bandwidth")!.Provenance);
    }

    [Fact]
    public void NationalPassMarkAndGrades_AreDeclaredAsTheProjectsOwn_AndTheCardsSaySo()
    {
        var system = IndicatorSystem.LoadShipped("national-benchmark-monitoring");
        var card = system.Score(SubjectEvidence.Load(RepoPaths.Sample("national-benchmark-monitoring", "passing")).GetValueOrThrow());

        Assert.Equal(Provenance.Modeled, system.DefaultProfile.PassThresholdProvenance);
        Assert.All(system.DefaultProfile.Grades, g => Assert.Equal(Provenance.Modeled, g.Provenance));
        Assert.Equal(Provenance.Modeled, card.PassThresholdProvenance);
        var markdown = ScorecardMarkdown.ToMarkdown(card).Split('\n');
        Assert.Contains("本项目设定", Assert.Single(markdown, l => l.StartsWith("| 结论 |", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("本项目设定", Assert.Single(markdown, l => l.StartsWith("| 等级 |", StringComparison.Ordinal)), StringComparison.Ordinal);
        var json = JsonNode.Parse(ScorecardJson.ToJson(card))!;
        Assert.Equal("modeled", json["passThresholdProvenance"]!.GetValue<string>());
        Assert.Equal("modeled", json["grade"]!["provenance"]!.GetValue<string>());
    }

    [Fact]
    public void HenanPublishedBar_CarriesNoNote()
    {
        var card = IndicatorSystem.LoadShipped("henan-higher-vocational").Score(SubjectEvidence.Load(RepoPaths.Sample("passing")).GetValueOrThrow());

        var threshold = Assert.Single(ScorecardMarkdown.ToMarkdown(card).Split('\n'), l => l.StartsWith("| 结论 |", StringComparison.Ordinal));
        Assert.DoesNotContain("本项目设定", threshold, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Systems))]
    public void Markdown_MarksEveryModelledAndOurRulePoint_AndExplainsTheMarks(string id)
    {
        var card = IndicatorSystem.LoadShipped(id).Score(SubjectEvidence.Create("s", new Dictionary<string, object?>()));
        var lines = ScorecardMarkdown.ToMarkdown(card).Split('\n');

        Assert.Single(lines, l => l.StartsWith("标记: † ", StringComparison.Ordinal));
        foreach (var point in card.ObservationPoints())
        {
            var row = Assert.Single(lines, l => l.StartsWith($"| `{point.Id}` |", StringComparison.Ordinal));
            var title = row.Split(" | ")[1];
            var mark = point.Provenance switch { Provenance.Modeled => " †", Provenance.OurRule => @" \*", _ => "" };
            Assert.Equal(Escaped(point.Title.Zh) + mark, title);
        }
    }

    [Theory]
    [MemberData(nameof(Systems))]
    public void Json_GivesEveryPointItsProvenanceAndSource_AndReadsThemBack(string id)
    {
        var card = IndicatorSystem.LoadShipped(id).Score(SubjectEvidence.Create("s", new Dictionary<string, object?>()));
        var back = ScorecardJson.Parse(ScorecardJson.ToJson(card)).GetValueOrThrow();

        Assert.Equal(
            card.ObservationPoints().Select(p => (p.Id, p.Provenance, p.Source)),
            back.ObservationPoints().Select(p => (p.Id, p.Provenance, p.Source)));
        Assert.Equal(card.PassThresholdProvenance, back.PassThresholdProvenance);
        Assert.Equal(card.Grade?.Provenance, back.Grade?.Provenance);
    }

    private static string Escaped(string text) => text.Replace("*", @"\*", StringComparison.Ordinal).Replace("|", @"\|", StringComparison.Ordinal);

    private static IEnumerable<JsonNode> Nodes(JsonArray nodes) =>
        nodes.SelectMany(n => new[] { n! }.Concat(n!["children"] is JsonArray children ? Nodes(children) : []));
}
