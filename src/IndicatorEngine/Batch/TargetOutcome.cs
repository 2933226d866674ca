namespace IndicatorEngine.Batch;

/// <summary>A regional target of the definition, met or not, for a batch or one region. Immutable.</summary>
/// <param name="Id">The target's id.</param>
/// <param name="Title">Its title (Chinese, as published).</param>
/// <param name="Kind">Share of schools, or mean of a value.</param>
/// <param name="Counted">Schools counted: scored under the target's profile (any, when it names none); for a mean, those that supplied the value (and the weight).</param>
/// <param name="Met">Schools meeting the condition (a share), or whose own value reaches the target (a mean).</param>
/// <param name="Value">The percentage of counted schools that meet the condition (a share), or the (weighted) mean (a mean), to 2 decimal places; 0 when none was counted.</param>
/// <param name="Required">The percentage (a share) or mean (a mean) the target asks for.</param>
/// <param name="Achieved">Whether the exact value reaches <paramref name="Required"/>; false when no school was counted.</param>
public sealed record TargetOutcome(string Id, string Title, TargetKind Kind, long Counted, long Met, decimal Value, decimal Required, bool Achieved);
