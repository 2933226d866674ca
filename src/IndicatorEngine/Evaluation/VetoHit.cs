namespace IndicatorEngine;

/// <summary>A veto that fired for a subject, and why. Immutable.</summary>
/// <param name="Id">The veto's id.</param>
/// <param name="Title">The veto's title.</param>
/// <param name="Reason">The evidence that fired it, e.g. "majorSecurityIncidents3y = 1 (≥ 1)".</param>
public sealed record VetoHit(string Id, string Title, string Reason);
