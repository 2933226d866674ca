using System.Globalization;
using IndicatorEngine.Definitions.Model;
using IndicatorEngine.Diagnostics;

namespace IndicatorEngine.Definitions;

/// <summary>
/// The semantic checks a schema cannot express: unique ids, points that add up, declared evidence, rules
/// that fit their evidence, profiles, thresholds and grades that make sense.
/// </summary>
internal sealed class DefinitionChecker
{
    private readonly SystemDto _system;
    private readonly LoadOptions _options;
    private readonly SourceMap _map;
    private readonly List<Diagnostic> _diagnostics;
    private readonly Dictionary<string, EvidenceDeclarationDto> _evidence = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NodeDto> _nodes = new(StringComparer.Ordinal);

    private DefinitionChecker(SystemDto system, LoadOptions options, SourceMap map, List<Diagnostic> diagnostics)
    {
        _system = system;
        _options = options;
        _map = map;
        _diagnostics = diagnostics;
    }

    /// <summary>Checks the merged system; returns true when no error was added.</summary>
    public static bool Check(SystemDto system, LoadOptions options, SourceMap map, List<Diagnostic> diagnostics)
    {
        var before = diagnostics.Count(d => d.IsError);
        new DefinitionChecker(system, options, map, diagnostics).Run();
        return diagnostics.Count(d => d.IsError) == before;
    }

    private static string N(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);

    private void Error(object at, string code, string message, string suffix = "") => _diagnostics.Add(_map.At(at, code, message, suffix));

    private void Run()
    {
        foreach (var declaration in _system.Evidence ?? [])
        {
            CheckDeclaration(declaration);
        }

        var points = _system.Points ?? 0m;
        var top = _system.Indicators ?? [];
        foreach (var node in top)
        {
            CheckNode(node);
        }

        if (IsSum(_system.Aggregation))
        {
            var sum = top.Where(n => n.Bonus != true).Sum(n => n.Points ?? 0m);
            if (sum != points)
            {
                Error(_system, DiagnosticCodes.PointsMismatch,
                    $"the first-level indicators add up to {N(sum)} but the system has {N(points)} points; make them add up or change 'points'", "/points");
            }
        }

        CheckAggregationFormula(_system, _system.Aggregation, top);
        var bonusCap = top.Where(n => n.Bonus != true).Sum(n => n.BonusPoints ?? 0m);
        CheckProfiles(points, points + bonusCap);
        CheckGrades(_system.Grades, points + bonusCap);
        CheckVetoes();
    }

    private static bool IsSum(AggregationDto? aggregation) => aggregation is null || aggregation.IsSum;

