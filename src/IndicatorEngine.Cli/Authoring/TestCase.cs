namespace IndicatorEngine.Cli.Authoring;

/// <summary>
/// One author's test case (<c>indicators/schema/test-case.schema.json</c>): evidence, an optional profile, and what
/// the scorecard must say. Every expectation is optional; only those given are checked. Immutable.
/// </summary>
/// <param name="File">The case file, as found in the tests folder.</param>
/// <param name="Name">The case's name, as a test runner shows it.</param>
/// <param name="Evidence">The subject scored.</param>
/// <param name="Profile">The profile to score under; null for the evidence's or the system's default.</param>
/// <param name="Expect">What the scorecard must say.</param>
/// <param name="Locate">The line and column of a JSON Pointer into the case file, for problems found later (an unknown id).</param>
internal sealed record TestCase(
    string File,
    string Name,
    SubjectEvidence Evidence,
    string? Profile,
    Expectations Expect,
    Func<string, (int Line, int Column)> Locate);

/// <summary>An expected value with the JSON Pointer it was written at, so that a problem with it can point there.</summary>
internal readonly record struct Expected<T>(T Value, string Pointer);

/// <summary>The expectations of a <see cref="TestCase"/>; null (or empty) for what the case does not check.</summary>
internal sealed class Expectations
{
    public Expected<decimal>? Total { get; init; }

    public Expected<decimal>? TotalUpperBound { get; init; }

    public Expected<Verdict>? Verdict { get; init; }

    /// <summary>The grade's id, with a null value for "no grade"; itself null when the case does not check the grade.</summary>
    public Expected<string?>? Grade { get; init; }

    public Expected<IReadOnlyList<string>>? Vetoes { get; init; }

    public Expected<IReadOnlyList<string>>? UndecidedVetoes { get; init; }

    /// <summary>Scores by indicator id, in the order written.</summary>
    public IReadOnlyList<(string Id, Expected<decimal> Score)> Scores { get; init; } = [];

    /// <summary>Statuses by indicator id, in the order written.</summary>
    public IReadOnlyList<(string Id, Expected<ScoreStatus> Status)> Statuses { get; init; } = [];
}
