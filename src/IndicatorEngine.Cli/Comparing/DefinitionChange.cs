namespace IndicatorEngine.Cli.Comparing;

/// <summary>What part of a definition a change is in; also the order a diff lists them in.</summary>
internal enum ChangeArea
{
    System,
    Profile,
    Grade,
    Veto,
    Evidence,
    Target,
    Indicator,
}

/// <summary>What happened to the thing a change names.</summary>
internal enum ChangeKind
{
    Added,
    Removed,
    Moved,
    Retitled,
    Changed,
}

/// <summary>
/// One difference between two versions of a definition, matched by id: a thing added or removed, an indicator moved
/// to another parent, retitled, or one of its settings changed. <see cref="Old"/> and <see cref="New"/> hold the
/// values (for <see cref="ChangeKind.Moved"/> the parents' ids, for <see cref="ChangeKind.Retitled"/> the titles,
/// for <see cref="ChangeKind.Added"/> the parent of an indicator); <see cref="Setting"/> names the setting changed
/// (<c>points</c>, <c>rule.type</c>, <c>rule.bands[1].atLeast</c>, <c>when.atLeast</c>…); <see cref="Scope"/> is the
/// profile whose grade changed (null for the system's own grades). Immutable.
/// </summary>
internal sealed record DefinitionChange(
    ChangeArea Area,
    ChangeKind Kind,
    string Id,
    LocalizedText? Title,
    string? Setting = null,
    string? Old = null,
    string? New = null)
{
    /// <summary>For an indicator: true when it is an observation point (a leaf with a rule).</summary>
    public bool IsPoint { get; init; }

    /// <summary>For a grade: the profile it belongs to; null for the system's grades.</summary>
    public string? Scope { get; init; }

    /// <summary>For an added indicator: its design points.</summary>
    public string? Points { get; init; }
}
