using System.Text;
using Acornima;
using Acornima.Ast;

namespace IndicatorEngine.Scripting;

/// <summary>
/// Parses a formula (one expression, or statements that <c>return</c>) and checks it: syntax, nesting depth,
/// the names it reads (evidence keys must be declared), helper argument counts, and that assignments stand
/// as statements of their own. Problems carry the line and column inside the formula.
/// </summary>
internal sealed class FormulaAnalyzer
{
    /// <summary>Longest formula accepted, in characters.</summary>
    public const int MaxLength = 10_000;

    /// <summary>Deepest syntax tree accepted: deeper nesting could exhaust the stack of the interpreter.</summary>
    public const int MaxDepth = 200;

    private static readonly ParserOptions ScriptOptions = new() { AllowReturnOutsideFunction = true };

    private readonly FormulaUse _use;
    private readonly Func<string, JsType?> _evidence;
    private readonly IReadOnlySet<string> _children;
    private readonly List<FormulaProblem> _problems;
    private readonly HashSet<string> _declared = new(StringComparer.Ordinal) { "arguments" };
    private readonly List<Identifier> _references = [];
    private readonly List<(CallExpression Call, string Name)> _helperCalls = [];
    private readonly List<(CallExpression Call, string Child)> _scoreCalls = [];

    // What the text Jint runs changes from the formula as written (see JintSource), and every node above one.
    private readonly Dictionary<Node, Rewrite> _rewrites = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<Node> _aboveRewrites = new(ReferenceEqualityComparer.Instance);
    private readonly List<Node> _path = [];
    private bool _returns;
    private bool _tooDeep;

    private enum Rewrite
    {
        /// <summary><c>score("id")</c> becomes the input that holds the child's score.</summary>
        ScoreCall,

        /// <summary><c>`a${x}b`</c> becomes <c>$$template("a", x, "b")</c>, whose length is checked before it is built.</summary>
        Template,

        /// <summary><c>...x</c> becomes <c>...$$spread(x)</c>, which counts the elements it goes through.</summary>
        Spread,

        /// <summary>The value a <c>...rest</c> pattern takes apart, or a for-in goes through: <c>$$spread(value)</c>.</summary>
        Destructured,
    }

    private FormulaAnalyzer(FormulaUse use, Func<string, JsType?> evidence, IReadOnlySet<string> children, List<FormulaProblem> problems)
    {
        _use = use;
        _evidence = evidence;
        _children = children;
        _problems = problems;
    }

    /// <summary>Analyzes a formula; returns null (with problems added) when it cannot be used.</summary>
    /// <param name="text">The formula as written.</param>
    /// <param name="use">Where it sits.</param>
    /// <param name="evidence">The type of a declared evidence key, or null when the key is not declared.</param>
    /// <param name="children">For an aggregation, the ids of the node's children.</param>
    /// <param name="problems">Where problems are added.</param>
    public static FormulaShape? Analyze(string text, FormulaUse use, Func<string, JsType?> evidence, IReadOnlySet<string> children, List<FormulaProblem> problems)
    {
        if (text.Length > MaxLength)
        {
            problems.Add(new FormulaProblem(DiagnosticCodes.FormulaError,
                $"the formula is {text.Length:N0} characters long, over the limit of {MaxLength:N0}; keep formulas short (a plugin scorer suits long logic)"));
            return null;
        }

        var root = Parse(text, problems);
        if (root is null)
        {
            return null;
        }

        var before = problems.Count;
        var analyzer = new FormulaAnalyzer(use, evidence, children, problems);
        analyzer.Walk(root, null, 0);
        if (analyzer._tooDeep)
        {
            return null;
        }

        if (root is Script && !analyzer._returns)
        {
            analyzer.Problem(DiagnosticCodes.FormulaError, root, "a formula written as statements must give its result with 'return'");
        }

        var inputs = analyzer.ResolveInputs();
        analyzer.CheckHelperCalls();
        return problems.Count > before ? null : new FormulaShape(text, use, root, inputs, analyzer.JintSource(text, root, inputs));
    }

    private static Node? Parse(string text, List<FormulaProblem> problems)
    {
        ParseErrorException expressionError;
        try
        {
            return new Parser().ParseExpression(text, null, strict: true);
        }
        catch (ParseErrorException e)
        {
            expressionError = e;
        }
        catch (InsufficientExecutionStackException)
        {
            problems.Add(TooDeep());
            return null;
        }

        try
        {
            return new Parser(ScriptOptions).ParseScript(text, null, strict: true);
        }
        catch (ParseErrorException statementError)
        {
            // Report the reading that got further: it is the one the author most likely meant.
            var error = statementError.Error.Index > expressionError.Error.Index ? statementError : expressionError;
            problems.Add(new FormulaProblem(DiagnosticCodes.FormulaError,
                $"the formula does not parse: {error.Error.Description} (line {error.LineNumber}, column {error.Column + 1} of the formula)"));
            return null;
        }
        catch (InsufficientExecutionStackException)
        {
            problems.Add(TooDeep());
            return null;
        }
    }

