namespace IndicatorEngine;

/// <summary>
/// One evidence change that raises an observation point's score, and the score it then has: e.g. <c>cloudSystemsRatio</c>
/// to 80 for 8 of 8. Immutable.
/// </summary>
/// <param name="Key">The evidence key to change.</param>
/// <param name="Value">The new value: a decimal, bool, string, list of strings, a document's name (for a document key), or null (a document withdrawn).</param>
/// <param name="Score">The point's score once the key has that value (every other value as it is).</param>
public sealed record PointStep(string Key, object? Value, decimal Score)
{
    /// <summary>The value as the engine holds it, for the writers.</summary>
    internal EvidenceValue Evidence { get; init; }

    /// <summary>The key's declaration, for the writers.</summary>
    internal EvidenceDeclaration Declaration { get; init; } = null!;
}
