using System.Globalization;

namespace IndicatorEngine.Checking;

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
    private readonly HashSet<string> _declared = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NodeDto> _nodes = new(StringComparer.Ordinal);
    private readonly EvidenceCatalogue _catalogue;
    private readonly Dictionary<object, object> _compiled = new(ReferenceEqualityComparer.Instance);

    private DefinitionChecker(SystemDto system, LoadOptions options, SourceMap map, List<Diagnostic> diagnostics)
    {
        _system = system;
        _options = options;
        _map = map;
        _diagnostics = diagnostics;
        _catalogue = new EvidenceCatalogue(system.Evidence ?? []);
    }

    /// <summary>
    /// Checks the merged system and, in the same pass, binds every rule and analyses every formula once.
    /// Returns what was compiled, or null when an error was added.
    /// </summary>
    public static CheckedDefinition? Check(SystemDto system, LoadOptions options, SourceMap map, List<Diagnostic> diagnostics)
    {
        var before = diagnostics.Count(d => d.IsError);
        var checker = new DefinitionChecker(system, options, map, diagnostics);
        checker.Run();
        return diagnostics.Count(d => d.IsError) == before ? new CheckedDefinition(checker._catalogue, checker._compiled) : null;
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
        CheckTargets();
    }

    private static bool IsSum(AggregationDto? aggregation) => aggregation is null || aggregation.IsSum;

    private void CheckAggregationFormula(object at, AggregationDto? aggregation, IEnumerable<NodeDto> children)
    {
        if (aggregation is not { IsFormula: true })
        {
            return;
        }

        var ids = children.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var problems = new List<FormulaProblem>();
        var shape = FormulaChecks.Aggregation(aggregation.Expression!, ids, problems);
        foreach (var problem in problems)
        {
            Error(at, problem.Code, problem.Message, "/aggregation/expression");
        }

        if (shape is not null && problems.Count == 0)
        {
            _compiled[aggregation] = shape;
        }
    }

    private void CheckDeclaration(EvidenceDeclarationDto declaration)
    {
        if (!_declared.Add(declaration.Key))
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
            CheckRule(node, node.Rule!);
        }
    }

    private EvidenceDeclaration? RequireEvidence(object at, string key, string suffix)
    {
        if (_catalogue.Find(key) is { } declaration)
        {
            return declaration;
        }

        Error(at, DiagnosticCodes.UndeclaredEvidence, $"evidence key '{key}' is not declared; add it to the 'evidence' catalogue or fix the spelling", suffix);
        return null;
    }

    private void CheckRule(NodeDto node, RuleDto rule)
    {
        if (RuleTypes.Find(rule.Type) is not { } type)
        {
            Error(rule, DiagnosticCodes.UnknownRuleType, $"unknown rule type '{rule.Type}'", "/type");
            return;
        }

        var binding = new RuleBinding(rule, node, _catalogue, _options, _map, _diagnostics);
        if (type.Bind(binding) is { } scorer && !binding.Failed)
        {
            _compiled[rule] = scorer;
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
                var problems = new List<FormulaProblem>();
                var shape = FormulaChecks.Veto(formula, key => JsTypes.Of(_catalogue.Find(key)), problems);
                foreach (var problem in problems)
                {
                    Error(veto, problem.Code, problem.Message, "/when/formula");
                }

                if (shape is not null && problems.Count == 0)
                {
                    _compiled[veto] = shape;
                }

                continue;
            }

            var declaration = RequireEvidence(veto, veto.When.Evidence!, "/when/evidence");
            var c = veto.When;
            var numericTests = c.AtLeast ?? c.AtMost ?? c.GreaterThan ?? c.LessThan;
            if (declaration is not null && numericTests is not null && !EvidenceCatalogue.IsNumeric(declaration.Type))
            {
                Error(veto, DiagnosticCodes.InvalidRule, $"a numeric test needs number or integer evidence, but '{declaration.Key}' is {EvidenceCatalogue.NameOf(declaration.Type)}", "/when");
            }

            if (declaration is not null && c.EqualsValue is { } equals)
            {
                var fits = equals.ValueKind switch
                {
                    System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => declaration.Type is EvidenceType.Boolean or EvidenceType.Document,
                    System.Text.Json.JsonValueKind.Number => EvidenceCatalogue.IsNumeric(declaration.Type),
                    _ => declaration.Type is EvidenceType.String or EvidenceType.Enum or EvidenceType.Date,
                };
                if (!fits)
                {
                    Error(veto, DiagnosticCodes.InvalidRule, $"'equals' {equals.GetRawText()} cannot match evidence '{declaration.Key}' ({EvidenceCatalogue.NameOf(declaration.Type)})", "/when/equals");
                }
            }
        }
    }

    /// <summary>A target is either a share of schools meeting a condition, or a mean of a number; what it names must exist.</summary>
    private void CheckTargets()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var target in _system.Targets ?? [])
        {
            if (!ids.Add(target.Id))
            {
                Error(target, DiagnosticCodes.DuplicateId, $"target '{target.Id}' is declared twice", "/id");
            }

            if (target.Profile is { } profile && !(_system.Profiles ?? []).Any(p => p.Id == profile))
            {
                Error(target, DiagnosticCodes.UnknownProfile, $"target '{target.Id}' counts profile '{profile}', which the system does not have", "/profile");
            }

            var isShare = target.Share is not null || target.When is not null;
            var isMean = target.Mean is not null || target.Weight is not null || target.AtLeast is not null;
            if (isShare == isMean || (isShare && (target.Share is null || target.When is null)) || (isMean && (target.Mean is null || target.AtLeast is null)))
            {
                Error(target, DiagnosticCodes.InvalidRule, $"target '{target.Id}' needs either 'share' and 'when', or 'mean' and 'atLeast' (with an optional 'weight')");
                continue;
            }

            if (isMean)
            {
                RequireNumber(target, target.Mean!, "/mean");
                if (target.Weight is { } weight)
                {
                    RequireNumber(target, weight, "/weight");
                }

                continue;
            }

            var when = target.When!;
            if ((when.Passed is not null) == (when.Evidence is not null) || (when.Evidence is not null && (when.AtLeast is null) == (when.EqualsValue is null)) || (when.Passed is not null && (when.AtLeast ?? (object?)when.EqualsValue) is not null))
            {
                Error(target, DiagnosticCodes.InvalidRule, $"target '{target.Id}': 'when' is either 'passed', or 'evidence' with one of 'atLeast' and 'equals'", "/when");
                continue;
            }

            if (when.Evidence is not { } key)
            {
                continue;
            }

            if (when.AtLeast is not null)
            {
                RequireNumber(target, key, "/when/evidence");
            }
            else if (RequireEvidence(target, key, "/when/evidence") is { } declaration)
            {
                var equals = when.EqualsValue!.Value;
                var fits = equals.ValueKind switch
                {
                    System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => declaration.Type is EvidenceType.Boolean,
                    System.Text.Json.JsonValueKind.Number => EvidenceCatalogue.IsNumeric(declaration.Type),
                    _ => declaration.Type is EvidenceType.String or EvidenceType.Enum or EvidenceType.Date,
                };
                if (!fits)
                {
                    Error(target, DiagnosticCodes.InvalidRule, $"'equals' {equals.GetRawText()} cannot match evidence '{declaration.Key}' ({EvidenceCatalogue.NameOf(declaration.Type)})", "/when/equals");
                }
            }
        }

        void RequireNumber(TargetDto target, string key, string suffix)
        {
            if (RequireEvidence(target, key, suffix) is { } declaration && !EvidenceCatalogue.IsNumeric(declaration.Type))
            {
                Error(target, DiagnosticCodes.InvalidRule, $"target '{target.Id}' needs number or integer evidence, but '{key}' is {EvidenceCatalogue.NameOf(declaration.Type)}", suffix);
            }
        }
    }
}
