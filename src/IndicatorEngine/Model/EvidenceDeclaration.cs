namespace IndicatorEngine;

/// <summary>One entry of a system's evidence catalogue: a key a school supplies a value for. Immutable.</summary>
/// <param name="Key">The key, an identifier such as <c>exitBandwidthGbps</c>.</param>
/// <param name="Type">The type of the value.</param>
/// <param name="Title">Human title used in explanations; the key when none is given.</param>
/// <param name="Unit">Unit used in explanations, e.g. <c>Gbps</c>, or one per language (<c>人</c> / <c>persons</c>); null when none.</param>
/// <param name="Min">Smallest allowed number (or list length); null when unbounded.</param>
/// <param name="Max">Largest allowed number (or list length); null when unbounded.</param>
/// <param name="Values">Allowed values of an <see cref="EvidenceType.Enum"/>; empty otherwise.</param>
/// <param name="Description">What the value means and how to measure it.</param>
/// <param name="Fixed">
/// A fact of the school (its size, its type, where it is): read by the rules but not something an improvement plan
/// may change. False by default.
/// </param>
public sealed record EvidenceDeclaration(
    string Key,
    EvidenceType Type,
    string Title,
    LocalizedText? Unit,
    decimal? Min,
    decimal? Max,
    IReadOnlyList<string> Values,
    string? Description,
    bool Fixed = false);
