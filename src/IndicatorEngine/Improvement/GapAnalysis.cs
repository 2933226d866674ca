namespace IndicatorEngine;

/// <summary>
/// Gap analysis (差距分析): what a subject must change in its evidence to reach a target, computed exactly. Every
/// candidate set of changes is re-scored with the engine itself (caps, weighted means, extension items and vetoes
/// included), searched in order of size with pruning by the points each change can add at most, and bounded so it
/// never runs away. Thread-safe.
/// </summary>
public static class GapAnalysis
{
    /// <summary>How many candidate sets a search scores at most unless told otherwise.</summary>
    public const int DefaultSearchLimit = 20_000;

    /// <summary>Works out the improvement plan of one subject.</summary>
    /// <param name="system">The indicator system.</param>
    /// <param name="evidence">The subject's evidence.</param>
    /// <param name="target">What to aim at; null for <see cref="ImprovementTarget.Default"/>.</param>
    /// <param name="profileId">Profile to score under; null to use the evidence's profile, else the system's default.</param>
    /// <param name="searchLimit">How many candidate sets to score at most (at least 1).</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ScoringException">The evidence cannot be scored, or the profile is not one of the system's.</exception>
    /// <exception cref="ArgumentException">The target names a grade the profile does not have.</exception>
    public static ImprovementPlan Plan(IndicatorSystem system, SubjectEvidence evidence, ImprovementTarget? target = null, string? profileId = null, int searchLimit = DefaultSearchLimit)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentOutOfRangeException.ThrowIfLessThan(searchLimit, 1);
        var record = system.ReadEvidence(evidence.Utf8.Span, evidence.SourceName ?? "<evidence>");
        var card = system.Score(record, profileId);
        var profile = system.FindProfile(card.Subject.Profile)!;
        var (points, grade, passBar) = Aim(card, profile, target ?? ImprovementTarget.Default);
        return new GapSearch(system, card, points, searchLimit).Run(new ImprovementPlan(card, points, grade, passBar));
    }

    private static (decimal Points, Grade? Grade, bool PassBar) Aim(Scorecard card, Profile profile, ImprovementTarget target)
    {
        if (target.Points is { } points)
        {
            return (points, null, false);
        }

        if (target.GradeId is { } id)
        {
            var grade = profile.Grades.FirstOrDefault(g => g.Id == id)
                ?? throw new ArgumentException($"profile '{profile.Id}' has no grade '{id}'; its grades: {string.Join(", ", profile.Grades.Select(g => g.Id))}", nameof(target));
            return (grade.MinScore, grade, false);
        }

        if (card.Verdict != Verdict.Passed)
        {
            return (profile.PassThreshold, null, true);
        }

        // Passed: the lowest grade above the total (grades are listed highest first); the subject's own at the top.
        var next = profile.Grades.Where(g => g.MinScore > card.Total).MinBy(g => g.MinScore);
        return next is not null ? (next.MinScore, next, false)
            : card.Grade is { } own ? (own.MinScore, own, false)
            : (profile.PassThreshold, null, true);
    }
}
