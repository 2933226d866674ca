namespace IndicatorEngine;

/// <summary>How an indicator's score came about.</summary>
public enum ScoreStatus
{
    /// <summary>Scored on complete evidence, earning all of its points or none.</summary>
    Scored,

    /// <summary>Scored on complete evidence, earning some but not all of its points.</summary>
    Partial,

    /// <summary>Evidence the rule needs was not supplied; the indicator scores 0.</summary>
    MissingEvidence,

    /// <summary>The indicator does not apply to the subject's profile; it scores 0.</summary>
    NotApplicable,

    /// <summary>The evidence could not be used or the scorer failed; the indicator scores 0.</summary>
    Error,
}
