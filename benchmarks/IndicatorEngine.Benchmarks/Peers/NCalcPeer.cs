using System.Globalization;
using NCalc;

namespace IndicatorEngine.Benchmarks.Peers;

/// <summary>
/// The Henan points as NCalc 7 expressions (MIT): one expression string per observation point, parsed once and
/// evaluated per subject with the values it reads as parameters, in decimal (<c>DecimalAsDefault</c>) with
/// <c>Round(x, 2)</c> half away from zero (<c>RoundAwayFromZero</c>) and <c>null</c> for a value not there
/// (<c>AllowNullParameter</c>). An expression returns −1 when the evidence it needs is not there, so that C# can
/// tell "not scored" from a score of 0. The formula point is computed in decimal (NCalc has no double
/// arithmetic once decimals are the default). Groups and total are added up in C# afterwards.
/// </summary>
public sealed class NCalcPeer
{
    private const ExpressionOptions Options = ExpressionOptions.DecimalAsDefault | ExpressionOptions.RoundAwayFromZero | ExpressionOptions.AllowNullParameter;

    private readonly Expression[] _points = PeerPoints.All.Select(p => new Expression(Text(p), Options)).ToArray();
    private readonly Expression _veto = new($"if([{PeerPoints.VetoKey}] == null, false, [{PeerPoints.VetoKey}] >= 1)", Options);
    private readonly string[][] _parameters;
    private readonly string[] _vetoParameters;

    public NCalcPeer()
    {
        _parameters = _points.Select(Parameters).ToArray();
        _vetoParameters = Parameters(_veto);
    }

    /// <summary>Evaluates every point's expression for one subject into <paramref name="result"/>.</summary>
    public void Score(PeerSubject subject, PeerResult result)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(result);
        var values = subject.Values;
        for (var i = 0; i < _points.Length; i++)
        {
            var score = Convert.ToDecimal(Evaluate(_points[i], _parameters[i], values), CultureInfo.InvariantCulture);
            result.Applied[i] = score >= 0m;
            result.Points[i] = Math.Max(score, 0m);
        }

        result.Vetoed = (bool)Evaluate(_veto, _vetoParameters, values)!;
        result.AddUp();
    }

    private static object? Evaluate(Expression expression, string[] names, IReadOnlyDictionary<string, object?> values)
    {
        foreach (var name in names)
        {
            expression.Parameters[name] = values[name];
        }

        return expression.Evaluate();
    }

    // NCalc lists the literal null among the parameters (AllowNullParameter reads an unset parameter as null).
    private static string[] Parameters(Expression expression) =>
        expression.HasErrors() ? throw new InvalidOperationException($"{expression.ExpressionString}: {expression.Error?.Message}")
        : expression.GetParameterNames().Where(name => name != "null").Distinct().ToArray();

    /// <summary>A point as an NCalc expression: −1 when a value it needs is not there (or a divisor is 0), else its score.</summary>
    public static string Text(PeerPoint point)
    {
        var missing = PeerPoints.Needs(point).Select(key => $"[{key}] == null").ToList();
        if (PeerPoints.Per(point) is { } per)
        {
            missing.Add($"[{per}] == 0");
        }

        var score = Score(point);
        return missing.Count == 0 ? score : $"if({string.Join(" || ", missing)}, -1, {score})";
    }

    private static string Score(PeerPoint point) => point switch
    {
        BooleanPoint p => $"if([{p.Key}], {N(p.Max)}, 0)",
        TiersPoint p => Tiers(p.Per is null ? $"[{p.Key}]" : $"[{p.Key}] * {N(p.Scale)} / [{p.Per}]", p.Tiers),
        LinearPoint p => $"Round({N(p.Max)} * Min(Max(({(p.Per is null ? $"[{p.Key}]" : $"[{p.Key}] / [{p.Per}]")} - {N(p.From)}) / ({N(p.Target)} - {N(p.From)}), 0), 1), 2)",
        ChoicePoint p => string.Concat(p.Choices.Select(c => $"if([{p.Key}] == '{c.Value}', {N(c.Points)}, ")) + "0" + new string(')', p.Choices.Length),
        ChecklistPoint p => $"Min({string.Join(" + ", p.Items.Select(item => $"if([{item.Key}] == true, {N(item.Points)}, 0)"))}, {N(p.Max)})",
        ManualPoint p => $"if([{p.Key}] < 0 || [{p.Key}] > {N(p.Max)}, 0, Round([{p.Key}], 2))",
        ExitBandwidthPoint => "Round(Min(Max(Min([exitBandwidthGbps] * 1000 / if([campusHeadcount] >= 30000, 20000, 0.7 * [campusHeadcount]), 1) * 3, 0), 3), 2)",
        _ => throw new ArgumentOutOfRangeException(nameof(point), point, "a shape NCalc is not given"),
    };

    private static string Tiers(string value, (decimal AtLeast, decimal Points)[] tiers) =>
        string.Concat(tiers.Select(t => $"if({value} >= {N(t.AtLeast)}, {N(t.Points)}, ")) + "0" + new string(')', tiers.Length);

    private static string N(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
