namespace IndicatorEngine;

/// <summary>
/// A veto that fired for a subject (<see cref="Scorecard.Vetoes"/>), or that could not be decided
/// (<see cref="Scorecard.UndecidedVetoes"/>), and why. Immutable.
/// </summary>
/// <param name="Id">The veto's id.</param>
/// <param name="Title">The veto's title.</param>
/// <param name="Reason">
/// The evidence that fired it, e.g. "majorSecurityIncidents3y = 1 (≥ 1)", or what must be supplied or corrected to
/// decide it.
/// </param>
public sealed record VetoHit(string Id, string Title, string Reason);
