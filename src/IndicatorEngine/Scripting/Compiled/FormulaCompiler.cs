using System.Reflection;
using Acornima;
using Acornima.Ast;
using Linq = System.Linq.Expressions;

namespace IndicatorEngine.Scripting;

/// <summary>
/// Compiles a formula written in the pure-expression subset into a .NET delegate that gives exactly what Jint
/// gives. The subset: number, boolean and string literals; inputs (numbers, booleans, strings); NaN and
/// Infinity; + − * / % and unary − + ! on numbers and booleans; comparisons and == != === !== (strings only
/// with strings); &amp;&amp; || and ?: whose two branches have one type; Math.min, max, abs, floor, ceil, round; the
/// helpers min, max, clamp, ratio, tiers; and, in aggregations, score("child"). Anything else runs in Jint.
/// </summary>
internal sealed class FormulaCompiler
{
    private static readonly MethodInfo Truthy = Method(nameof(JsNumbers.Truthy));
    private static readonly MethodInfo Min = Method(nameof(JsNumbers.Min));
    private static readonly MethodInfo Max = Method(nameof(JsNumbers.Max));
    private static readonly MethodInfo Round = Method(nameof(JsNumbers.Round));
    private static readonly MethodInfo Clamp = Method(nameof(JsNumbers.Clamp));
    private static readonly MethodInfo Ratio = Method(nameof(JsNumbers.Ratio));
    private static readonly MethodInfo Floor = typeof(Math).GetMethod(nameof(Math.Floor), [typeof(double)])!;
    private static readonly MethodInfo Ceiling = typeof(Math).GetMethod(nameof(Math.Ceiling), [typeof(double)])!;
    private static readonly MethodInfo Abs = typeof(Math).GetMethod(nameof(Math.Abs), [typeof(double)])!;
    private static readonly MethodInfo CompareOrdinal = typeof(string).GetMethod(nameof(string.CompareOrdinal), [typeof(string), typeof(string)])!;

    /// <summary>Formulas with at most this many inputs, all numbers or booleans, get a delegate that takes them as arguments.</summary>
    public const int MaxArguments = 4;

    private readonly FormulaShape _shape;
    // Parameters are only names for the inputs: every formula's tree can share them (making one costs more than a small tree).
    private static readonly Linq.ParameterExpression Numbers = Linq.Expression.Parameter(typeof(double[]), "numbers");
    private static readonly Linq.ParameterExpression Texts = Linq.Expression.Parameter(typeof(object[]), "texts");
    private static readonly Linq.ParameterExpression[] Arguments = Enumerable.Range(0, MaxArguments).Select(i => Linq.Expression.Parameter(typeof(double), "a" + i)).ToArray();

    private readonly Linq.ParameterExpression _numbers = Numbers;
    private readonly Linq.ParameterExpression _texts = Texts;
    private readonly Linq.ParameterExpression[]? _arguments;
    private readonly double? _points;

    private FormulaCompiler(FormulaShape shape, bool arguments, double? points)
    {
        _shape = shape;
        _points = points;
        _arguments = arguments ? Arguments : null;
    }

    /// <summary>
    /// The fast form of a compiled formula whose inputs are at most <see cref="MaxArguments"/> numbers or
    /// booleans (as 1/0), passed as arguments (unused ones are ignored); null for any other formula.
    /// </summary>
    public static Func<double, double, double, double, double>? TryCompileWithArguments(FormulaShape shape, double? points = null) =>
        TryBuildWithArguments(shape, points)?.Compile();

    /// <summary>The expression tree of <see cref="TryCompileWithArguments"/>, not yet compiled; null when there is no fast form.</summary>
    public static Linq.Expression<Func<double, double, double, double, double>>? TryBuildWithArguments(FormulaShape shape, double? points = null)
    {
        if (shape.Inputs.Count > MaxArguments || shape.Inputs.Any(i => i.Type is not (JsType.Number or JsType.Boolean)))
        {
            return null;
        }

        var compiler = new FormulaCompiler(shape, arguments: true, points);
        return compiler.Body() is { } body
            ? Linq.Expression.Lambda<Func<double, double, double, double, double>>(body, compiler._arguments!)
            : null;
    }

