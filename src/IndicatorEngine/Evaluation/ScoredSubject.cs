
namespace IndicatorEngine;

/// <summary>Who a scorecard is about. Immutable.</summary>
/// <param name="Id">Subject id.</param>
/// <param name="Name">School name, or null.</param>
/// <param name="Profile">The profile it was scored under.</param>
/// <param name="Region">Where it is, or null.</param>
/// <param name="Period">Assessment year, or null.</param>
public sealed record ScoredSubject(string Id, string? Name, string Profile, Region? Region, int? Period);
