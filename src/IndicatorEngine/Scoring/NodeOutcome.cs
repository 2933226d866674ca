namespace IndicatorEngine.Scoring;

/// <summary>The evaluated state of one plan node.</summary>
internal struct NodeOutcome
{
    public decimal Score;
    public decimal Max;
    public ScoreStatus Status;
    public string Explanation;

    /// <summary>The score the scorer returned when it lay outside [0, max] and was clamped; null otherwise.</summary>
    public decimal? Clamped;
}
