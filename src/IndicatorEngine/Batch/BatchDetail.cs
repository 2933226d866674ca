namespace IndicatorEngine.Batch;

/// <summary>How much of each subject's result a batch writes on its line.</summary>
public enum BatchDetail
{
    /// <summary>Who, the totals, the verdict, grade and vetoes: <c>subject</c>, <c>total</c>, <c>totalUpperBound</c>, <c>max</c>, <c>passThreshold</c>, <c>passThresholdProvenance</c>, <c>verdict</c>, <c>grade</c>, <c>gradeUpperBound</c>, <c>vetoed</c>, <c>vetoes</c>, <c>undecidedVetoes</c>.</summary>
    Summary,

    /// <summary>The summary plus every indicator's and observation point's <c>id</c>, <c>score</c>, <c>max</c> and <c>status</c> as a tree (no titles, no explanations). The default.</summary>
    Indicators,

    /// <summary>The whole result document of <see cref="ScorecardJson"/>: titles, explanations, missing evidence and diagnostics.</summary>
    Full,
}