    private void CheckAggregationFormula(object at, AggregationDto? aggregation, IEnumerable<NodeDto> children)
    {
        if (aggregation is not { IsFormula: true })
        {
            return;
        }

        var ids = children.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var problem in Scripting.FormulaChecks.Aggregation(aggregation.Expression!, ids))
        {
            Error(at, problem.Code, problem.Message, "/aggregation/expression");
        }
    }

    private void CheckDeclaration(EvidenceDeclarationDto declaration)
    {
        if (!_evidence.TryAdd(declaration.Key, declaration))
        {
            Error(declaration, DiagnosticCodes.DuplicateId, $"evidence key '{declaration.Key}' is declared twice; keep one declaration", "/key");
        }

        if (declaration.Type == "enum" && (declaration.Values is null || declaration.Values.Count == 0))
        {
            Error(declaration, DiagnosticCodes.InvalidRule, $"enum evidence '{declaration.Key}' needs 'values', the list of allowed values");
        }

        if (declaration.Min is { } min && declaration.Max is { } max && min > max)
        {
            Error(declaration, DiagnosticCodes.InvalidRule, $"evidence '{declaration.Key}' has min {N(min)} above max {N(max)}; swap them", "/min");
        }
    }

    private void CheckNode(NodeDto node)
    {
        if (!_nodes.TryAdd(node.Id, node))
        {
            Error(node, DiagnosticCodes.DuplicateId, $"id '{node.Id}' is used by more than one indicator; ids must be unique in the system", "/id");
        }

        foreach (var key in node.Evidence ?? [])
        {
            RequireEvidence(node, key, "/evidence");
        }

        var hasChildren = node.Children is { Count: > 0 };
        var hasRule = node.Rule is not null;
        if (hasChildren == hasRule)
        {
            Error(node, DiagnosticCodes.NodeShape, hasRule
                ? $"indicator '{node.Id}' has both 'children' and a 'rule'; a node is either a group or an observation point"
                : $"indicator '{node.Id}' has neither 'children' nor a 'rule'; give the observation point a rule");
        }

        var points = node.Points ?? 0m;
        if (hasChildren)
        {
            foreach (var child in node.Children!)
            {
                CheckNode(child);
            }

            var baseChildren = node.Children!.Where(c => c.Bonus != true).ToList();
            if (IsSum(node.Aggregation))
            {
                var sum = baseChildren.Sum(c => c.Points ?? 0m);
                if (sum != points)
                {
                    Error(node, DiagnosticCodes.PointsMismatch,
                        $"the children of '{node.Id}' add up to {N(sum)} but it has {N(points)} points; make them add up or change its points", "/points");
                }
            }

            CheckAggregationFormula(node, node.Aggregation, node.Children!);
            if (baseChildren.Count == 0)
            {
                Error(node, DiagnosticCodes.NodeShape, $"indicator '{node.Id}' has only extension (bonus) children; it needs at least one base child");
            }
        }
        else if (node.Bonus != true && node.BonusPoints is > 0)
        {
            Error(node, DiagnosticCodes.InvalidRule, $"observation point '{node.Id}' has bonusPoints but no extension children; remove bonusPoints", "/bonusPoints");
        }

        if (hasRule)
        {
            CheckRule(node, node.Rule!, points);
        }
    }

    private EvidenceDeclarationDto? RequireEvidence(object at, string key, string suffix)
    {
        if (_evidence.TryGetValue(key, out var declaration))
        {
            return declaration;
        }

        Error(at, DiagnosticCodes.UndeclaredEvidence, $"evidence key '{key}' is not declared; add it to the 'evidence' catalogue or fix the spelling", suffix);
        return null;
    }

    private static bool IsNumeric(EvidenceDeclarationDto? d) => d is null || d.Type is "number" or "integer";

    private void CheckRule(NodeDto node, RuleDto rule, decimal points)
    {
        if (RuleHandlers.Find(rule.Type) is { } handler)
        {
            handler.Check(new RuleCheckContext(rule, node, _evidence, _options, _map, _diagnostics));
            return;
        }

        switch (rule.Type)
        {
            case "boolean":
                {
                    var d = RequireEvidence(rule, rule.Evidence!, "/evidence");
                    if (d is not null && d.Type is not ("boolean" or "document"))
                    {
                        Error(rule, DiagnosticCodes.InvalidRule, $"a boolean rule needs boolean or document evidence, but '{d.Key}' is {d.Type}", "/evidence");
                    }

                    return;
                }

            case "manual":
                RequireNumeric(rule, rule.Evidence!, "/evidence", "a manual rule");
                return;
            case "threshold":
                CheckMeasure(rule);
                if ((rule.AtLeast is null) == (rule.AtMost is null))
                {
                    Error(rule, DiagnosticCodes.InvalidRule, "a threshold rule needs exactly one of 'atLeast' or 'atMost'");
                }
                else if (rule.Partial is { } partial)
                {
                    var same = rule.AtLeast is not null ? partial.AtLeast is not null && partial.AtMost is null : partial.AtMost is not null && partial.AtLeast is null;
                    if (!same)
                    {
                        Error(rule, DiagnosticCodes.InvalidRule, "'partial' must use the same direction as the rule (atLeast with atLeast, atMost with atMost)", "/partial");
                    }
                    else if (rule.AtLeast is { } full && partial.AtLeast > full || rule.AtMost is { } fullMost && partial.AtMost < fullMost)
                    {
                        Error(rule, DiagnosticCodes.InvalidRule, "the partial target is stricter than the full target; it must be easier to meet", "/partial");
                    }

                    if (partial.Points > points)
                    {
                        Error(rule, DiagnosticCodes.InvalidRule, $"partial points {N(partial.Points)} exceed the observation point's {N(points)}", "/partial/points");
                    }
                }

                return;
            case "linear":
                CheckMeasure(rule);
                if (rule.Target <= (rule.From ?? 0m))
                {
                    Error(rule, DiagnosticCodes.InvalidRule, $"'target' ({N(rule.Target ?? 0)}) must be above 'from' ({N(rule.From ?? 0)})", "/target");
                }

                return;
            case "tiers":
                CheckTiers(rule, points);
                return;
            case "checklist":
                {
                    var bands = rule.Items ?? [];
                    for (var i = 0; i < bands.Count; i++)
                    {
                        RequireEvidence(rule, bands[i].Evidence, $"/items/{i}/evidence");
                        if (bands[i].Points > points)
                        {
                            Error(rule, DiagnosticCodes.InvalidRule, $"item points {N(bands[i].Points)} exceed the observation point's {N(points)}", $"/items/{i}/points");
                        }
                    }

                    var total = bands.Sum(b => b.Points);
                    if (total < points)
                    {
                        Error(rule, DiagnosticCodes.InvalidRule,
                            $"the checklist items add up to {N(total)}, less than the observation point's {N(points)} points, so full points can never be earned", "/items");
                    }

                    return;
                }

            default:
                Error(rule, DiagnosticCodes.UnknownRuleType, $"unknown rule type '{rule.Type}'", "/type");
                return;
        }
    }

    private void CheckTiers(RuleDto rule, decimal points)
    {
        var declaration = rule.Evidence is null ? null : RequireEvidence(rule, rule.Evidence, "/evidence");
        if (rule.Per is not null)
        {
            RequireNumeric(rule, rule.Per, "/per", "'per'");
        }

        var bands = rule.Bands ?? [];
        decimal? previous = null;
        for (var i = 0; i < bands.Count; i++)
        {
            var band = bands[i];
            if ((band.AtLeast is null) == (band.EqualsValue is null))
            {
                Error(rule, DiagnosticCodes.InvalidRule, "a band needs exactly one of 'atLeast' or 'equals'", $"/bands/{i}");
                continue;
            }

            if (band.Points > points)
            {
                Error(rule, DiagnosticCodes.InvalidRule, $"band points {N(band.Points)} exceed the observation point's {N(points)}", $"/bands/{i}/points");
            }

            if (band.AtLeast is { } atLeast)
            {
                if (declaration is not null && !IsNumeric(declaration))
                {
                    Error(rule, DiagnosticCodes.InvalidRule, $"an 'atLeast' band needs numeric evidence, but '{declaration.Key}' is {declaration.Type}", $"/bands/{i}");
                }

                if (previous is { } p && atLeast >= p)
                {
                    Error(rule, DiagnosticCodes.InvalidRule, "'atLeast' bands must be listed from the highest down", $"/bands/{i}/atLeast");
                }

                previous = atLeast;
            }
            else if (declaration is not null)
            {
                var value = band.EqualsValue!.Value;
                var fits = declaration.Type switch
                {
                    "enum" => value.ValueKind == System.Text.Json.JsonValueKind.String && (declaration.Values ?? []).Contains(value.GetString()!),
                    "string" => value.ValueKind == System.Text.Json.JsonValueKind.String,
                    "boolean" => value.ValueKind is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False,
                    _ => false,
                };
                if (!fits)
                {
                    Error(rule, DiagnosticCodes.InvalidRule,
                        $"band value {value.GetRawText()} cannot match evidence '{declaration.Key}' ({declaration.Type}{(declaration.Values is null ? "" : ": " + string.Join(", ", declaration.Values))})", $"/bands/{i}/equals");
                }
            }
        }
    }

    private void CheckMeasure(RuleDto rule)
    {
        RequireNumeric(rule, rule.Evidence!, "/evidence", $"a {rule.Type} rule");
        if (rule.Per is not null)
        {
            RequireNumeric(rule, rule.Per, "/per", "'per'");
        }
    }

    private void RequireNumeric(object at, string key, string suffix, string what)
    {
        var declaration = RequireEvidence(at, key, suffix);
        if (declaration is not null && !IsNumeric(declaration))
        {
            Error(at, DiagnosticCodes.InvalidRule, $"{what} needs number or integer evidence, but '{key}' is {declaration.Type}", suffix);
        }
    }

    private void CheckProfiles(decimal points, decimal maximum)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var profile in _system.Profiles ?? [])
        {
            if (!ids.Add(profile.Id))
            {
                Error(profile, DiagnosticCodes.DuplicateId, $"profile '{profile.Id}' is declared twice", "/id");
            }

            if (profile.PassThreshold > maximum)
            {
                Error(profile, DiagnosticCodes.ThresholdAboveMaximum,
                    $"pass threshold {N(profile.PassThreshold)} is above the system's maximum of {N(maximum)}; no subject could pass", "/passThreshold");
            }

            var notApplicable = profile.NotApplicable ?? [];
            for (var i = 0; i < notApplicable.Count; i++)
            {
                if (!_nodes.ContainsKey(notApplicable[i]))
                {
                    Error(profile, DiagnosticCodes.UnknownNode, $"'{notApplicable[i]}' is not the id of any indicator", $"/notApplicable/{i}");
                }
            }

            CheckGrades(profile.Grades, maximum);
        }

        if (_system.DefaultProfile is { } defaultProfile && !ids.Contains(defaultProfile))
        {
            Error(_system, DiagnosticCodes.UnknownProfile,
                $"default profile '{defaultProfile}' is not declared; declared profiles: {string.Join(", ", ids)}", "/defaultProfile");
        }

        _ = points;
    }

    private void CheckGrades(List<GradeDto>? grades, decimal maximum)
    {
        if (grades is null)
        {
            return;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < grades.Count; i++)
        {
            var grade = grades[i];
            if (!ids.Add(grade.Id))
            {
                Error(grade, DiagnosticCodes.DuplicateId, $"grade '{grade.Id}' is declared twice", "/id");
            }

            if (grade.MinScore > maximum)
            {
                Error(grade, DiagnosticCodes.ThresholdAboveMaximum, $"grade '{grade.Id}' starts at {N(grade.MinScore)}, above the maximum of {N(maximum)}", "/minScore");
            }

            if (i > 0 && grade.MinScore >= grades[i - 1].MinScore)
            {
                Error(grade, DiagnosticCodes.GradesOrder, "grades must be listed from the highest minScore down, each lower than the one before", "/minScore");
            }
        }
    }

    private void CheckVetoes()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var veto in _system.Vetoes ?? [])
        {
            if (!ids.Add(veto.Id))
            {
                Error(veto, DiagnosticCodes.DuplicateId, $"veto '{veto.Id}' is declared twice", "/id");
            }

            if (veto.When.Formula is { } formula)
            {
                foreach (var problem in Scripting.FormulaChecks.Veto(formula, key => Scripting.FormulaRuleHandler.TypeOf(_evidence.GetValueOrDefault(key))))
                {
                    Error(veto, problem.Code, problem.Message, "/when/formula");
                }

                continue;
            }

            var declaration = RequireEvidence(veto, veto.When.Evidence!, "/when/evidence");
            var c = veto.When;
            var numericTests = c.AtLeast ?? c.AtMost ?? c.GreaterThan ?? c.LessThan;
            if (declaration is not null && numericTests is not null && !IsNumeric(declaration))
            {
                Error(veto, DiagnosticCodes.InvalidRule, $"a numeric test needs number or integer evidence, but '{declaration.Key}' is {declaration.Type}", "/when");
            }

            if (declaration is not null && c.EqualsValue is { } equals)
            {
                var fits = equals.ValueKind switch
                {
                    System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => declaration.Type is "boolean" or "document",
                    System.Text.Json.JsonValueKind.Number => IsNumeric(declaration),
                    _ => declaration.Type is "string" or "enum" or "date",
                };
                if (!fits)
                {
                    Error(veto, DiagnosticCodes.InvalidRule, $"'equals' {equals.GetRawText()} cannot match evidence '{declaration.Key}' ({declaration.Type})", "/when/equals");
                }
            }
        }
    }
}
