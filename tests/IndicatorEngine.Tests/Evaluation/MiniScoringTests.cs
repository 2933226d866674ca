using IndicatorEngine.Tests.Checking;

namespace IndicatorEngine.Tests.Evaluation;

/// <summary>Scoring the small system of <see cref="MiniSystem"/>: rules, aggregation, profiles, grades, vetoes.</summary>
public class MiniScoringTests
{
    private static readonly IndicatorSystem System = MiniSystem.Load();

    private static SubjectEvidence Evidence(Dictionary<string, object?> values, bool plan = true, string? profile = null) =>
        SubjectEvidence.Create("s1", values, plan ? [new EvidenceDocument("plan.pdf", "securityPlan", null)] : null, profile);

    private static Dictionary<string, object?> Full() => new()
    {
        ["bandwidthMbps"] = 14000, ["people"] = 20000, ["ipv6"] = true, ["drills"] = 3, ["incidents"] = 0,
    };

    [Fact]
    public void FullEvidence_EarnsAllPoints_AndPasses()
    {
        var card = System.Score(Evidence(Full()));
        Assert.Equal(10m, card.Total);
        Assert.Equal(10m, card.TotalUpperBound);
        Assert.Equal(Verdict.Passed, card.Verdict);
        Assert.Equal("excellent", card.Grade!.Id);
        Assert.Same(card.Grade, card.GradeUpperBound);
        Assert.False(card.Vetoed);
        Assert.Empty(card.MissingEvidence);
        Assert.All(card.ObservationPoints(), s => Assert.Equal(ScoreStatus.Scored, s.Status));
    }

    [Fact]
    public void Linear_PerHead_IsProportional_AndExplained()
    {
        var values = Full();
        values["bandwidthMbps"] = 12000;
        values["people"] = 21000;
        var leaf = System.Score(Evidence(values)).In(Language.English).Find("net.bandwidth")!;

        // 12000/21000 = 0.5714 Mbps/head; / 0.7 × 4 = 3.265… → 3.27
        Assert.Equal(3.27m, leaf.Score);
        Assert.Equal(ScoreStatus.Partial, leaf.Status);
        Assert.Equal("exit bandwidth 12,000 Mbps for 21,000 = 0.57 Mbps/head, target 0.7 → 3.27 of 4", leaf.Explanation);
    }

    [Fact]
    public void Linear_AboveTarget_IsCappedAtMax()
    {
        var values = Full();
        values["bandwidthMbps"] = 1_000_000;
        Assert.Equal(4m, System.Score(Evidence(values)).Find("net.bandwidth")!.Score);
    }

    [Fact]
    public void Linear_PerZero_IsAnErrorOfThatLeafOnly()
    {
        var values = Full();
        values["people"] = 0;
        var card = System.Score(Evidence(values));
        Assert.Equal(ScoreStatus.Error, card.Find("net.bandwidth")!.Status);
        Assert.Equal(0m, card.Find("net.bandwidth")!.Score);
        Assert.Equal(6m, card.Total);
    }

    [Fact]
    public void Tiers_PickTheFirstMatchingBand()
    {
        var values = Full();
        values["drills"] = 1;
        var leaf = System.Score(Evidence(values)).In(Language.English).Find("sec.drills")!;
        Assert.Equal(1m, leaf.Score);
        Assert.Contains("band ≥ 1", leaf.Explanation);
        values["drills"] = 0;
        Assert.Equal(0m, System.Score(Evidence(values)).Find("sec.drills")!.Score);
    }

    [Fact]
    public void Document_PresentOrNot_DecidesABooleanRule()
    {
        Assert.Equal(2m, System.Score(Evidence(Full(), plan: true)).Find("sec.plan")!.Score);
        var without = System.Score(Evidence(Full(), plan: false)).Find("sec.plan")!;
        Assert.Equal(0m, without.Score);
    }

    [Fact]
    public void MissingEvidence_ScoresZero_IsListed_AndWarned()
    {
        var values = Full();
        values.Remove("ipv6");
        var card = System.Score(Evidence(values));
        var leaf = card.Find("net.ipv6")!;
        Assert.Equal(ScoreStatus.MissingEvidence, leaf.Status);
        Assert.Equal(0m, leaf.Score);
        Assert.Equal(ScoreStatus.MissingEvidence, card.Find("net")!.Status);
        var missing = Assert.Single(card.MissingEvidence);
        Assert.Equal("ipv6", missing.Key);
        Assert.Equal(["net.ipv6"], missing.NeededBy);
        Assert.Contains(card.Diagnostics, d => d.Code == "IE205");
        Assert.Equal(8m, card.Total);
    }