    /// <summary>
    /// The compiled formula, or null when it is not in the subset. The delegate takes the inputs (numbers and
    /// booleans as 1/0 in the first array, strings in the second, by input index) and returns the number, or
    /// 1/0 for a veto.
    /// </summary>
    /// <param name="shape">The formula.</param>
    /// <param name="points">When known, the points of the leaf, compiled in as a constant (the input is then not read).</param>
    public static Func<double[], object?[], double>? TryCompile(FormulaShape shape, double? points = null) => TryBuild(shape, points)?.Compile();

    /// <summary>The expression tree of <see cref="TryCompile"/>, not yet compiled; null when the formula is not in the subset.</summary>
    public static Linq.Expression<Func<double[], object?[], double>>? TryBuild(FormulaShape shape, double? points = null)
    {
        var compiler = new FormulaCompiler(shape, arguments: false, points);
        return compiler.Body() is { } body
            ? Linq.Expression.Lambda<Func<double[], object?[], double>>(body, compiler._numbers, compiler._texts)
            : null;
    }

    // The formula as a double: its number, or 1/0 for a veto's boolean; null when it is not in the subset.
    private Linq.Expression? Body()
    {
        if (_shape.Root is not Expression expression)
        {
            return null;
        }

        var wanted = _shape.Use == FormulaUse.Veto ? JsType.Boolean : JsType.Number;
        if (Compile(expression) is not { } typed || typed.Type != wanted)
        {
            return null;
        }

        return wanted == JsType.Boolean
            ? Linq.Expression.Condition(typed.Expression, Linq.Expression.Constant(1.0), Linq.Expression.Constant(0.0))
            : typed.Expression;
    }

    private static MethodInfo Method(string name) => typeof(JsNumbers).GetMethod(name)!;

    private static Typed Num(Linq.Expression e) => new(e, JsType.Number);

    private static Typed Bool(Linq.Expression e) => new(e, JsType.Boolean);

    private Typed? Compile(Expression node) => node switch
    {
        NumericLiteral n => Num(Linq.Expression.Constant(n.Value)),
        BooleanLiteral b => Bool(Linq.Expression.Constant(b.Value)),
        StringLiteral s => new Typed(Linq.Expression.Constant(s.Value), JsType.String),
        Identifier { Name: "NaN" } => Num(Linq.Expression.Constant(double.NaN)),
        Identifier { Name: "Infinity" } => Num(Linq.Expression.Constant(double.PositiveInfinity)),
        Identifier id => Input(_shape.Inputs.ToList().FindIndex(i => i.Source != InputSource.ChildScore && i.Name == id.Name)),
        UnaryExpression u => Unary(u),
        LogicalExpression l => Logical(l),
        BinaryExpression b => Binary(b),
        ConditionalExpression c => Conditional(c),
        CallExpression call => Call(call),
        _ => null,
    };

    private Typed? Input(int index)
    {
        if (index < 0)
        {
            return null;
        }

        if (_points is { } points && _shape.Inputs[index].Source == InputSource.Points)
        {
            return Num(Linq.Expression.Constant(points));
        }

        var at = Linq.Expression.Constant(index);
        Linq.Expression number = _arguments is null ? Linq.Expression.ArrayIndex(_numbers, at) : _arguments[index];
        return _shape.Inputs[index].Type switch
        {
            JsType.Number => Num(number),
            JsType.Boolean => Bool(Linq.Expression.NotEqual(number, Linq.Expression.Constant(0.0))),
            JsType.String => new Typed(Linq.Expression.Convert(Linq.Expression.ArrayIndex(_texts, at), typeof(string)), JsType.String),
            _ => null,
        };
    }

    private static Linq.Expression? ToNumber(Typed value) => value.Type switch
    {
        JsType.Number => value.Expression,
        JsType.Boolean => Linq.Expression.Condition(value.Expression, Linq.Expression.Constant(1.0), Linq.Expression.Constant(0.0)),
        _ => null,
    };

    private static Linq.Expression ToBoolean(Typed value) => value.Type switch
    {
        JsType.Boolean => value.Expression,
        JsType.Number => Linq.Expression.Call(Truthy, value.Expression),
        _ => Linq.Expression.NotEqual(Linq.Expression.Property(value.Expression, nameof(string.Length)), Linq.Expression.Constant(0)),
    };

