namespace IndicatorEngine;

/// <summary>How the evidence changes that earn an observation point more were found (<see cref="PointHeadroom.Kind"/>).</summary>
public enum HeadroomKind
{
    /// <summary>Worked out from the rule: <see cref="PointHeadroom.Steps"/> (none when no evidence the rule reads can raise it).</summary>
    Computed,

    /// <summary>A manual rule: more points need an expert's score.</summary>
    NeedsExpert,

    /// <summary>A plugin scorer, or a formula that is not monotone in any input: cannot be computed.</summary>
    NotComputable,

    /// <summary>Another value the rule reads must be supplied or corrected first (<see cref="PointHeadroom.NeedsKey"/>).</summary>
    NeedsEvidenceFirst,

    /// <summary>
    /// The only way up is a different value of a fixed key, a fact of the school such as its headcount
    /// (<see cref="PointHeadroom.NeedsKey"/>), which a plan never changes.
    /// </summary>
    DependsOnFixedFact,
}