    [Fact]
    public void Veto_FailsTheSubject_WhateverItScores_WithTheReason()
    {
        var values = Full();
        values["incidents"] = 1;
        var card = System.Score(Evidence(values)).In(Language.English);
        Assert.Equal(10m, card.Total);
        Assert.True(card.Vetoed);
        Assert.Equal(Verdict.Failed, card.Verdict);

        // A vetoed subject is not graded: its total says nothing about its level.
        Assert.Null(card.Grade);
        Assert.Null(card.GradeUpperBound);
        var hit = Assert.Single(card.Vetoes);
        Assert.Equal("incident", hit.Id);
        Assert.Contains("= 1 (≥ 1)", hit.Reason);
    }

    [Fact]
    public void Veto_WithMissingEvidence_DoesNotFire_ButLeavesTheVerdictUndetermined_NamingWhatToSupply()
    {
        var values = Full();
        values.Remove("incidents");
        var card = System.Score(Evidence(values));
        Assert.False(card.Vetoed);
        Assert.Equal(Verdict.Undetermined, card.Verdict);
        var undecided = Assert.Single(card.UndecidedVetoes);
        Assert.Equal("incident", undecided.Id);
        Assert.Contains("(incidents)未提供，补充后方可判定", undecided.Reason, StringComparison.Ordinal);
        Assert.Contains("(incidents) not supplied; supply it to decide the veto", Assert.Single(card.In(Language.English).UndecidedVetoes).Reason, StringComparison.Ordinal);
        Assert.Contains(card.MissingEvidence, m => m.Key == "incidents" && m.NeededBy.Contains("incident"));
    }

    [Fact]
    public void MissingValueWarning_SaysOnlyWhatIsTrue_OfEachPointAndVeto()
    {
        var values = Full();
        values.Remove("incidents");
        values.Remove("people");
        var card = System.Score(Evidence(values));
        var warnings = card.Diagnostics.Where(d => d.Code == DiagnosticCodes.EvidenceMissing).Select(d => d.Message).ToList();
        Assert.Contains("'people' is not supplied; net.bandwidth score 0 until it is", warnings);
        Assert.Contains("'incidents' is not supplied; veto incident cannot be decided without it", warnings);

        // Henan's regulations-evaluation scores 11 of 16 without the third-party evaluation report: not "0 until it is".
        var henan = IndicatorSystem.LoadShipped("henan-higher-vocational").Score(SubjectEvidence.Load(RepoPaths.Sample("missing-evidence")).GetValueOrThrow());
        Assert.Contains(henan.Diagnostics, d => d.Message == "'thirdPartyEvaluation' is not supplied; governance.execution.regulations-evaluation may score more with it");
    }

