namespace IndicatorEngine;

/// <summary>
/// What an improvement plan (<see cref="GapAnalysis.Plan"/>) aims at: a total of at least some points, a grade, or
/// by default the profile's pass bar, and for a subject that passes already the next grade above its own. A
/// target is reached when no veto fires or is undecided and the total (open points at 0) is at least its points.
/// Immutable.
/// </summary>
public sealed record ImprovementTarget
{
    private ImprovementTarget(decimal? points, string? gradeId)
    {
        Points = points;
        GradeId = gradeId;
    }

    /// <summary>The pass bar, or for a subject that passes already the next grade above its own.</summary>
    public static ImprovementTarget Default { get; } = new(null, null);

    /// <summary>The total aimed at; null unless made by <see cref="ForPoints"/>.</summary>
    public decimal? Points { get; }

    /// <summary>The id of the grade aimed at; null unless made by <see cref="ForGrade"/>.</summary>
    public string? GradeId { get; }

    /// <summary>A total of at least <paramref name="points"/>.</summary>
    /// <param name="points">The total aimed at, 0 or more.</param>
    /// <returns>The target.</returns>
    public static ImprovementTarget ForPoints(decimal points)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(points);
        return new(points, null);
    }

    /// <summary>The lowest total of a grade of the subject's profile.</summary>
    /// <param name="gradeId">The grade's id, e.g. <c>excellent</c>.</param>
    /// <returns>The target.</returns>
    public static ImprovementTarget ForGrade(string gradeId)
    {
        ArgumentException.ThrowIfNullOrEmpty(gradeId);
        return new(null, gradeId);
    }
}
