namespace IndicatorEngine;

/// <summary>A knock-out rule (一票否决): when its condition holds the subject fails whatever it scores. Immutable.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Title">What the veto is about, as published.</param>
/// <param name="Description">More detail, or null.</param>
/// <param name="EvidenceKey">The evidence key the condition reads (for a formula, the first key it reads, or empty).</param>
/// <param name="Formula">The condition's formula, or null when the condition is a test on one evidence key.</param>
public sealed record Veto(string Id, LocalizedText Title, string? Description, string EvidenceKey, string? Formula = null);