    private static FormulaProblem TooDeep() => new(DiagnosticCodes.FormulaError,
        $"the formula nests deeper than {MaxDepth} levels; split it into named steps (const a = …; return …)");

    private static string Where(Node node) => $"line {node.Location.Start.Line}, column {node.Location.Start.Column + 1} of the formula";

    private void Problem(string code, Node at, string message) => _problems.Add(new FormulaProblem(code, $"{message} ({Where(at)})"));

    private void Walk(Node node, Node? parent, int depth)
    {
        if (_tooDeep)
        {
            return;
        }

        if (depth > MaxDepth)
        {
            _tooDeep = true;
            _problems.Add(TooDeep());
            return;
        }

        if (Refused(node, parent) is { } refusal)
        {
            Problem(DiagnosticCodes.FormulaError, node, refusal);
            return;
        }

        switch (node)
        {
            case Identifier identifier:
                if (IsReference(identifier, parent))
                {
                    _references.Add(identifier);
                }

                return;
            case TemplateLiteral when parent is not TaggedTemplateExpression:
                Mark(node, Rewrite.Template);
                break;
            case SpreadElement:
                Mark(node, Rewrite.Spread);
                break;
            case ForInStatement forIn:
                // for-in lists every key at once: of a long string or array, a key per character or element.
                Mark(forIn.Right, Rewrite.Destructured, forIn);
                break;
            case VariableDeclarator { Id: ArrayPattern or ObjectPattern, Init: { } init } declarator when HasRest(declarator.Id):
                Declare(declarator.Id);
                Mark(init, Rewrite.Destructured, declarator);
                break;
            case VariableDeclarator declarator:
                Declare(declarator.Id);
                break;
            case FunctionDeclaration or FunctionExpression or ArrowFunctionExpression or ClassDeclaration or ClassExpression:
                foreach (var child in node.ChildNodes)
                {
                    if (child is not (BlockStatement or FunctionBody or ClassBody) && !(node is ArrowFunctionExpression arrow && child == arrow.Body))
                    {
                        Declare(child);
                    }
                }

                break;
            case CatchClause { Param: { } param }:
                Declare(param);
                break;
            case AssignmentExpression when parent is not (ExpressionStatement or ForStatement):
                Problem(DiagnosticCodes.FormulaError, node, "an assignment must be a statement of its own (x = …;), not part of a larger expression");
                break;
            case ReturnStatement:
                _returns = true;
                break;
            case CallExpression { Callee: Identifier { Name: "score" } } call when _use == FormulaUse.Aggregation:
                ReadChildScore(call);
                return;
            case MemberExpression { Computed: false, Object: Identifier objectName, Property: Identifier member }
                when SandboxCapabilities.DeniedMembers.TryGetValue($"{objectName.Name}.{member.Name}", out var reason) && !_declared.Contains(objectName.Name):
                Problem(DiagnosticCodes.FormulaError, node, $"{objectName.Name}.{member.Name} is not available to formulas: {reason}");
                return;
            case CallExpression { Callee: Identifier callee } call when SandboxPrelude.Helpers.ContainsKey(callee.Name):
                _helperCalls.Add((call, callee.Name));
                break;
        }

        _path.Add(node);
        foreach (var child in node.ChildNodes)
        {
            Walk(child, node, depth + 1);
        }

        _path.RemoveAt(_path.Count - 1);
    }

    // What formulas may not write, with the reason; null when the node is fine. Formulas are pure and bounded:
    // nothing may run after the formula has given its value, and nothing may run for a time the limits cannot see.
    private static string? Refused(Node node, Node? parent) => node switch
    {
        FunctionDeclaration { Async: true } or FunctionExpression { Async: true } or ArrowFunctionExpression { Async: true } or AwaitExpression
            or ForOfStatement { Await: true } =>
            "async functions and await are not available to formulas: a formula gives its value now, with nothing left to run after it",
        FunctionDeclaration { Generator: true } or FunctionExpression { Generator: true } or YieldExpression =>
            "generators are not available to formulas: a formula gives its value now, with nothing left to run after it",
        ImportExpression => "import() is not available to formulas",
        ClassDeclaration or ClassExpression => "classes are not available to formulas; use functions and object literals",
        RegExpLiteral => "regular expressions are not available to formulas (their running time has no deterministic bound); compare strings with ===, includes, startsWith or split",
        Identifier { Name: var name } when name.StartsWith("$$", StringComparison.Ordinal) => $"'{name}': names starting with $$ are reserved for the sandbox",
        ArrayPattern or ObjectPattern when HasRest(node) && parent is not VariableDeclarator { Init: not null } =>
            "...rest in a destructuring pattern is allowed only where a declaration takes a value apart (const [first, ...rest] = list;)",
        _ => null,
    };

