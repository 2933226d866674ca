
namespace IndicatorEngine.Checking;

/// <summary>
/// What checking a definition produced besides its verdict: the evidence catalogue, every rule bound to its
/// compiled scorer and every aggregation and veto formula analysed, keyed by the model object they came from,
/// so that compiling the plan parses and binds nothing a second time.
/// </summary>
internal sealed class CheckedDefinition(EvidenceCatalogue catalogue, IReadOnlyDictionary<object, object> compiled)
{
    public EvidenceCatalogue Catalogue => catalogue;

    public RuleScorer ScorerOf(RuleDto rule) => (RuleScorer)compiled[rule];

    public FormulaShape ShapeOf(object formulaOwner) => (FormulaShape)compiled[formulaOwner];
}
