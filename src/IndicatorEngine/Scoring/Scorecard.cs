using IndicatorEngine.Definitions;
using IndicatorEngine.Diagnostics;

namespace IndicatorEngine.Scoring;

/// <summary>
/// A subject's scored self-assessment against one indicator system: every indicator's score with its
/// explanation, the total, the threshold and verdict, grade and vetoes, missing evidence, and the evidence
/// diagnostics. Immutable.
/// </summary>
public sealed class Scorecard
{
    internal Scorecard(
        string systemId,
        string systemVersion,
        LocalizedText systemTitle,
        decimal max,
        ScoredSubject subject,
        decimal total,
        decimal passThreshold,
        bool passed,
        Grade? grade,
        IReadOnlyList<VetoHit> vetoes,
        IReadOnlyList<IndicatorScore> indicators,
        IReadOnlyList<MissingEvidence> missingEvidence,
        IReadOnlyList<Diagnostic> diagnostics)
    {
        SystemId = systemId;
        SystemVersion = systemVersion;
        SystemTitle = systemTitle;
        Subject = subject;
        Total = total;
        Max = max;
        PassThreshold = passThreshold;
        Passed = passed;
        Grade = grade;
        Vetoes = vetoes;
        Indicators = indicators;
        MissingEvidence = missingEvidence;
        Diagnostics = diagnostics;
    }

    /// <summary>Id of the indicator system scored against.</summary>
    public string SystemId { get; }

    /// <summary>Version of the indicator system.</summary>
    public string SystemVersion { get; }

    /// <summary>Title of the indicator system.</summary>
    public LocalizedText SystemTitle { get; }

    /// <summary>Who was scored, under which profile.</summary>
    public ScoredSubject Subject { get; }

    /// <summary>Total points earned (extension bonus included).</summary>
    public decimal Total { get; }

    /// <summary>The system's design points.</summary>
    public decimal Max { get; }

    /// <summary>The profile's pass threshold.</summary>
    public decimal PassThreshold { get; }

    /// <summary>True when not vetoed and the total reaches the pass threshold.</summary>
    public bool Passed { get; }

    /// <summary>The grade band reached (the lowest band when vetoed); null when the system has no grades.</summary>
    public Grade? Grade { get; }

    /// <summary>True when any veto fired.</summary>
    public bool Vetoed => Vetoes.Count > 0;

    /// <summary>The vetoes that fired, with their reasons.</summary>
    public IReadOnlyList<VetoHit> Vetoes { get; }

    /// <summary>The first-level indicators' scores, each with its subtree.</summary>
    public IReadOnlyList<IndicatorScore> Indicators { get; }

    /// <summary>Evidence keys the rules needed but the subject did not supply.</summary>
    public IReadOnlyList<MissingEvidence> MissingEvidence { get; }

    /// <summary>Problems found in the evidence (wrong types, out of range, unknown keys…).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Finds the score of an indicator by id anywhere in the tree.</summary>
    /// <param name="id">The indicator id.</param>
    /// <returns>The score, or null when no indicator has that id.</returns>
    public IndicatorScore? Find(string id) =>
        Indicators.SelectMany(i => i.DescendantsAndSelf()).FirstOrDefault(s => s.Id == id);

    /// <summary>The observation points' scores, in tree order.</summary>
    /// <returns>Every leaf score.</returns>
    public IEnumerable<IndicatorScore> ObservationPoints() =>
        Indicators.SelectMany(i => i.DescendantsAndSelf()).Where(s => s.Children.Count == 0);
}
