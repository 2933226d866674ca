namespace IndicatorEngine;

/// <summary>
/// A node of an indicator system: a first- or second-level indicator, a group, or an observation point
/// (a leaf, which has a scoring rule). Immutable.
/// </summary>
public sealed class Indicator
{
    internal Indicator(
        string id,
        LocalizedText title,
        decimal points,
        string? description,
        Provenance provenance,
        string? source,
        string? ruleType,
        decimal weight,
        bool isBonus,
        decimal bonusPoints,
        IReadOnlyList<string> evidenceKeys,
        IReadOnlyList<Indicator> children)
    {
        Id = id;
        Title = title;
        Points = points;
        Description = description;
        Provenance = provenance;
        Source = source;
        RuleType = ruleType;
        Weight = weight;
        IsBonus = isBonus;
        BonusPoints = bonusPoints;
        EvidenceKeys = evidenceKeys;
        Children = children;
    }

    /// <summary>Stable id, unique in the system.</summary>
    public string Id { get; }

    /// <summary>Title as published.</summary>
    public LocalizedText Title { get; }

    /// <summary>Design points (设计分值).</summary>
    public decimal Points { get; }

    /// <summary>What the indicator asks for, or null.</summary>
    public string? Description { get; }

    /// <summary>
    /// Where the indicator comes from: published with its rule, published with a scoring rule of the definition's
    /// authors, or modelled by them. Stated on observation points (every point of the shipped systems states it);
    /// <see cref="IndicatorEngine.Provenance.Published"/> when the definition does not say.
    /// </summary>
    public Provenance Provenance { get; }

    /// <summary>The document and clause the indicator comes from (or is modelled on), as the definition names them; null when not stated.</summary>
    public string? Source { get; }

    /// <summary>For observation points: the rule type (<c>linear</c>, <c>checklist</c>…); null for other nodes.</summary>
    public string? RuleType { get; }

    /// <summary>Weight among its siblings when the parent aggregates by weighted mean. Default 1.</summary>
    public decimal Weight { get; }

    /// <summary>True for an extension item (扩展项), whose points count above the parent's base points.</summary>
    public bool IsBonus { get; }

    /// <summary>Cap on the bonus this node's extension items can add above <see cref="Points"/>; 0 when none.</summary>
    public decimal BonusPoints { get; }

    /// <summary>Evidence keys this indicator reads or asks for.</summary>
    public IReadOnlyList<string> EvidenceKeys { get; }

    /// <summary>The nodes below; empty for an observation point.</summary>
    public IReadOnlyList<Indicator> Children { get; }

    /// <summary>True for an observation point (a leaf with a scoring rule).</summary>
    public bool IsLeaf => Children.Count == 0;

    /// <summary>This node and every node below it, parents before children.</summary>
    /// <returns>The nodes in depth-first pre-order.</returns>
    public IEnumerable<Indicator> DescendantsAndSelf()
    {
        yield return this;
        foreach (var child in Children)
        {
            foreach (var node in child.DescendantsAndSelf())
            {
                yield return node;
            }
        }
    }

    /// <summary>The id and Chinese title.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => $"{Id} {Title.Zh} ({Points})";
}