    private Linq.Expression? Number(Expression node) => Compile(node) is { } typed ? ToNumber(typed) : null;

    private Typed? Unary(UnaryExpression u)
    {
        if (u is UpdateExpression || Compile(u.Argument) is not { } argument)
        {
            return null;
        }

        return u.Operator switch
        {
            Operator.LogicalNot => Bool(Linq.Expression.Not(ToBoolean(argument))),
            Operator.UnaryNegation when ToNumber(argument) is { } n => Num(Linq.Expression.Negate(n)),
            Operator.UnaryPlus when ToNumber(argument) is { } n => Num(n),
            _ => null,
        };
    }

    private Typed? Logical(LogicalExpression l)
    {
        if (l.Operator is not (Operator.LogicalAnd or Operator.LogicalOr) || Compile(l.Left) is not { } left || Compile(l.Right) is not { } right || left.Type != right.Type)
        {
            return null;
        }

        // a && b is b when a is truthy, else a; a || b the other way round. Both operands are one type here.
        var temp = Linq.Expression.Variable(left.Expression.Type);
        var test = ToBoolean(new Typed(temp, left.Type));
        var pick = l.Operator == Operator.LogicalAnd ? Linq.Expression.Condition(test, right.Expression, temp) : Linq.Expression.Condition(test, temp, right.Expression);
        return new Typed(Linq.Expression.Block([temp], Linq.Expression.Assign(temp, left.Expression), pick), left.Type);
    }

    private Typed? Binary(BinaryExpression b)
    {
        if (Compile(b.Left) is not { } left || Compile(b.Right) is not { } right)
        {
            return null;
        }

        if (b.Operator is Operator.StrictEquality or Operator.StrictInequality)
        {
            Linq.Expression same = left.Type != right.Type ? Linq.Expression.Constant(false) : Linq.Expression.Equal(left.Expression, right.Expression);
            return Bool(b.Operator == Operator.StrictEquality ? same : Linq.Expression.Not(same));
        }

        var strings = left.Type == JsType.String && right.Type == JsType.String;
        if (strings)
        {
            return b.Operator switch
            {
                Operator.Equality => Bool(Linq.Expression.Equal(left.Expression, right.Expression)),
                Operator.Inequality => Bool(Linq.Expression.NotEqual(left.Expression, right.Expression)),
                Operator.LessThan or Operator.LessThanOrEqual or Operator.GreaterThan or Operator.GreaterThanOrEqual =>
                    Bool(Comparison(b.Operator, Linq.Expression.Call(CompareOrdinal, left.Expression, right.Expression), Linq.Expression.Constant(0))),
                _ => null,
            };
        }

        if (ToNumber(left) is not { } x || ToNumber(right) is not { } y)
        {
            return null;
        }

        return b.Operator switch
        {
            Operator.Addition => Num(Linq.Expression.Add(x, y)),
            Operator.Subtraction => Num(Linq.Expression.Subtract(x, y)),
            Operator.Multiplication => Num(Linq.Expression.Multiply(x, y)),
            Operator.Division => Num(Linq.Expression.Divide(x, y)),
            Operator.Remainder => Num(Linq.Expression.Modulo(x, y)),
            Operator.Equality => Bool(Linq.Expression.Equal(x, y)),
            Operator.Inequality => Bool(Linq.Expression.NotEqual(x, y)),
            Operator.LessThan or Operator.LessThanOrEqual or Operator.GreaterThan or Operator.GreaterThanOrEqual => Bool(Comparison(b.Operator, x, y)),
            _ => null,
        };
    }

    private static Linq.Expression Comparison(Operator op, Linq.Expression x, Linq.Expression y) => op switch
    {
        Operator.LessThan => Linq.Expression.LessThan(x, y),
        Operator.LessThanOrEqual => Linq.Expression.LessThanOrEqual(x, y),
        Operator.GreaterThan => Linq.Expression.GreaterThan(x, y),
        _ => Linq.Expression.GreaterThanOrEqual(x, y),
    };

    private Typed? Conditional(ConditionalExpression c)
    {
        if (Compile(c.Test) is not { } test || Compile(c.Consequent) is not { } yes || Compile(c.Alternate) is not { } no || yes.Type != no.Type)
        {
            return null;
        }

        return new Typed(Linq.Expression.Condition(ToBoolean(test), yes.Expression, no.Expression), yes.Type);
    }

