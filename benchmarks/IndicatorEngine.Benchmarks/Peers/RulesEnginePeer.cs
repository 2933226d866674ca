using System.Globalization;
using RulesEngine.Models;

namespace IndicatorEngine.Benchmarks.Peers;

/// <summary>
/// The Henan points as a Microsoft RulesEngine 6 workflow (MIT): one lambda-expression rule per observation point
/// whose expression says whether the evidence it reads is there, and whose <c>OutputExpression</c> action (on
/// success) computes the point's score, in decimal, clamped and rounded to 2 places half away from zero
/// (<c>Math.Round(…, 2, MidpointRounding.AwayFromZero)</c>: Dynamic LINQ knows <c>Math</c> and the enum); the
/// formula point in double, as the engine runs it. One more rule is the veto. The input is one typed
/// <see cref="PeerSubject"/> named <c>input</c>. Groups and total are added up in C# afterwards.
/// </summary>
public sealed class RulesEnginePeer
{
    public const string WorkflowName = "henan-higher-vocational";
    private const string Veto = "veto";

    private readonly RulesEngine.RulesEngine _engine = new([Workflow()], new ReSettings());

    /// <summary>The subject as RulesEngine takes it: one parameter, <c>input</c>.</summary>
    public static RuleParameter[] Input(PeerSubject subject) => [new RuleParameter("input", subject)];

    /// <summary>Runs every rule (and its action) for one subject into <paramref name="result"/>.</summary>
    public void Score(RuleParameter[] input, PeerResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var rules = _engine.ExecuteAllRulesAsync(WorkflowName, input).AsTask().GetAwaiter().GetResult();
        for (var i = 0; i < result.Points.Length; i++)
        {
            var rule = rules[i];
            Throw(rule);
            result.Applied[i] = rule.IsSuccess;
            result.Points[i] = rule.IsSuccess ? Convert.ToDecimal(rule.ActionResult.Output, CultureInfo.InvariantCulture) : 0m;
        }

        Throw(rules[^1]);
        result.Vetoed = rules[^1].IsSuccess;
        result.AddUp();
    }

    // By default RulesEngine turns an exception in a rule's expression into a failed rule with a message, and one in
    // its action into a null output with the exception beside it: left unchecked, both would score 0 silently.
    private static void Throw(RuleResultTree rule)
    {
        if (!string.IsNullOrEmpty(rule.ExceptionMessage) || rule.ActionResult?.Exception is not null)
        {
            throw new InvalidOperationException($"rule {rule.Rule.RuleName}: {rule.ExceptionMessage}{rule.ActionResult?.Exception?.Message}");
        }
    }

    /// <summary>The workflow: a rule per observation point, named by its id, in the floor's order, then the veto.</summary>
    public static Workflow Workflow()
    {
        var rules = PeerPoints.All.Select((point, i) => new Rule
        {
            RuleName = HenanFloor.PointIds[i],
            RuleExpressionType = RuleExpressionType.LambdaExpression,
            Expression = Applies(point),
            Actions = new RuleActions
            {
                OnSuccess = new ActionInfo { Name = "OutputExpression", Context = new Dictionary<string, object> { ["Expression"] = Score(point) } },
            },
        }).ToList();
        rules.Add(new Rule
        {
            RuleName = Veto,
            RuleExpressionType = RuleExpressionType.LambdaExpression,
            Expression = $"{Input(PeerPoints.VetoKey)} != null && {Input(PeerPoints.VetoKey)}.Value >= 1m",
        });
        return new Workflow { WorkflowName = WorkflowName, Rules = rules };
    }

    /// <summary>The rule's expression: every value the point needs is there (and a divisor is not 0).</summary>
    public static string Applies(PeerPoint point)
    {
        var needs = PeerPoints.Needs(point).Select(key => $"{Input(key)} != null").ToList();
        if (PeerPoints.Per(point) is { } per)
        {
            needs.Add($"{Input(per)}.Value != 0m");
        }

        return needs.Count == 0 ? "true" : string.Join(" && ", needs);
    }

    /// <summary>The action's output expression: the point's score, once <see cref="Applies"/> holds.</summary>
    public static string Score(PeerPoint point) => point switch
    {
        BooleanPoint p => $"{Value(p.Key)} ? {M(p.Max)} : 0m",
        TiersPoint p => Tiers(p.Per is null ? Value(p.Key) : $"{Value(p.Key)} * {M(p.Scale)} / {Value(p.Per)}", p.Tiers),
        LinearPoint p => Round($"{M(p.Max)} * Math.Min(Math.Max(({(p.Per is null ? Value(p.Key) : $"{Value(p.Key)} / {Value(p.Per)}")} - {M(p.From)}) / ({M(p.Target)} - {M(p.From)}), 0m), 1m)"),
        ChoicePoint p => string.Concat(p.Choices.Select(c => $"{Input(p.Key)} == \"{c.Value}\" ? {M(c.Points)} : ")) + "0m",
        ChecklistPoint p => $"Math.Min({string.Join(" + ", p.Items.Select(item => $"({Input(item.Key)} == true ? {M(item.Points)} : 0m)"))}, {M(p.Max)})",
        ManualPoint p => $"{Value(p.Key)} < 0m || {Value(p.Key)} > {M(p.Max)} ? 0m : {Round(Value(p.Key))}",
        ExitBandwidthPoint => Round("Math.Min(Math.Max(Convert.ToDecimal(Math.Min(Convert.ToDouble(input.ExitBandwidthGbps.Value) * 1000.0 / (input.CampusHeadcount.Value >= 30000m ? 20000.0 : 0.7 * Convert.ToDouble(input.CampusHeadcount.Value)), 1.0) * 3.0), 0m), 3m)"),
        _ => throw new ArgumentOutOfRangeException(nameof(point), point, "a shape RulesEngine is not given"),
    };

    private static string Tiers(string value, (decimal AtLeast, decimal Points)[] tiers) =>
        string.Concat(tiers.Select(t => $"{value} >= {M(t.AtLeast)} ? {M(t.Points)} : ")) + "0m";

    private static string Round(string value) => $"Math.Round({value}, 2, MidpointRounding.AwayFromZero)";

    private static string Input(string key) => "input." + char.ToUpperInvariant(key[0]) + key[1..];

    private static string Value(string key) => Input(key) + ".Value";

    private static string M(decimal value) => value.ToString(CultureInfo.InvariantCulture) + "m";
}
