namespace IndicatorEngine;

/// <summary>One change to a subject's evidence in an <see cref="ImprovementPlan"/>. Immutable.</summary>
/// <param name="Key">The evidence key.</param>
/// <param name="Title">The key's title in the catalogue.</param>
/// <param name="Unit">The key's unit (one text, or one per language), or null.</param>
/// <param name="Type">The key's type.</param>
/// <param name="From">The value now (as for <paramref name="To"/>; null when not supplied or invalid).</param>
/// <param name="To">The value to give it: a decimal, bool, string, list of strings, a document's name (for a document key), or null (a document withdrawn).</param>
/// <param name="Purpose">Why the change is listed.</param>
/// <param name="For">The veto it clears or decides, or the observation points whose score it raises.</param>
/// <param name="Points">The points it adds to those observation points, made alone (after the vetoes are cleared); 0 for a veto's change.</param>
public sealed record EvidenceChange(string Key, string Title, LocalizedText? Unit, EvidenceType Type, object? From, object? To, ChangePurpose Purpose, IReadOnlyList<string> For, decimal Points)
{
    /// <summary>The value now, as the engine holds it.</summary>
    internal EvidenceValue FromValue { get; init; }

    /// <summary>The new value, as the engine holds it.</summary>
    internal EvidenceValue ToValue { get; init; }

    /// <summary>The key's declaration, for the writers.</summary>
    internal EvidenceDeclaration Declaration { get; init; } = null!;

    /// <summary>The slot of the key.</summary>
    internal int Slot { get; init; }
}