    private Typed? Call(CallExpression call)
    {
        if (call.Optional || call.Arguments.Any(a => a is SpreadElement))
        {
            return null;
        }

        var name = call.Callee switch
        {
            MemberExpression { Computed: false, Optional: false, Object: Identifier { Name: "Math" }, Property: Identifier p } => "Math." + p.Name,
            Identifier { Name: "score" } when _shape.Use == FormulaUse.Aggregation && call.Arguments[0] is StringLiteral child =>
                "score:" + child.Value,
            Identifier id => id.Name,
            _ => null,
        };
        if (name is null)
        {
            return null;
        }

        if (name.StartsWith("score:", StringComparison.Ordinal))
        {
            return Input(_shape.IndexOf(InputSource.ChildScore, name["score:".Length..]));
        }

        var args = new List<Linq.Expression>();
        foreach (var argument in call.Arguments)
        {
            if (Number((Expression)argument) is not { } n)
            {
                return null;
            }

            args.Add(n);
        }

        return (name, args.Count) switch
        {
            ("Math.min" or "min", _) => Num(Fold(Min, args, double.PositiveInfinity)),
            ("Math.max" or "max", _) => Num(Fold(Max, args, double.NegativeInfinity)),
            ("Math.abs", 1) => Num(Linq.Expression.Call(Abs, args[0])),
            ("Math.floor", 1) => Num(Linq.Expression.Call(Floor, args[0])),
            ("Math.ceil", 1) => Num(Linq.Expression.Call(Ceiling, args[0])),
            ("Math.round", 1) => Num(Linq.Expression.Call(Round, args[0])),
            ("clamp", 3) => Num(Linq.Expression.Call(Clamp, args[0], args[1], args[2])),
            ("ratio", 2) => Num(Linq.Expression.Call(Ratio, args[0], args[1], Linq.Expression.Constant(0.0))),
            ("ratio", 3) => Num(Linq.Expression.Call(Ratio, args[0], args[1], args[2])),
            ("tiers", >= 1) => Num(Tiers(args)),
            _ => null,
        };
    }

    private static Linq.Expression Fold(MethodInfo pair, List<Linq.Expression> args, double empty) =>
        args.Count == 0 ? Linq.Expression.Constant(empty) : args.Skip(1).Aggregate(args[0], (acc, next) => Pick(pair, acc, next));

    // min/max inline: the common case (the two differ, neither is NaN) decides in one or two comparisons;
    // equal values and NaN go to JsNumbers, which knows −0 from +0.
    private static Linq.Expression Pick(MethodInfo pair, Linq.Expression left, Linq.Expression right)
    {
        var a = Linq.Expression.Variable(typeof(double));
        var b = Linq.Expression.Variable(typeof(double));
        var first = pair == Min ? Linq.Expression.LessThan(a, b) : Linq.Expression.GreaterThan(a, b);
        var second = pair == Min ? Linq.Expression.LessThan(b, a) : Linq.Expression.GreaterThan(b, a);
        return Linq.Expression.Block(
            [a, b],
            Linq.Expression.Assign(a, left),
            Linq.Expression.Assign(b, right),
            Linq.Expression.Condition(first, a, Linq.Expression.Condition(second, b, Linq.Expression.Call(pair, a, b))));
    }

    // tiers(v, t1, p1, t2, p2, …[, otherwise]): the points of the first threshold v reaches, else otherwise or 0.
    private static Linq.Expression Tiers(List<Linq.Expression> args)
    {
        var value = Linq.Expression.Variable(typeof(double));
        var bands = args.Count - 1;
        Linq.Expression result = Linq.Expression.Constant(0.0);
        if (bands % 2 == 1)
        {
            result = args[^1];
            bands--;
        }

        for (var i = bands - 1; i >= 1; i -= 2)
        {
            result = Linq.Expression.Condition(Linq.Expression.GreaterThanOrEqual(value, args[i]), args[i + 1], result);
        }

        return Linq.Expression.Block([value], Linq.Expression.Assign(value, args[0]), result);
    }

    private readonly record struct Typed(Linq.Expression Expression, JsType Type);
}
