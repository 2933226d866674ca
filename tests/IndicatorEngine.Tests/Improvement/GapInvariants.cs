using IndicatorEngine.Batch;
using IndicatorEngine.Tests.Properties;

namespace IndicatorEngine.Tests.Improvement;

/// <summary>
/// What an improvement plan promises, over generated schools (<see cref="EvidenceGenerator"/>) of every shipped
/// system and every kind of target: its changes, made and scored again, reach the target; no proper subset of them
/// does; a plan that says the target is met or out of reach is right about it; no change touches a fixed key.
/// </summary>
public class GapInvariants
{
    private static readonly IndicatorSystem[] Systems = IndicatorSystem.ShippedIds.Select(id => IndicatorSystem.LoadShipped(id)).ToArray();

    [Invariant]
    public void MakingThePlansChanges_ReachesTheTarget(Seed seed)
    {
        var (system, evidence, target) = Case(seed.Value);
        var plan = GapAnalysis.Plan(system, evidence, target);
        var card = system.Score(evidence);
        switch (plan.Outcome)
        {
            case PlanOutcome.AlreadyMet:
                Assert.Empty(plan.Changes);
                Assert.True(Reaches(card, plan.Target), Describe(plan));
                break;
            case PlanOutcome.Reachable or PlanOutcome.SearchLimitReached:
                var after = system.Score(plan.ApplyTo(evidence));
                Assert.True(Reaches(after, plan.Target), Describe(plan));
                Assert.Equal(plan.TotalAfter, after.Total);
                Assert.False(Reaches(card, plan.Target), "a reachable plan for a school that reaches the target already");
                break;
            default:
                Assert.Empty(plan.Changes);
                Assert.False(Reaches(card, plan.Target));
                Assert.True(plan.UnclearableVetoes.Count > 0 || plan.AtMost < plan.Target, Describe(plan));
                break;
        }
    }

    [Invariant]
    public void NoProperSubsetOfThePlansChanges_ReachesTheTarget(Seed seed)
    {
        var (system, evidence, target) = Case(seed.Value);
        var plan = GapAnalysis.Plan(system, evidence, target);
        var changes = plan.Changes;
        if (plan.Outcome is not (PlanOutcome.Reachable or PlanOutcome.SearchLimitReached))
        {
            return;
        }

        // Every proper subset of a small plan; of a larger one each change left out (every proper subset lies within one of those).
        var subsets = changes.Count <= 5
            ? Enumerable.Range(0, (1 << changes.Count) - 1).Select(mask => changes.Where((_, i) => (mask & (1 << i)) != 0).ToList())
            : Enumerable.Range(0, changes.Count).Select(left => changes.Where((_, i) => i != left).ToList());
        foreach (var subset in subsets)
        {
            var card = system.Score(ImprovementPlan.Apply(evidence, subset));
            Assert.False(Reaches(card, plan.Target), $"{subset.Count} of the {changes.Count} changes reach it already: {string.Join(", ", subset.Select(c => c.Key))}\n{Describe(plan)}");
        }
    }

    [Invariant]
    public void NoChangeOrStep_TouchesAFixedKey(Seed seed)
    {
        var (system, evidence, target) = Case(seed.Value);
        var facts = system.EvidenceCatalogue.Where(d => d.Fixed).Select(d => d.Key).ToHashSet(StringComparer.Ordinal);

        var plan = GapAnalysis.Plan(system, evidence, target);

        // A fixed fact is never changed; one that is missing may only be supplied to decide a veto (docs/gap.md).
        Assert.DoesNotContain(plan.Changes, c => facts.Contains(c.Key) && !(c.Purpose == ChangePurpose.DecideVeto && c.From is null && !evidence.Keys.Contains(c.Key)));
        Assert.DoesNotContain(plan.Points.SelectMany(p => p.Steps), s => facts.Contains(s.Key));
        Assert.All(plan.Points.Where(p => p.Kind == HeadroomKind.DependsOnFixedFact), p => Assert.Contains(p.NeedsKey!, facts));
    }

    [Invariant]
    public void APlan_IsTheSameEveryTime(Seed seed)
    {
        var (system, evidence, target) = Case(seed.Value);

        Assert.Equal(GapAnalysis.Plan(system, evidence, target).ToJson(), GapAnalysis.Plan(system, evidence, target).ToJson());
    }

    /// <summary>What a plan's target means: no veto fired or undecided, and the total (open points at 0) at least the target.</summary>
    private static bool Reaches(Scorecard card, decimal target) =>
        card.Vetoes.Count == 0 && card.UndecidedVetoes.Count == 0 && card.Total >= target
        && !card.Diagnostics.Any(d => d.Code == DiagnosticCodes.FormulaFailed);

    /// <summary>A generated school of one shipped system, and a target: the default, a grade of its profile, or some points above its total.</summary>
    private static (IndicatorSystem System, SubjectEvidence Evidence, ImprovementTarget Target) Case(int seed)
    {
        var random = new Random(seed);
        var system = Systems[random.Next(Systems.Length)];
        using var output = new MemoryStream();
        new EvidenceGenerator(system, random.Next()).WriteNdjson(output, 1);
        var evidence = SubjectEvidence.Parse(System.Text.Encoding.UTF8.GetString(output.ToArray()), "generated.json").GetValueOrThrow();
        var card = system.Score(evidence);
        var grades = system.FindProfile(card.Subject.Profile)!.Grades;
        var target = random.Next(3) switch
        {
            0 => ImprovementTarget.Default,
            1 => ImprovementTarget.ForGrade(grades[random.Next(grades.Count)].Id),
            _ => ImprovementTarget.ForPoints(Math.Min(card.Max, card.Total + random.Next(1, 80))),
        };
        return (system, evidence, target);
    }

    private static string Describe(ImprovementPlan plan) => plan.ToText(Language.English);
}
