namespace IndicatorEngine;

/// <summary>
/// An observation point that can still earn more, and the evidence changes that earn its next points, worked out
/// from its rule and re-scored with the engine. Immutable.
/// </summary>
/// <param name="Id">The observation point's id.</param>
/// <param name="Title">Its title.</param>
/// <param name="Score">Its score now.</param>
/// <param name="Max">Its points.</param>
/// <param name="Kind">Whether the steps could be worked out, and if not why.</param>
/// <param name="Steps">The changes, each on one key, from the smallest step up; empty unless <paramref name="Kind"/> is <see cref="HeadroomKind.Computed"/>.</param>
/// <param name="NeedsKey">For <see cref="HeadroomKind.NeedsEvidenceFirst"/>, the key to supply or correct first; for <see cref="HeadroomKind.DependsOnFixedFact"/>, the fixed key the point depends on; else null.</param>
public sealed record PointHeadroom(string Id, LocalizedText Title, decimal Score, decimal Max, HeadroomKind Kind, IReadOnlyList<PointStep> Steps, string? NeedsKey)
{
    /// <summary>The declaration of <see cref="NeedsKey"/>, for the writers; null when there is none.</summary>
    internal EvidenceDeclaration? NeedsDeclaration { get; init; }
}
