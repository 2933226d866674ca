namespace IndicatorEngine;

/// <summary>
/// One evidence key a scorer reads, resolved to a position when its rule compiled (see
/// <see cref="ScorerSetup.Read"/>). Keep it in the settings your scorer compiles and hand it to
/// <see cref="EvidenceView"/> when scoring: reading through a slot is an array access, never a lookup by key.
/// Immutable and thread-safe; valid only for the rule whose setup made it.
/// </summary>
public sealed class EvidenceSlot
{
    internal EvidenceSlot(int index, string key, string title, string? unit)
    {
        Index = index;
        Key = key;
        Title = title;
        Unit = unit;
    }

    /// <summary>The evidence key, e.g. <c>wifiCoverageMainPct</c>.</summary>
    public string Key { get; }

    /// <summary>The title the catalogue gives the key (the key itself when it has none), for explanations.</summary>
    public string Title { get; }

    /// <summary>The unit the catalogue gives the key, e.g. <c>%</c> (the Chinese form when it gives one per language); null when none.</summary>
    public string? Unit { get; }

    /// <summary>Position of the value in the <see cref="EvidenceView"/> of the rule that read it.</summary>
    internal int Index { get; }

    /// <summary>The key.</summary>
    /// <returns><see cref="Key"/>.</returns>
    public override string ToString() => Key;
}
