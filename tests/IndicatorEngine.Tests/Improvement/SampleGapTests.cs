using IndicatorEngine.Testing;

namespace IndicatorEngine.Tests.Improvement;

/// <summary>The improvement plans of the shipped samples (indicators/samples), worked out by hand from EXPECTED.md's scores.</summary>
public class SampleGapTests
{
    private static readonly IndicatorSystem Henan = IndicatorSystem.LoadShipped("henan-higher-vocational");

    [Theory]
    [MemberData(nameof(EverySample))]
    public void EverySample_GetsAPlanThatReachesItsTarget_OrSaysWhyNot(string id, string sample)
    {
        var system = IndicatorSystem.LoadShipped(id);
        var evidence = Evidence(id, sample);

        var plan = GapAnalysis.Plan(system, evidence);

        var after = system.Score(plan.ApplyTo(evidence));
        if (plan.Outcome == PlanOutcome.Unreachable)
        {
            Assert.True(plan.AtMost < plan.Target || plan.UnclearableVetoes.Count > 0);
            return;
        }

        Assert.True(after.Vetoes.Count == 0 && after.UndecidedVetoes.Count == 0 && after.Total >= plan.Target, plan.ToText(Language.English));
        Assert.Equal(plan.Outcome == PlanOutcome.AlreadyMet ? plan.Total : plan.TotalAfter, after.Total);
    }

    public static TheoryData<string, string> EverySample()
    {
        var data = new TheoryData<string, string>();
        foreach (var id in IndicatorSystem.ShippedIds)
        {
            foreach (var sample in new[] { "passing", "failing", "vetoed", "missing-evidence" })
            {
                data.Add(id, sample);
            }
        }

        return data;
    }

    [Theory]
    [InlineData("henan-higher-vocational")]
    [InlineData("henan-secondary-vocational")]
    public void HenansPlans_NeverSayHaveFewerStudents(string id)
    {
        var system = IndicatorSystem.LoadShipped(id);
        Assert.All(new[] { "campusHeadcount", "studentCount" }, key => Assert.True(system.EvidenceCatalogue.Single(d => d.Key == key).Fixed, key));
        var grades = system.DefaultProfile.Grades;
        var targets = grades.Select(g => ImprovementTarget.ForGrade(g.Id)).Append(ImprovementTarget.Default).Append(ImprovementTarget.ForPoints(system.Points));
        foreach (var sample in new[] { "passing", "failing", "vetoed", "missing-evidence" })
        {
            foreach (var target in targets)
            {
                var plan = GapAnalysis.Plan(system, Evidence(id, sample), target);

                Assert.DoesNotContain(plan.Changes, c => c.Key is "campusHeadcount" or "studentCount");
                Assert.DoesNotContain(plan.Points.SelectMany(p => p.Steps), s => s.Key is "campusHeadcount" or "studentCount");
            }
        }
    }

    [Fact]
    public void Failing_ReachesThePassBarExactly_WithSixChanges()
    {
        var plan = Plan(Henan, "failing");

        Assert.Equal(PlanOutcome.Reachable, plan.Outcome);
        Assert.True(plan.TargetIsPassBar);
        Assert.Equal(480m, plan.Target);
        Assert.Equal(437.76m, plan.Total);
        Assert.Equal(480m, plan.TotalAfter);
        Assert.Equal(6, plan.Changes.Count);
        Assert.All(plan.Changes, c => Assert.Equal(ChangePurpose.EarnPoints, c.Purpose));

        // Five changes add at most 9.75 + 7 + 7 + 7 + 6 = 36.75 < 42.24 missing: six is the fewest.
        Assert.Equal(42.24m, plan.Changes.Sum(c => c.Points));
        Assert.Equal(("onlineOpenCourses", (object?)7m, (object?)20m), (plan.Changes[0].Key, plan.Changes[0].From, plan.Changes[0].To));
    }

