namespace IndicatorEngine;

/// <summary>
/// A scorer that definitions name in a plugin rule, <c>{ "type": "plugin", "scorer": "NAME", "options": { … } }</c>:
/// it checks and compiles each such rule once when the definition loads, then scores the rule's observation
/// point for every subject. Derive from <see cref="Scorer{TSettings}"/> rather than implementing this directly.
/// </summary>
/// <remarks>
/// <para><b>Lifetime and threads.</b> One instance serves every definition that names it, on every thread.
/// <see cref="Name"/> must never change. <see cref="Compile"/> runs once per rule each time a definition loads,
/// possibly while other definitions load or subjects are scored on other threads. <see cref="Score"/> is called
/// for many subjects at once from many threads, with the settings <see cref="Compile"/> returned for that rule:
/// it must be thread-safe, and the settings should be immutable. Score sits on the batch hot path: do the
/// expensive work (parsing options, resolving evidence, building tables) in Compile.</para>
/// <para><b>Failures.</b> A problem with a rule's options is reported through the <see cref="ScorerSetup"/>,
/// never thrown: the definition then fails to load with a diagnostic pointing at the option (IE110), as does an
/// exception thrown from Compile. An exception thrown from Score fails that one observation point for that one
/// subject (status error, 0 points, the scorer's name and the exception's message in the explanation); every
/// other point is still scored. A score below 0 or above the point's maximum is clamped into range and warned
/// about (IE301), with the scorer's name in the explanation. Scores are decimals, so there is no NaN. A status
/// outside <see cref="ScoreStatus"/> fails the point; a point whose status is error, missing evidence or not
/// applicable scores 0 whatever score came with it.</para>
/// <para><b>Explanations.</b> Return the parts of the explanation (<see cref="Explanation"/>: a format and its
/// values), not formatted text: a batch that never reads explanations then never pays for them. Score must be a
/// pure function of its evidence, settings and points: when somebody reads a point's explanation the engine
/// scores that point again for that subject and formats what it returns.</para>
/// <para><b>Evidence.</b> A scorer reads only the keys it declared with <see cref="ScorerSetup.Read"/>, through
/// the <see cref="EvidenceView"/> it is handed; a declared key the subject did not supply is listed in the
/// scorecard's missing evidence.</para>
/// </remarks>
public interface IScorer
{
    /// <summary>The name definitions use in <c>"scorer"</c>, e.g. <c>network-coverage</c>: unique among the scorers a host registers, constant, without spaces.</summary>
    string Name { get; }

    /// <summary>
    /// Checks one rule's options, declares the evidence it reads, and compiles them into the settings
    /// <see cref="Score"/> will be given. Problems are reported through <paramref name="setup"/>.
    /// </summary>
    /// <param name="setup">The rule's options and observation point, evidence resolution and diagnostics.</param>
    /// <returns>The settings for <see cref="Score"/> (may be null); ignored when an error was reported.</returns>
    object? Compile(ScorerSetup setup);

    /// <summary>Scores one subject on one observation point. Must be thread-safe.</summary>
    /// <param name="evidence">The values of the keys the rule declared, by slot.</param>
    /// <param name="settings">What <see cref="Compile"/> returned for this rule.</param>
    /// <param name="max">The observation point's points.</param>
    /// <returns>A score in [0, <paramref name="max"/>], a status, and the parts of a one-line explanation with the numbers used (see <see cref="Explanation"/>).</returns>
    ScoreOutcome Score(EvidenceView evidence, object? settings, decimal max);
}