    private static bool HasRest(Node pattern) => pattern switch
    {
        ArrayPattern array => array.Elements.Any(e => e is RestElement),
        ObjectPattern obj => obj.Properties.Any(p => p is RestElement),
        _ => false,
    };

    // Marks a node to rewrite, and every node above it (those on the walk's path, and the one being walked when the node is its child).
    private void Mark(Node node, Rewrite rewrite, Node? parent = null)
    {
        _rewrites[node] = rewrite;
        foreach (var above in _path)
        {
            _aboveRewrites.Add(above);
        }

        if (parent is not null)
        {
            _aboveRewrites.Add(parent);
        }
    }

    private static bool IsReference(Identifier identifier, Node? parent) => parent switch
    {
        MemberExpression member => member.Computed || member.Property != identifier,
        Property property => property.Computed || property.Shorthand || property.Key != identifier,
        ClassProperty member => member.Computed || member.Key != identifier,
        LabeledStatement or BreakStatement or ContinueStatement or MetaProperty => false,
        _ => true,
    };

    // Every identifier in a binding position (and, harmlessly, in a default value of a pattern) is a local name.
    private void Declare(Node pattern)
    {
        if (pattern is Identifier identifier)
        {
            _declared.Add(identifier.Name);
            return;
        }

        foreach (var child in pattern.ChildNodes)
        {
            Declare(child);
        }
    }

    private void ReadChildScore(CallExpression call)
    {
        if (call.Arguments.Count != 1 || call.Arguments[0] is not StringLiteral literal)
        {
            Problem(DiagnosticCodes.FormulaError, call, "score() takes one child id written as a string, e.g. score(\"a.b\")");
            return;
        }

        if (!_children.Contains(literal.Value))
        {
            Problem(DiagnosticCodes.UnknownNode, call, $"score(\"{literal.Value}\") names no child of this node; children: {string.Join(", ", _children)}");
            return;
        }

        _scoreCalls.Add((call, literal.Value));
        Mark(call, Rewrite.ScoreCall);
    }

    private List<FormulaInput> ResolveInputs()
    {
        var inputs = new List<FormulaInput>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var scoreInputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (_, child) in _scoreCalls.OrderBy(c => c.Call.Start))
        {
            if (!scoreInputs.ContainsKey(child))
            {
                scoreInputs[child] = "$score" + scoreInputs.Count;
                inputs.Add(new FormulaInput(InputSource.ChildScore, scoreInputs[child], child, JsType.Number));
            }
        }

        foreach (var reference in _references)
        {
            var name = reference.Name;
            if (_declared.Contains(name) || !seen.Add(name))
            {
                continue;
            }

            if (_use != FormulaUse.Aggregation && KnownAs(name) is { } known && _evidence(name) is not null)
            {
                // Read as the name formulas know, the evidence would silently never be read (a veto that never fires).
                Problem(DiagnosticCodes.FormulaError, reference,
                    $"'{name}' is both a declared evidence key and {known}, so the formula would read {known} instead of the evidence; rename the evidence key (for example '{name}Value') in the catalogue and in the formula");
            }
            else if (name == "points" && _use != FormulaUse.Veto)
            {
                inputs.Add(new FormulaInput(InputSource.Points, name, name, JsType.Number));
            }
            else if (name == "total" && _use == FormulaUse.Aggregation)
            {
                inputs.Add(new FormulaInput(InputSource.Total, name, name, JsType.Number));
            }
            else if (SandboxCapabilities.Denied.TryGetValue(name, out var reason))
            {
                Problem(DiagnosticCodes.FormulaError, reference, $"'{name}' is not available to formulas: {reason} (see the capability list in indicators/README.md)");
            }
            else if (FormulaSandbox.GlobalNames.Contains(name))
            {
                continue;
            }
            else if (_use != FormulaUse.Aggregation && _evidence(name) is { } type)
            {
                inputs.Add(new FormulaInput(InputSource.Evidence, name, name, type));
            }
            else if (_use == FormulaUse.Aggregation)
            {
                Problem(DiagnosticCodes.FormulaError, reference,
                    $"'{name}' is not a name an aggregation formula knows: use points, total, score(\"child-id\"), the helpers or Math");
            }
            else
            {
                Problem(DiagnosticCodes.UndeclaredEvidence, reference,
                    $"'{name}' is not a declared evidence key nor a name formulas know; declare it in the 'evidence' catalogue or fix the spelling");
            }
        }

