
namespace IndicatorEngine.Tests.Shipped;

/// <summary>The shipped samples score exactly as their hand-worked EXPECTED.md says, leaf by leaf.</summary>
public class ShippedSampleTests
{
    public static TheoryData<string, string> Samples()
    {
        var data = new TheoryData<string, string>();
        foreach (var sample in ExpectedSample.ReadAll())
        {
            data.Add(sample.System, sample.Sample);
        }

        return data;
    }

    private static (ExpectedSample Expected, IndicatorEngine.Scorecard Card) Score(string system, string sample)
    {
        var expected = ExpectedSample.ReadAll().Single(s => s.System == system && s.Sample == sample);
        var definition = IndicatorSystem.Load(RepoPaths.Definition(system)).GetValueOrThrow();
        var evidence = SubjectEvidence.Load(RepoPaths.Sample(system, sample)).GetValueOrThrow();
        return (expected, definition.Score(evidence));
    }

    [Fact]
    public void EverySystem_HasFourSamples_InItsExpectedFile()
    {
        var samples = ExpectedSample.ReadAll().ToList();
        foreach (var system in new[] { "henan-higher-vocational", "henan-secondary-vocational", "national-benchmark-monitoring" })
        {
            Assert.Equal(["failing", "missing-evidence", "passing", "vetoed"], samples.Where(s => s.System == system).Select(s => s.Sample).Order());
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_TotalVerdictGradeAndVeto_MatchTheHandWorkedResult(string system, string sample)
    {
        var (expected, card) = Score(system, sample);
        Assert.Equal(expected.Total, card.Total);
        Assert.Equal(expected.TotalUpperBound, card.TotalUpperBound);
        Assert.Equal(expected.Verdict, card.Verdict);
        Assert.Equal(expected.Grade, card.Grade?.Id);
        Assert.Equal(expected.GradeUpperBound, card.GradeUpperBound?.Id);
        Assert.Equal(expected.UndecidedVeto, card.UndecidedVetoes.SingleOrDefault()?.Id);
        Assert.Equal(expected.Veto, card.Vetoes.SingleOrDefault()?.Id);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_EveryLeafScoreAndStatus_MatchTheHandWorkedResult(string system, string sample)
    {
        var (expected, card) = Score(system, sample);
        var leaves = card.ObservationPoints().ToList();
        Assert.Equal(expected.Leaves.Count, leaves.Count);
        foreach (var leaf in leaves)
        {
            var (score, status) = expected.Leaves[leaf.Id];
            Assert.True(score == leaf.Score, $"{leaf.Id}: expected {score}, engine {leaf.Score} ({leaf.Explanation})");
            Assert.Equal(status, Kebab(leaf.Status));
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_EverySubtotal_MatchesTheHandWorkedResult(string system, string sample)
    {
        var (expected, card) = Score(system, sample);
        Assert.NotEmpty(expected.Subtotals);
        foreach (var (id, score) in expected.Subtotals)
        {
            Assert.True(card.Find(id)?.Score == score, $"{id}: expected {score}, engine {card.Find(id)?.Score}");
        }
    }

    [Fact]
    public void HenanHigherVocational_HasThePublishedStructure()
    {
        var system = IndicatorSystem.Load(RepoPaths.Definition("henan-higher-vocational")).GetValueOrThrow();
        Assert.Equal(600m, system.Points);
        Assert.Equal(
            [("infrastructure", 80m), ("platforms", 90m), ("resources", 80m), ("smart-education", 150m), ("governance", 100m), ("cybersecurity", 100m)],
            system.Indicators.Select(i => (i.Id, i.Points)));
        Assert.Equal([27m, 16m, 21m, 16m, 50m, 40m, 60m, 20m, 48m, 52m, 50m, 51m, 49m, 36m, 24m, 20m, 20m], system.Indicators.SelectMany(i => i.Children).Select(c => c.Points));
        var leaves = system.Indicators.SelectMany(i => i.DescendantsAndSelf()).Where(n => n.IsLeaf).ToList();
        Assert.Equal(51, leaves.Count);
        Assert.Equal(4, leaves.Count(l => l.Provenance == Provenance.Published));
        Assert.Equal(3, leaves.Count(l => l.Provenance == Provenance.OurRule));
        Assert.Equal(480m, system.DefaultProfile.PassThreshold);
        Assert.Contains(system.Vetoes, v => v.EvidenceKey == "majorSecurityIncidents3y");
        var communication = system.FindIndicator("infrastructure.network.communication")!;
        Assert.Equal(21m, communication.Points);
        Assert.Equal([4m, 3m, 3m, 3m, 4m, 2m, 2m], communication.Children.Select(c => c.Points));
        Assert.All(communication.Children, c => Assert.NotEqual(Provenance.Modeled, c.Provenance));
        Assert.Equal(Provenance.Published, system.DefaultProfile.PassThresholdProvenance);
        Assert.All(system.DefaultProfile.Grades, g => Assert.Equal(Provenance.Modeled, g.Provenance));
    }

    [Fact]
    public void HenanSecondaryVocational_IsAnOverlay_WithThe400Bar()
    {
        var text = File.ReadAllText(RepoPaths.Definition("henan-secondary-vocational"));
        Assert.Contains("\"extends\": \"henan-higher-vocational.json\"", text);
        var system = IndicatorSystem.Load(RepoPaths.Definition("henan-secondary-vocational")).GetValueOrThrow();
        Assert.Equal(400m, system.DefaultProfile.PassThreshold);
        Assert.Equal(600m, system.Points);
        Assert.NotEmpty(system.DefaultProfile.NotApplicable);
    }

    [Theory]
    [InlineData("henan-higher-vocational")]
    [InlineData("henan-secondary-vocational")]
    [InlineData("national-benchmark-monitoring")]
    public void ShippedCopyInsideTheAssembly_ScoresLikeTheFile(string id)
    {
        var fromFile = IndicatorSystem.Load(RepoPaths.Definition(id)).GetValueOrThrow();
        var embedded = IndicatorSystem.LoadShipped(id);
        var evidence = SubjectEvidence.Load(RepoPaths.Sample(id, "passing")).GetValueOrThrow();
        Assert.Equal(fromFile.Score(evidence).Total, embedded.Score(evidence).Total);
        Assert.Contains(id, IndicatorSystem.ShippedIds);
    }

    [Fact]
    public void EveryShippedFile_NamesTheSchema()
    {
        foreach (var file in Directory.GetFiles(RepoPaths.Indicators, "*.json"))
        {
            Assert.Contains("\"$schema\": \"./schema/indicator-system.schema.json\"", File.ReadAllText(file));
        }

        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Indicators, "samples"), "*.json", SearchOption.AllDirectories))
        {
            Assert.Contains("\"$schema\": \"../../schema/evidence.schema.json\"", File.ReadAllText(file));
        }
    }

    private static string Kebab(ScoreStatus status) => status switch
    {
        ScoreStatus.MissingEvidence => "missing-evidence",
        ScoreStatus.NotApplicable => "not-applicable",
        _ => status.ToString().ToLowerInvariant(),
    };
}
