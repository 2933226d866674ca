using System.Globalization;
using IndicatorEngine;

namespace DocumentCurrency;

/// <summary>
/// <c>document-currency</c>: a document counts only while it is current, e.g. a network-security policy
/// revised within the last three years. Full points when the document was supplied and issued within
/// <c>withinYears</c> of the reference date, the <c>partial</c> points when within the partial band, else 0.
/// </summary>
/// <remarks>
/// "Today" comes from the <see cref="TimeProvider"/> the host injects (a dependency-injection container's, or
/// <see cref="TimeProvider.System"/> when the plugin is loaded from a folder without one), so tests can pin it;
/// a rule's <c>asOf</c> option pins it in the definition instead.
/// </remarks>
/// <example>
/// <code>
/// "rule": { "type": "plugin", "scorer": "document-currency", "options": {
///   "document": "securityPolicy", "issuedOn": "securityPolicyIssuedOn",
///   "withinYears": 3, "partial": { "withinYears": 5, "points": 1 } } }
/// </code>
/// </example>
public sealed class DocumentCurrencyScorer : Scorer<DocumentCurrencyScorer.Settings>
{
    private readonly TimeProvider _clock;

    /// <summary>Creates the scorer with the system clock, for hosts that load plugins without a container.</summary>
    public DocumentCurrencyScorer()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Creates the scorer with the clock that says what day it is.</summary>
    /// <param name="clock">The clock; its local time zone decides the date.</param>
    public DocumentCurrencyScorer(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _clock = clock;
    }

    /// <inheritdoc/>
    public override string Name => "document-currency";

    /// <inheritdoc/>
    protected override Settings? Compile(ScorerSetup setup)
    {
        var options = setup.BindOptions<DocumentCurrencyOptions>();
        if (options is null)
        {
            return null;
        }

        if (options.WithinYears < 1)
        {
            setup.Error("/withinYears", $"withinYears must be at least 1, not {options.WithinYears}");
        }

        if (options.Partial is { } partial)
        {
            if (partial.WithinYears <= options.WithinYears)
            {
                setup.Error("/partial/withinYears", $"the partial band must reach further back than withinYears ({options.WithinYears}), not {partial.WithinYears}");
            }

            if (partial.Points <= 0m || partial.Points >= setup.MaxPoints)
            {
                setup.Error("/partial/points", $"partial points must be above 0 and below the observation point's {setup.MaxPoints}, not {partial.Points}");
            }
        }

        var document = setup.Read(options.Document, "/document", ExpectedEvidence.Document);
        var issuedOn = setup.Read(options.IssuedOn, "/issuedOn", ExpectedEvidence.Date);
        return setup.HasErrors
            ? null
            : new Settings(document, issuedOn, options.WithinYears, options.Partial?.WithinYears, options.Partial?.Points ?? 0m, options.AsOf);
    }

    /// <inheritdoc/>
    protected override ScoreOutcome Score(EvidenceView evidence, Settings settings, decimal max)
    {
        if (evidence.CountOf(settings.Document) == 0)
        {
            return evidence.Unusable(settings.Document);
        }

        if (!evidence.TryGetDate(settings.IssuedOn, out var issued))
        {
            return evidence.Unusable(settings.IssuedOn);
        }

        var today = settings.AsOf ?? DateOnly.FromDateTime(_clock.GetLocalNow().DateTime);
        var title = settings.Document.Title;
        if (issued > today)
        {
            return ScoreOutcome.Failed(new Explanation("{0} issued {1}, after the reference date {2}; check {3}", title, issued, today, settings.IssuedOn.Key));
        }

        // The parts of the explanation: the engine puts the text together only when somebody reads it.
        var (score, format, years) = issued.AddYears(settings.WithinYears) >= today ? (max, Within, settings.WithinYears)
            : settings.PartialYears is { } partial && issued.AddYears(partial) >= today ? (settings.PartialPoints, WithinOnly, partial)
            : (0m, MoreThan, settings.PartialYears ?? settings.WithinYears);
        var status = score == max || score == 0m ? ScoreStatus.Scored : ScoreStatus.Partial;
        return new ScoreOutcome(score, status, new Explanation(format, title, issued, years, today, score, max));
    }

    private const string Within = "{0} issued {1}, within {2} years before {3} → {4} of {5}";
    private const string WithinOnly = "{0} issued {1}, within {2} years only before {3} → {4} of {5}";
    private const string MoreThan = "{0} issued {1}, more than {2} years before {3} → {4} of {5}";

    /// <summary>A rule compiled.</summary>
    /// <param name="Document">The document's slot.</param>
    /// <param name="IssuedOn">The issue date's slot.</param>
    /// <param name="WithinYears">Age (years) for full points.</param>
    /// <param name="PartialYears">Age (years) for the partial points, or null.</param>
    /// <param name="PartialPoints">The partial points.</param>
    /// <param name="AsOf">The reference date, or null for today.</param>
    public sealed record Settings(EvidenceSlot Document, EvidenceSlot IssuedOn, int WithinYears, int? PartialYears, decimal PartialPoints, DateOnly? AsOf);
}