    [Fact]
    public void Vetoed_CannotReachTheBar_ForAPastIncidentIsAFactOfTheSchool()
    {
        var plan = Plan(Henan, "vetoed");

        // The veto counts major incidents of the last three years: a plan cannot undo one, only a later round can.
        Assert.Equal(PlanOutcome.Unreachable, plan.Outcome);
        Assert.Empty(plan.Changes);
        Assert.Equal(new Dictionary<string, string> { ["major-security-incident"] = "majorSecurityIncidents3y" }, plan.VetoFixedKeys);
    }

    [Fact]
    public void MissingEvidence_DecidesTheVeto_ThenEarnsTheNineMissingPoints()
    {
        var plan = Plan(Henan, "missing-evidence");

        Assert.Equal(PlanOutcome.Reachable, plan.Outcome);
        Assert.Equal([ChangePurpose.DecideVeto, ChangePurpose.EarnPoints], plan.Changes.Select(c => c.Purpose));
        Assert.Null(plan.Changes[0].From);
        Assert.True(plan.TotalAfter >= 480m);
        var itStaff = plan.Points.Single(p => p.Id == "infrastructure.operations.it-staff");
        Assert.Equal((HeadroomKind.NeedsEvidenceFirst, "campusHeadcount"), (itStaff.Kind, itStaff.NeedsKey));
    }

    [Fact]
    public void Passing_AimsAtTheNextGrade()
    {
        var plan = Plan(Henan, "passing");

        Assert.Equal("excellent", plan.TargetGrade?.Id);
        Assert.Equal(540m, plan.Target);
        var change = Assert.Single(plan.Changes);
        Assert.Equal(("blendedCourseRatio", (object?)50m), (change.Key, change.To));
        Assert.Equal(540.13m, plan.TotalAfter);
        Assert.Equal(HeadroomKind.NeedsExpert, plan.Points.Single(p => p.Id == "smart-education.services.learning-visibility").Kind);
    }

    [Fact]
    public void National_Failing_ReachesTheBarThroughWeightedMeans()
    {
        var national = IndicatorSystem.LoadShipped("national-benchmark-monitoring");

        var plan = Plan(national, "failing");

        Assert.Equal(PlanOutcome.Reachable, plan.Outcome);
        Assert.Equal(3, plan.Changes.Count);
        Assert.Equal(60.32m, plan.TotalAfter);
    }

    [Fact]
    public void AnOutOfReachTarget_SaysTheMostItCanReach_AndWhatIsLeftToExperts()
    {
        var secondary = IndicatorSystem.LoadShipped("henan-secondary-vocational");
        var evidence = Evidence("henan-secondary-vocational", "failing");

        var plan = GapAnalysis.Plan(secondary, evidence, ImprovementTarget.ForPoints(599m));

        Assert.Equal(PlanOutcome.Unreachable, plan.Outcome);
        Assert.Empty(plan.Changes);
        Assert.Equal(561.5m, plan.AtMost);
        Assert.Contains("cannot reach it: at most 561.5", plan.ToText(Language.English), StringComparison.Ordinal);
    }

    [Fact]
    public void AtTheSearchLimit_TheBestFoundStillReachesTheTarget()
    {
        var evidence = Evidence("henan-higher-vocational", "failing");

        var plan = GapAnalysis.Plan(Henan, evidence, ImprovementTarget.ForGrade("excellent"), searchLimit: 5);

        Assert.Equal(PlanOutcome.SearchLimitReached, plan.Outcome);
        Assert.True(Henan.Score(plan.ApplyTo(evidence)).Total >= 540m);
        Assert.Contains("search limit reached", plan.ToText(Language.English), StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownGrade_IsAnArgumentError_NamingTheGrades()
    {
        var error = Assert.Throws<ArgumentException>(() => GapAnalysis.Plan(Henan, Evidence("henan-higher-vocational", "passing"), ImprovementTarget.ForGrade("gold")));

        Assert.Contains("excellent, good, pass, fail", error.Message, StringComparison.Ordinal);
    }

    private static ImprovementPlan Plan(IndicatorSystem system, string sample) => GapAnalysis.Plan(system, Evidence(system.Id, sample));

    private static SubjectEvidence Evidence(string system, string sample) => SubjectEvidence.Load(RepoPaths.Sample(system, sample)).GetValueOrThrow();
}
