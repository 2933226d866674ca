using System.Text.Json;

namespace IndicatorEngine.Compiling;

/// <summary>
/// Turns a checked definition model into the public read-only views and the evaluation plan. Runs only on a
/// model <see cref="DefinitionChecker"/> accepted, so it can rely on ids, keys and shapes being right.
/// </summary>
internal sealed class SystemCompiler
{
    private readonly LoadOptions _options;
    private readonly CheckedDefinition _checked;
    private readonly EvidenceCatalogue _catalogue;
    private readonly List<PlanNode> _nodes = [];
    private readonly SandboxLimits _limits;

    private SystemCompiler(CheckedDefinition checkedDefinition, LoadOptions options)
    {
        _options = options;
        _checked = checkedDefinition;
        _catalogue = checkedDefinition.Catalogue;

        // Checks the formula limits (ArgumentOutOfRangeException) whether or not the definition has formulas.
        _limits = options.Formulas.Freeze();
    }

    public static IndicatorSystem Compile(SystemDto system, CheckedDefinition checkedDefinition, string? sourceName, LoadOptions options)
    {
        var compiler = new SystemCompiler(checkedDefinition, options);
        var roots = (system.Indicators ?? []).Select(compiler.Add).ToArray();
        var indicators = roots.Select(i => compiler._nodes[i].Indicator).ToList();
        var grades = ToGrades(system.Grades) ?? [];
        var profiles = (system.Profiles ?? []).Select(p => new Profile(
            p.Id,
            ToText(p.Title),
            p.PassThreshold,
            new HashSet<string>(p.NotApplicable ?? [], StringComparer.Ordinal),
            ToGrades(p.Grades) ?? grades) { PassThresholdProvenance = ToProvenance(p.PassThresholdProvenance) }).ToList();

        var masks = profiles.Select(p => compiler.MaskFor(p.NotApplicable)).ToArray();
        var vetoes = (system.Vetoes ?? []).Select(compiler.ToVeto).ToArray();
        var plan = new EvaluationPlan(
            compiler._nodes.ToArray(),
            roots,
            system.Aggregation?.IsWeightedMean == true,
            system.Points ?? 0m,
            system.Precision ?? 2,
            compiler._catalogue,
            vetoes,
            masks,
            options.MaxDepth,
            compiler.ToAggregation(system.Aggregation, system.Indicators ?? [], roots));
        return new IndicatorSystem(system, sourceName, indicators, profiles, grades, vetoes.Select(v => v.Veto).ToList(), plan);
    }

    private static LocalizedText ToText(TitleDto title) => new(title.Zh, title.En);

    private static List<Grade>? ToGrades(List<GradeDto>? grades) =>
        grades?.Select(g => new Grade(g.Id, ToText(g.Title), g.MinScore) { Provenance = ToProvenance(g.Provenance) }).ToList();

    private static Provenance ToProvenance(string? name) => ProvenanceText.Parse(name);

    private bool[] MaskFor(IReadOnlySet<string> ids)
    {
        var mask = new bool[_nodes.Count];

        // Parents come after their children, so walk from the end: a node is out when it or an ancestor is listed.
        for (var i = _nodes.Count - 1; i >= 0; i--)
        {
            var node = _nodes[i];
            if (ids.Contains(node.Indicator.Id))
            {
                mask[i] = true;
            }

            if (mask[i])
            {
                foreach (var child in node.Children)
                {
                    mask[child] = true;
                }
            }
        }

        return mask;
    }

    private int Add(NodeDto dto)
    {
        var childIndexes = (dto.Children ?? []).Select(Add).ToArray();
        var scorer = dto.Rule is null ? null : _checked.ScorerOf(dto.Rule);
        var keys = (dto.Evidence ?? []).Concat(scorer?.Reads.Select(s => _catalogue[s].Key) ?? []).Distinct(StringComparer.Ordinal).ToList();
        var indicator = new Indicator(
            dto.Id,
            ToText(dto.Title!),
            dto.Points ?? 0m,
            dto.Description,
            ToProvenance(dto.Provenance),
            dto.Source,
            dto.Rule?.Type,
            dto.Weight ?? 1m,
            dto.Bonus == true,
            dto.BonusPoints ?? (dto.Children ?? []).Where(c => c.Bonus == true).Sum(c => c.Points ?? 0m),
            keys,
            childIndexes.Select(i => _nodes[i].Indicator).ToList());
        // Every slot the node reads or requires, once: worked out here so scoring a subject need not.
        var reads = (scorer?.Reads ?? []).Concat((dto.Evidence ?? []).Select(_catalogue.SlotOf)).Distinct().ToArray();
        var index = _nodes.Count;
        var formula = ToAggregation(dto.Aggregation, dto.Children ?? [], childIndexes);
        _nodes.Add(new PlanNode(index, indicator, childIndexes, dto.Aggregation?.IsWeightedMean == true, scorer, reads, formula, dto.Rule));
        return index;
    }

    private FormulaAggregation? ToAggregation(AggregationDto? aggregation, List<NodeDto> children, int[] indexes)
    {
        if (aggregation is not { IsFormula: true })
        {
            return null;
        }

        var byId = children.Select((c, i) => (c.Id, Index: indexes[i])).ToDictionary(c => c.Id, c => c.Index, StringComparer.Ordinal);
        var shape = _checked.ShapeOf(aggregation);
        return new FormulaAggregation(new PreparedFormula(shape, _limits, _options.Formulas.CompileExpressions, owner: _catalogue), id => byId[id]);
    }

    private PlanVeto ToVeto(VetoDto dto)
    {
        if (dto.When.Formula is { } text)
        {
            var shape = _checked.ShapeOf(dto);
            var prepared = new PreparedFormula(shape, _limits, _options.Formulas.CompileExpressions, owner: _catalogue);
            var reads = new FormulaEvidence(shape, _catalogue);
            var first = shape.Inputs.FirstOrDefault(i => i.Source == InputSource.Evidence)?.Key ?? "";
            var formulaVeto = new Veto(dto.Id, ToText(dto.Title), dto.Description, first, text);
            return new PlanVeto(formulaVeto, -1, null, null, null, null, null, null, new FormulaVeto(prepared, reads));
        }

        _catalogue.TryFind(dto.When.Evidence!, out var d, out var slot);
        EvidenceValue? equals = dto.When.EqualsValue switch
        {
            { ValueKind: JsonValueKind.True or JsonValueKind.False } b => new EvidenceValue(EvidenceKind.Boolean, Boolean: b.GetBoolean()),
            { ValueKind: JsonValueKind.Number } n => new EvidenceValue(EvidenceKind.Number, Number: n.GetDecimal()),
            { ValueKind: JsonValueKind.String } s => new EvidenceValue(EvidenceKind.Text, Text: s.GetString()),
            _ => null,
        };
        var veto = new Veto(dto.Id, ToText(dto.Title), dto.Description, d.Key);
        return new PlanVeto(veto, slot, d, equals, dto.When.AtLeast, dto.When.AtMost, dto.When.GreaterThan, dto.When.LessThan);
    }
}
