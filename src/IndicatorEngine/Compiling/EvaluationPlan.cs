
namespace IndicatorEngine.Compiling;

/// <summary>One node of the plan, in a flat array where children come before their parent; <see cref="Rule"/> is the rule as written, for traces and gap analysis.</summary>
internal sealed record PlanNode(int Index, Indicator Indicator, int[] Children, bool WeightedMean, RuleScorer? Scorer, int[] Reads, FormulaAggregation? Formula = null, RuleDto? Rule = null);

/// <summary>A veto compiled against evidence slots.</summary>
internal sealed record PlanVeto(Veto Veto, int Slot, EvidenceDeclaration? Evidence, EvidenceValue? EqualsValue, decimal? AtLeast, decimal? AtMost, decimal? GreaterThan, decimal? LessThan, FormulaVeto? Formula = null)
{
    /// <summary>The slots the veto reads (a missing one is listed in the scorecard's missing evidence).</summary>
    public int[] Reads { get; } = Formula?.Reads ?? [Slot];
}

/// <summary>
/// A definition compiled once for evaluation: leaves in a flat array with their scorers resolved, evidence
/// resolved to slot indexes, profiles resolved to masks. Immutable and shared by every thread.
/// </summary>
internal sealed class EvaluationPlan
{
    public EvaluationPlan(
        PlanNode[] nodes,
        int[] roots,
        bool rootWeightedMean,
        decimal points,
        int precision,
        EvidenceCatalogue catalogue,
        PlanVeto[] vetoes,
        bool[][] notApplicable,
        int maxDepth,
        FormulaAggregation? rootFormula = null)
    {
        RootFormula = rootFormula;
        Nodes = nodes;
        Roots = roots;
        RootWeightedMean = rootWeightedMean;
        Points = points;
        Precision = precision;
        Catalogue = catalogue;
        Vetoes = vetoes;
        NotApplicable = notApplicable;
        MaxDepth = maxDepth;
    }

    public PlanNode[] Nodes { get; }

    /// <summary>Node index by indicator id; built when first asked for (self-scores need it, scoring does not).</summary>
    // Stryker disable once Assignment,NullCoalescing : building the index again each time gives the same index
    public IReadOnlyDictionary<string, int> NodeIndex =>
        field ??= Nodes.ToDictionary(n => n.Indicator.Id, n => n.Index, StringComparer.Ordinal);

    public int[] Roots { get; }

    public bool RootWeightedMean { get; }

    /// <summary>The system's aggregation formula, or null.</summary>
    public FormulaAggregation? RootFormula { get; }

    public decimal Points { get; }

    public int Precision { get; }

    public EvidenceCatalogue Catalogue { get; }

    public PlanVeto[] Vetoes { get; }

    /// <summary>Per profile (in the system's order), a flag per node index: true when the node does not apply.</summary>
    public bool[][] NotApplicable { get; }

    /// <summary>How deep evidence read against the plan may nest (<see cref="LoadOptions.MaxDepth"/> of the load).</summary>
    public int MaxDepth { get; }
}
