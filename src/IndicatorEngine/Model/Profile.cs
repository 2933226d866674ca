namespace IndicatorEngine;

/// <summary>
/// A school type a system is applied to (e.g. higher vocational), with its pass threshold, the indicators
/// that do not apply to it and its grade bands. Immutable.
/// </summary>
/// <param name="Id">Stable id, e.g. <c>higher-vocational</c>.</param>
/// <param name="Title">Title as published.</param>
/// <param name="PassThreshold">A subject that is not vetoed passes when its total is at least this.</param>
/// <param name="NotApplicable">Ids of indicators that score 0 with status not-applicable for this profile.</param>
/// <param name="Grades">Grade bands from the highest down (the profile's own, or the system's).</param>
public sealed record Profile(
    string Id,
    LocalizedText Title,
    decimal PassThreshold,
    IReadOnlySet<string> NotApplicable,
    IReadOnlyList<Grade> Grades)
{
    /// <summary>
    /// Whether <see cref="PassThreshold"/> is the source's (<see cref="IndicatorEngine.Provenance.Published"/>, the default)
    /// or set by the definition's authors (<see cref="IndicatorEngine.Provenance.Modeled"/>).
    /// </summary>
    public Provenance PassThresholdProvenance { get; init; }
}
