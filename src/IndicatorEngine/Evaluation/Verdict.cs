namespace IndicatorEngine;

/// <summary>
/// What a scorecard says about the subject's eligibility (e.g. Henan's 480-point bar for a higher vocational
/// school applying as a provincial benchmark school). Decided by bounds, so it is never falsely a pass: evidence
/// that is missing or invalid leaves the verdict open unless the answer is the same whatever it turns out to be.
/// </summary>
public enum Verdict
{
    /// <summary>
    /// The bar is reached even with every open point at 0 (<see cref="Scorecard.Total"/> ≥ the threshold), no veto
    /// fired and none is undecided.
    /// </summary>
    Passed,

    /// <summary>A veto fired, or the bar is out of reach even with every open point at its full points (<see cref="Scorecard.TotalUpperBound"/> below the threshold).</summary>
    Failed,

    /// <summary>
    /// Neither (待核实): the bar lies between the bounds, a veto cannot be decided for missing or invalid evidence,
    /// or an aggregation formula failed. The scorecard says what must be supplied.
    /// </summary>
    Undetermined,
}
