using IndicatorEngine.Cli.Rendering;

namespace IndicatorEngine.Cli.Tests.Rendering;

/// <summary>The table marks every point the project modelled (†) or scores by its own rule (*), and says what the marks mean.</summary>
public class ProvenanceMarkTests
{
    [Theory]
    [InlineData("henan-higher-vocational")]
    [InlineData("national-benchmark-monitoring")]
    public void Table_MarksModelledAndOurRulePoints_AndHasALegend(string id)
    {
        var card = IndicatorSystem.LoadShipped(id).Score(SubjectEvidence.Create("s", new Dictionary<string, object?>()));
        var lines = ScorecardTable.Render(card, ScorecardView.Full, Cli.Redirected).Split('\n');

        Assert.Single(lines, l => l.StartsWith("标记", StringComparison.Ordinal));
        foreach (var point in card.ObservationPoints())
        {
            var relative = point.Id[(point.Id.LastIndexOf('.') + 1)..];
            var mark = point.Provenance switch { Provenance.Modeled => " †", Provenance.OurRule => " *", _ => "" };
            Assert.Contains(lines, l => l.TrimStart().StartsWith(point.Title.Zh + mark + "  ", StringComparison.Ordinal) && l.Contains(relative, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Table_NotesTheNationalPassMarkAsSetByThisProject()
    {
        var card = IndicatorSystem.LoadShipped("national-benchmark-monitoring").Score(SubjectEvidence.Create("s", new Dictionary<string, object?>()));
        var lines = ScorecardTable.Render(card, ScorecardView.Full, Cli.Redirected).Split('\n');

        Assert.Contains("本项目设定", Assert.Single(lines, l => l.Contains("申报条件 ", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("本项目设定", Assert.Single(lines, l => l.StartsWith("等级", StringComparison.Ordinal)), StringComparison.Ordinal);
    }
}
