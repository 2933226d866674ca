namespace IndicatorEngine;

/// <summary>Why an improvement plan lists an evidence change.</summary>
public enum ChangePurpose
{
    /// <summary>It clears a veto that fired: until it is cleared no points matter.</summary>
    ClearVeto,

    /// <summary>It supplies (or corrects) the evidence of a veto that cannot be decided, with a value that does not fire it.</summary>
    DecideVeto,

    /// <summary>It earns points on the observation points that read it.</summary>
    EarnPoints,
}
