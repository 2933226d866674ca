
namespace IndicatorEngine.Rules;

/// <summary>
/// One kind of rule an observation point can have (<c>"type": "linear"</c>, <c>"formula"</c>, <c>"plugin"</c>…).
/// Every kind, built in or not, is one implementation of this interface listed in <see cref="RuleTypes"/>.
/// </summary>
internal interface IRuleType
{
    /// <summary>The name definitions write in <c>"type"</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Checks one rule's settings against the catalogue and compiles it, in one step: problems are reported
    /// through <paramref name="binding"/> (JSON Pointers relative to the rule), never thrown.
    /// </summary>
    /// <returns>The thread-safe compiled rule, or null when an error was reported.</returns>
    RuleScorer? Bind(RuleBinding binding);
}
