using System.Globalization;

namespace IndicatorEngine.Cli.Authoring;

/// <summary>One way a scorecard differs from a case's expectation: <c>scores[id]: expected 2.54, actual 2.53</c>.</summary>
internal sealed record Difference(string What, string Expected, string Actual)
{
    public override string ToString() => $"{What}: expected {Expected}, actual {Actual}";
}

/// <summary>Holds a scorecard to a test case's expectations.</summary>
internal static class TestCaseCheck
{
    /// <summary>
    /// Expectations that name what the system does not have (an indicator, a veto or a grade id): the case is wrong,
    /// not the definition, so these make the case unusable rather than failed.
    /// </summary>
    public static IReadOnlyList<Diagnostic> UnknownNames(TestCase testCase, IndicatorSystem system, Scorecard card)
    {
        var problems = new List<Diagnostic>();
        var expect = testCase.Expect;
        foreach (var (id, pointer) in expect.Scores.Select(s => (s.Id, s.Score.Pointer)).Concat(expect.Statuses.Select(s => (s.Id, s.Status.Pointer))))
        {
            if (card.Find(id) is null)
            {
                problems.Add(Problem(testCase, $"no indicator of {system.Id} has the id '{id}'", pointer));
            }
        }

        var vetoIds = system.Vetoes.Select(v => v.Id).ToList();
        foreach (var list in new[] { expect.Vetoes, expect.UndecidedVetoes })
        {
            if (list is { } ids)
            {
                problems.AddRange(ids.Value
                    .Select((id, index) => (id, index))
                    .Where(v => !vetoIds.Contains(v.id, StringComparer.Ordinal))
                    .Select(v => Problem(testCase, $"{system.Id} has no veto '{v.id}' (its vetoes: {List(vetoIds)})", ids.Pointer + "/" + v.index.ToString(CultureInfo.InvariantCulture))));
            }
        }

        if (expect.Grade is { Value: { } grade } expected && !system.Grades.Any(g => g.Id == grade))
        {
            problems.Add(Problem(testCase, $"{system.Id} has no grade '{grade}' (its grades: {List(system.Grades.Select(g => g.Id))})", expected.Pointer));
        }

        return problems;
    }

    /// <summary>Every expectation the card does not meet, in the order: total, upper bound, verdict, grade, vetoes, scores, statuses.</summary>
    public static IReadOnlyList<Difference> Differences(Expectations expect, Scorecard card)
    {
        var differences = new List<Difference>();
        Compare(differences, "total", expect.Total, card.Total);
        Compare(differences, "totalUpperBound", expect.TotalUpperBound, card.TotalUpperBound);
        if (expect.Verdict is { } verdict && verdict.Value != card.Verdict)
        {
            differences.Add(new Difference("verdict", Name(verdict.Value), Name(card.Verdict)));
        }

        if (expect.Grade is { } grade && grade.Value != card.Grade?.Id)
        {
            differences.Add(new Difference("grade", grade.Value ?? "none", card.Grade?.Id ?? "none"));
        }

        CompareSets(differences, "vetoes", expect.Vetoes, card.Vetoes);
        CompareSets(differences, "undecidedVetoes", expect.UndecidedVetoes, card.UndecidedVetoes);
        foreach (var (id, score) in expect.Scores)
        {
            Compare(differences, $"scores[{id}]", score, card.Find(id)!.Score);
        }

        foreach (var (id, status) in expect.Statuses)
        {
            var actual = card.Find(id)!.Status;
            if (actual != status.Value)
            {
                differences.Add(new Difference($"statuses[{id}]", ReportText.Status(status.Value), ReportText.Status(actual)));
            }
        }

        return differences;
    }

    private static void Compare(List<Difference> differences, string what, Expected<decimal>? expected, decimal actual)
    {
        // Decimal equality is by value: 2.5 and 2.50 are the same score.
        if (expected is { } e && e.Value != actual)
        {
            differences.Add(new Difference(what, Number(e.Value), Number(actual)));
        }
    }

    private static void CompareSets(List<Difference> differences, string what, Expected<IReadOnlyList<string>>? expected, IReadOnlyList<VetoHit> actual)
    {
        if (expected is { } e && !e.Value.ToHashSet(StringComparer.Ordinal).SetEquals(actual.Select(v => v.Id)))
        {
            differences.Add(new Difference(what, $"[{List(e.Value)}]", $"[{List(actual.Select(v => v.Id))}]"));
        }
    }

    private static Diagnostic Problem(TestCase testCase, string message, string pointer)
    {
        var (line, column) = testCase.Locate(pointer);
        return new Diagnostic(DiagnosticCodes.SchemaViolation, DiagnosticSeverity.Error, message, testCase.File, pointer, line, column);
    }

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Name(Verdict verdict) => verdict.ToString().ToLowerInvariant();

    private static string List(IEnumerable<string> ids) => string.Join(", ", ids);
}
