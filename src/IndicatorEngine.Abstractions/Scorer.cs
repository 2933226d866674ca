namespace IndicatorEngine;

/// <summary>
/// The base class for scorer plugins: compile a rule's options into settings of your own type once, then score
/// with them. Derive from this rather than implementing <see cref="IScorer"/> directly: members added to the
/// contract later come here with defaults, so a plugin built today keeps working.
/// </summary>
/// <typeparam name="TSettings">
/// What a rule compiles to: the options checked and converted, with the <see cref="EvidenceSlot"/>s the rule reads.
/// Make it immutable; one instance is shared by every thread scoring that rule.
/// </typeparam>
/// <remarks>
/// The contract of <see cref="IScorer"/> applies: one instance serves every rule and thread, <see cref="Compile"/>
/// reports problems through its setup, <see cref="Score"/> is thread-safe and an exception from it fails only
/// the observation point being scored.
/// </remarks>
/// <example>
/// <code>
/// public sealed class WifiScorer : Scorer&lt;WifiScorer.Settings&gt;
/// {
///     public sealed record Settings(EvidenceSlot Coverage, decimal Target);
///
///     public override string Name =&gt; "wifi";
///
///     protected override Settings? Compile(ScorerSetup setup) =&gt;
///         new(setup.Read("wifiCoveragePct", "", ExpectedEvidence.Number), 95m);
///
///     protected override ScoreOutcome Score(EvidenceView evidence, Settings settings, decimal max) =&gt;
///         evidence.TryGetNumber(settings.Coverage, out var pct)
///             ? new(pct &gt;= settings.Target ? max : 0m, ScoreStatus.Scored, new Explanation("coverage {0}%, target {1}%", pct, settings.Target))
///             : evidence.Unusable(settings.Coverage);
/// }
/// </code>
/// </example>
public abstract class Scorer<TSettings> : IScorer
    where TSettings : class
{
    /// <inheritdoc/>
    public abstract string Name { get; }

    /// <inheritdoc/>
    object? IScorer.Compile(ScorerSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var settings = Compile(setup);
        if (settings is null && !setup.HasErrors)
        {
            setup.Error("", $"scorer '{Name}' rejected the options without saying why");
        }

        return settings;
    }

    /// <inheritdoc/>
    ScoreOutcome IScorer.Score(EvidenceView evidence, object? settings, decimal max) => Score(evidence, (TSettings)settings!, max);

    /// <summary>
    /// Checks one rule's options, declares the evidence it reads with <see cref="ScorerSetup.Read"/>, and
    /// returns the settings <see cref="Score"/> will be given for that rule.
    /// </summary>
    /// <param name="setup">The rule's options and observation point, evidence resolution and diagnostics.</param>
    /// <returns>The settings, or null after reporting an error through <paramref name="setup"/>.</returns>
    protected abstract TSettings? Compile(ScorerSetup setup);

    /// <summary>Scores one subject on one observation point. Must be thread-safe.</summary>
    /// <param name="evidence">The values of the keys the rule declared.</param>
    /// <param name="settings">What <see cref="Compile"/> returned for this rule.</param>
    /// <param name="max">The observation point's points.</param>
    /// <returns>A score in [0, <paramref name="max"/>], a status, and the parts of a one-line explanation with the numbers used.</returns>
    protected abstract ScoreOutcome Score(EvidenceView evidence, TSettings settings, decimal max);
}
