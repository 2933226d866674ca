namespace IndicatorEngine;

/// <summary>
/// Where an observation point, a pass threshold or a grade band comes from: the published source, or the
/// authors of the definition. Written in a definition as <c>published</c>, <c>our-rule</c> or <c>modeled</c>;
/// when a definition does not say, <see cref="Published"/> (the definition is taken as its own source).
/// </summary>
public enum Provenance
{
    /// <summary>
    /// <c>published</c>: the point (or threshold, or band) and the way it is scored are both in the source.
    /// The default.
    /// </summary>
    Published = 0,

    /// <summary>
    /// <c>our-rule</c>: the point and its design points are published, but the scoring curve (partial credit,
    /// the level that earns full points) is the definition authors' own, e.g. Henan's 2 and 1 points for a 10G
    /// backbone without redundancy and a 1G one. Not used for thresholds and grade bands.
    /// </summary>
    OurRule = 1,

    /// <summary>
    /// <c>modeled</c>: not in the source: the definition's authors modelled the point (its evidence, points and
    /// rule), or set the threshold or grade band, from related policy texts.
    /// </summary>
    Modeled = 2,
}
