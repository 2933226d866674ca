namespace IndicatorEngine.Scoring;

/// <summary>The evaluated state of one plan node.</summary>
internal struct NodeOutcome
{
    public decimal Score;
    public decimal Max;
    public ScoreStatus Status;
    public string Explanation;
}