        return inputs;
    }

    // What a name already means to a formula, in words, or null when it means nothing yet.
    private string? KnownAs(string name) =>
        name == "points" && _use != FormulaUse.Veto ? "the observation point's points"
        : SandboxPrelude.Helpers.ContainsKey(name) ? $"the helper {name}()"
        : FormulaSandbox.GlobalNames.Contains(name) ? $"the JavaScript global {name}"
        : null;

    private void CheckHelperCalls()
    {
        foreach (var (call, name) in _helperCalls)
        {
            var (min, max) = SandboxPrelude.Helpers[name];
            var count = call.Arguments.Count;
            if (!_declared.Contains(name) && (count < min || count > max) && !call.Arguments.Any(a => a is SpreadElement))
            {
                var expected = min == max ? $"{min}" : max == int.MaxValue ? $"at least {min}" : $"{min} or {max}";
                Problem(DiagnosticCodes.FormulaError, call, $"{name}() takes {expected} arguments, not {count}");
            }
        }
    }

    private string JintSource(string text, Node root, List<FormulaInput> inputs)
    {
        // The formula's own text, but for its rewrites: score("child") calls become parameters, template literals
        // and spreads go through the sandbox's guards (see Rewrite). The guards come in as parameters of an outer
        // function, so they are on no object a formula can reach.
        var body = new StringBuilder(text.Length + 64);
        body.Append(text, 0, root.Start);
        Emit(root);
        body.Append(text, root.End, text.Length - root.End);
        var parameters = string.Join(", ", inputs.Select(i => i.Name));
        var function = root is Expression
            ? $"(function ({parameters}) {{ \"use strict\"; return (\n{body}\n); }})"
            : $"(function ({parameters}) {{ \"use strict\";\n{body}\n}})";
        return $"(function ($$template, $$spread) {{ \"use strict\"; return {function}; }})";

        void Emit(Node node)
        {
            if (_rewrites.TryGetValue(node, out var rewrite))
            {
                Rewritten(node, rewrite);
                return;
            }

            Copy(node);
        }

        // The node's text, with the rewrites below it.
        void Copy(Node node)
        {
            if (!_aboveRewrites.Contains(node))
            {
                body.Append(text, node.Start, node.End - node.Start);
                return;
            }

            var at = node.Start;
            foreach (var child in InOrder(node))
            {
                if (child.Start < at)
                {
                    continue;
                }

                body.Append(text, at, child.Start - at);
                Emit(child);
                at = child.End;
            }

            body.Append(text, at, node.End - at);
        }

        void Rewritten(Node node, Rewrite rewrite)
        {
            switch (rewrite)
            {
                case Rewrite.ScoreCall:
                    var child = _scoreCalls.First(c => ReferenceEquals(c.Call, node)).Child;
                    body.Append(inputs.First(i => i.Source == InputSource.ChildScore && i.Key == child).Name);
                    break;
                case Rewrite.Template:
                    var template = (TemplateLiteral)node;
                    body.Append("$$template(");
                    var lines = 0;
                    for (var i = 0; i < template.Quasis.Count; i++)
                    {
                        var quasi = template.Quasis[i];
                        lines += text.AsSpan(quasi.Start, quasi.End - quasi.Start).Count('\n');
                        body.Append(i == 0 ? "" : ", ").Append(System.Text.Json.JsonSerializer.Serialize(quasi.Value.Cooked ?? ""));
                        if (i < template.Expressions.Count)
                        {
                            body.Append(", ");
                            Emit(template.Expressions[i]);
                        }
                    }

                    // The template's own line breaks, kept, so that lines after it keep their numbers in error messages.
                    body.Append('\n', lines).Append(')');
                    break;
                case Rewrite.Spread:
                    body.Append("...$$spread(");
                    Emit(((SpreadElement)node).Argument);
                    body.Append(')');
                    break;
                default:
                    body.Append("$$spread(");
                    Copy(node);
                    body.Append(')');
                    break;
            }
        }
    }

    // A node's children in the order of the text; a shorthand property's key is part of its value's text.
    private static IEnumerable<Node> InOrder(Node node) => node is Property { Shorthand: true } property
        ? [property.Value]
        : node.ChildNodes.OrderBy(c => c.Start);
}