    [Fact]
    public void Veto_WithInvalidEvidence_LeavesTheVerdictUndetermined_NeverAPass()
    {
        var values = Full();
        values["incidents"] = "none";
        var card = System.Score(Evidence(values));
        Assert.False(card.Vetoed);
        Assert.Equal(Verdict.Undetermined, card.Verdict);
        Assert.Contains("(incidents)无效，更正后方可判定", Assert.Single(card.UndecidedVetoes).Reason, StringComparison.Ordinal);
        Assert.Contains("is invalid; correct it to decide the veto", Assert.Single(card.In(Language.English).UndecidedVetoes).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Veto_Undecided_ButTheBarOutOfReach_Fails()
    {
        var values = Full();
        values.Remove("incidents");
        values["drills"] = 0;
        values["bandwidthMbps"] = 0;
        var card = System.Score(Evidence(values));
        Assert.Single(card.UndecidedVetoes);
        Assert.True(card.TotalUpperBound < card.PassThreshold, $"{card.TotalUpperBound} < {card.PassThreshold}");
        Assert.Equal(Verdict.Failed, card.Verdict);
    }

    [Fact]
    public void MissingEvidence_BetweenTheBounds_IsUndetermined_WithBothBoundsAndTheGradeRange()
    {
        var values = Full();
        values.Remove("people");
        var card = System.Score(Evidence(values));

        // Bandwidth per head cannot be worked out: 0 of 4 now, 4 of 4 at best.
        Assert.Equal((6m, 10m), (card.Total, card.TotalUpperBound));
        Assert.Equal(Verdict.Undetermined, card.Verdict);
        Assert.Equal(("pass", "excellent"), (card.Grade!.Id, card.GradeUpperBound!.Id));
    }

    [Fact]
    public void MissingEvidence_ThatCannotChangeTheVerdict_LeavesItDecided()
    {
        // Without ipv6 (2 points) the school still reaches the bar of 8: passed, though the grade is open.
        var values = Full();
        values.Remove("ipv6");
        var card = System.Score(Evidence(values));
        Assert.Equal((8m, 10m, Verdict.Passed), (card.Total, card.TotalUpperBound, card.Verdict));
        Assert.Equal(("pass", "excellent"), (card.Grade!.Id, card.GradeUpperBound!.Id));

        // No bandwidth figure, no drills, no IPv6: even the bandwidth's full 4 points would make only 2 + 4 = 6 of the 8 needed.
        values = Full();
        values.Remove("bandwidthMbps");
        values["drills"] = 0;
        values["ipv6"] = false;
        card = System.Score(Evidence(values));
        Assert.Equal((2m, 6m, Verdict.Failed), (card.Total, card.TotalUpperBound, card.Verdict));
    }

    [Fact]
    public void InvalidEvidence_IsOpenLikeMissingEvidence()
    {
        var values = Full();
        values["drills"] = "three";
        var card = System.Score(Evidence(values));
        Assert.Equal(ScoreStatus.Error, card.Find("sec.drills")!.Status);
        Assert.Equal((8m, 10m, Verdict.Passed), (card.Total, card.TotalUpperBound, card.Verdict));
        values["ipv6"] = "yes";
        card = System.Score(Evidence(values));
        Assert.Equal((6m, 10m, Verdict.Undetermined), (card.Total, card.TotalUpperBound, card.Verdict));
    }

    [Fact]
    public void AnUnsuppliedDocument_IsAnAnswer_NotAnOpenPoint()
    {
        var card = System.Score(Evidence(Full(), plan: false));
        Assert.Equal((8m, 8m, Verdict.Passed), (card.Total, card.TotalUpperBound, card.Verdict));
    }

    [Fact]
    public void Profile_NotApplicableLeaf_ScoresZero_AndTheBarStays()
    {
        var card = System.Score(Evidence(Full(), profile: "secondary"));
        var leaf = card.Find("net.ipv6")!;
        Assert.Equal(ScoreStatus.NotApplicable, leaf.Status);
        Assert.Equal(0m, leaf.Score);
        Assert.Equal(8m, card.Total);
        Assert.Equal(6m, card.PassThreshold);
        Assert.Equal(Verdict.Passed, card.Verdict);
        Assert.Equal("secondary", card.Subject.Profile);
    }

    [Fact]
    public void ProfileArgument_OverridesTheEvidenceProfile()
    {
        var card = System.Score(Evidence(Full(), profile: "secondary"), "higher");
        Assert.Equal("higher", card.Subject.Profile);
        Assert.Equal(8m, card.PassThreshold);
    }

    [Fact]
    public void UnknownProfile_IsIE107_NamingTheKnownOnes()
    {
        var e = Assert.Throws<ScoringException>(() => System.Score(Evidence(Full()), "university"));
        Assert.Equal("IE107", e.Diagnostic.Code);
        Assert.Contains("higher", e.Diagnostic.Message);
    }

    [Fact]
    public void ThresholdIsInclusive()
    {
        var values = Full();
        values["drills"] = 0;
        var card = System.Score(Evidence(values));
        Assert.Equal(8m, card.Total);
        Assert.Equal(Verdict.Passed, card.Verdict);
        Assert.Equal("pass", card.Grade!.Id);
    }

    [Fact]
    public void Scores_AreDecimal_AndAddUpExactly()
    {
        var values = Full();
        values["bandwidthMbps"] = 10000;
        values["people"] = 30000;
        var card = System.Score(Evidence(values));
        Assert.Equal(card.ObservationPoints().Sum(s => s.Score), card.Total);
        Assert.Equal(card.Indicators.Sum(s => s.Score), card.Total);
    }
}
