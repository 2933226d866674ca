using System.Text;
using System.Text.Json;

namespace IndicatorEngine;

/// <summary>
/// The full trace of how a scorecard's numbers came about (<c>indicator explain</c>), put together from what
/// scoring recorded and the compiled definition, never by scoring differently: each node top-down with its rule as
/// written, every value it read, the engine's own explanation line with its numbers, the unclamped result and
/// rounding, the aggregation with each part's score and weight, caps and extension points; then every veto with
/// its condition, the values it read and whether it fired; then the bounds of the total and the verdict.
/// </summary>
internal static class ScoreTrace
{
    private static readonly JsonSerializerOptions RuleOptions = new(DefinitionReader.ModelOptions) { WriteIndented = false };

    /// <summary>The plan index of the node with that id, or −1.</summary>
    public static int IndexOf(Scorecard card, string id) => Array.FindIndex(card.Plan!.Nodes, n => n.Indicator.Id == id);

    /// <summary>The trace as text in the card's language; only the subtree of <paramref name="indicatorId"/> when given (which must exist).</summary>
    public static string ToText(Scorecard card, string? indicatorId)
    {
        var language = card.Language;
        var plan = card.Plan ?? throw new ArgumentException("a card read back from JSON has no trace", nameof(card));
        var text = new StringBuilder();
        foreach (var (index, depth) in Order(card, indicatorId))
        {
            var node = plan.Nodes[index];
            var pad = new string(' ', depth * 2);
            var indicator = node.Indicator;
            var kind = node.Scorer is not null ? ReportText.Pick(language, "观测点", "observation point") : ReportText.Pick(language, "指标", "indicator");
            var extension = indicator.IsBonus ? ReportText.Pick(language, "，扩展项", ", extension item") : "";
            text.Append(pad).Append($"{kind} {indicator.Id} {ReportText.Title(indicator.Title, language)}{Open(language)}{Text.Short(indicator.Points)} {ReportText.Pick(language, "分", "points")}{extension}{Close(language)}\n");
            pad += "  ";
            if (card.NotApplicableNodes![index])
            {
                text.Append(pad).Append(ReportText.Pick(language, "不适用于本类型 → 0\n", "not applicable to this profile → 0\n"));
                continue;
            }

            if (node.Rule is { } rule)
            {
                text.Append(pad).Append(ReportText.Pick(language, "规则：", "rule: ")).Append(JsonSerializer.Serialize(rule, RuleOptions)).Append('\n');
                foreach (var slot in node.Reads)
                {
                    var declaration = plan.Catalogue[slot];
                    text.Append(pad).Append(ReportText.Pick(language, "读取：", "read: "))
                        .Append($"{EvidenceText.Named(declaration)} = {EvidenceText.Show(card.Slots![slot], declaration, language)}\n");
                }
            }
            else
            {
                text.Append(pad).Append(ReportText.Pick(language, "汇总：", "aggregation: ")).Append(Aggregation(node, language)).Append('\n');
                foreach (var child in node.Children)
                {
                    text.Append(pad).Append("  ").Append(Part(card, child, node.WeightedMean, language)).Append('\n');
                }

                if (indicator.BonusPoints > 0)
                {
                    text.Append(pad).Append(ReportText.Pick(language, $"扩展项至多加 {Text.Short(indicator.BonusPoints)} 分\n", $"extension items add at most {Text.Short(indicator.BonusPoints)}\n"));
                }
            }

            text.Append(pad).Append(ReportText.Pick(language, "计算：", "computed: ")).Append(Explain(card, index)).Append('\n');
            if (Unclamped(card, index) is { } raw)
            {
                text.Append(pad).Append(ReportText.Pick(language,
                    $"截断：结果 {Text.Num(raw)} 超出 0 至 {Text.Short(indicator.Points)}\n",
                    $"clamped: the result {Text.Num(raw)} lies outside 0 to {Text.Short(indicator.Points)}\n"));
            }
            else if (Unrounded(card, index) is { } exact)
            {
                text.Append(pad).Append(ReportText.Pick(language,
                    $"取整：规则结果 {exact.ToString(System.Globalization.CultureInfo.InvariantCulture)}，保留 {plan.Precision} 位小数（四舍五入）\n",
                    $"rounded: the rule gave {exact.ToString(System.Globalization.CultureInfo.InvariantCulture)}, kept to {plan.Precision} decimal places (half away from zero)\n"));
            }

            text.Append(pad).Append(ReportText.Pick(language, "得分：", "score: "))
                .Append($"{Text.Of(card.NodeScores![index], indicator.Points, Text.Explaining(language))}{Open(language)}{ReportText.Status(card.NodeStatuses![index], language)}{Close(language)}\n");
        }

        if (indicatorId is null)
        {
            WriteVerdict(card, text);
        }

        return text.ToString();
    }

    /// <summary>The trace as JSON (docs/explain.md); only the subtree of <paramref name="indicatorId"/> when given.</summary>
    public static string ToJson(Scorecard card, string? indicatorId)
    {
        var plan = card.Plan ?? throw new ArgumentException("a card read back from JSON has no trace", nameof(card));
        using var stream = new MemoryStream();
        using (var writer = EvidenceText.Writer(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("system", card.SystemId);
            writer.WriteString("subject", card.Subject.Id);
            writer.WriteString("profile", card.Subject.Profile);
            writer.WriteString("language", ReportText.LanguageCode(card.Language));
            writer.WriteNumber("precision", plan.Precision);
            writer.WriteStartArray("nodes");
            foreach (var (index, depth) in Order(card, indicatorId))
            {
                WriteNode(card, index, depth, writer);
            }

            writer.WriteEndArray();
            if (indicatorId is null)
            {
                WriteVetoes(card, writer);
                writer.WriteStartObject("verdict");
                writer.WriteNumber("total", card.Total);
                writer.WriteNumber("totalUpperBound", card.TotalUpperBound);
                writer.WriteNumber("max", card.Max);
                writer.WriteNumber("passThreshold", card.PassThreshold);
                writer.WriteString("verdict", ReportText.VerdictCode(card.Verdict));
                writer.WriteString("grade", card.Grade?.Id);
                writer.WriteString("gradeUpperBound", card.GradeUpperBound?.Id);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteNode(Scorecard card, int index, int depth, Utf8JsonWriter writer)
    {
        var plan = card.Plan!;
        var node = plan.Nodes[index];
        var indicator = node.Indicator;
        writer.WriteStartObject();
        writer.WriteString("id", indicator.Id);
        writer.WriteString("title", ReportText.Title(indicator.Title, card.Language));
        writer.WriteString("kind", node.Scorer is not null ? "observation-point" : "indicator");
        writer.WriteNumber("depth", depth);
        writer.WriteNumber("points", indicator.Points);
        writer.WriteNumber("score", card.NodeScores![index]);
        writer.WriteString("status", ReportText.Status(card.NodeStatuses![index]));
        writer.WriteBoolean("extension", indicator.IsBonus);
        writer.WriteNumber("weight", indicator.Weight);
        var notApplicable = card.NotApplicableNodes![index];
        if (!notApplicable && node.Rule is { } rule)
        {
            writer.WritePropertyName("rule");
            JsonSerializer.Serialize(writer, rule, RuleOptions);
            writer.WriteStartArray("reads");
            foreach (var slot in node.Reads)
            {
                EvidenceText.WriteRead(writer, plan.Catalogue[slot], card.Slots![slot], card.Language);
            }

            writer.WriteEndArray();
        }
        else if (!notApplicable)
        {
            writer.WriteString("aggregation", node.Formula is not null ? "formula" : node.WeightedMean ? "weighted-mean" : "sum");
            if (node.Formula is { } formula)
            {
                writer.WriteString("formula", formula.Source);
            }

            writer.WriteNumber("bonusPoints", indicator.BonusPoints);
            writer.WriteStartArray("parts");
            foreach (var child in node.Children)
            {
                var part = plan.Nodes[child].Indicator;
                writer.WriteStartObject();
                writer.WriteString("id", part.Id);
                writer.WriteNumber("score", card.NodeScores[child]);
                writer.WriteNumber("points", part.Points);
                writer.WriteNumber("weight", part.Weight);
                writer.WriteBoolean("extension", part.IsBonus);
                writer.WriteString("status", ReportText.Status(card.NodeStatuses[child]));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteString("explanation", notApplicable ? ReportText.Pick(card.Language, "本类型不适用 → 0", "not applicable to this profile → 0") : Explain(card, index));
        if (!notApplicable && Unclamped(card, index) is { } raw)
        {
            writer.WriteNumber("unclamped", raw);
        }
        else if (!notApplicable && Unrounded(card, index) is { } exact)
        {
            writer.WriteNumber("unrounded", exact);
        }

        writer.WriteEndObject();
    }

    private static void WriteVetoes(Scorecard card, Utf8JsonWriter writer)
    {
        var plan = card.Plan!;
        writer.WriteStartArray("vetoes");
        foreach (var veto in plan.Vetoes)
        {
            var (state, reason) = Check(card, veto);
            writer.WriteStartObject();
            writer.WriteString("id", veto.Veto.Id);
            writer.WriteString("title", ReportText.Title(veto.Veto.Title, card.Language));
            writer.WriteString("condition", Condition(veto));
            writer.WriteStartArray("reads");
            foreach (var slot in veto.Reads)
            {
                EvidenceText.WriteRead(writer, plan.Catalogue[slot], card.Slots![slot], card.Language);
            }

            writer.WriteEndArray();
            writer.WriteString("state", state switch { VetoState.Fired => "fired", VetoState.Undecided => "undecided", _ => "not-fired" });
            writer.WriteString("reason", reason);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteVerdict(Scorecard card, StringBuilder text)
    {
        var language = card.Language;
        var plan = card.Plan!;
        text.Append(ReportText.Pick(language, "一票否决\n", "vetoes\n"));
        if (plan.Vetoes.Length == 0)
        {
            text.Append("  ").Append(ReportText.None(language)).Append('\n');
        }

        foreach (var veto in plan.Vetoes)
        {
            var (state, reason) = Check(card, veto);
            var values = string.Join(Text.Comma(Text.Explaining(language)), veto.Reads.Select(s => $"{plan.Catalogue[s].Key} = {EvidenceText.Show(card.Slots![s], plan.Catalogue[s], language)}"));
            var outcome = state switch
            {
                VetoState.Fired => ReportText.Pick(language, "触发", "fired"),
                VetoState.Undecided => ReportText.Pick(language, "待核实", "undecided"),
                _ => ReportText.Pick(language, "未触发", "not fired"),
            };
            text.Append($"  {veto.Veto.Id} {ReportText.Title(veto.Veto.Title, language)}\n");
            text.Append("    ").Append(ReportText.Pick(language, "条件：", "condition: ")).Append(Condition(veto)).Append('\n');
            text.Append("    ").Append(ReportText.Pick(language, "读取：", "read: ")).Append(values).Append('\n');
            text.Append("    ").Append(ReportText.Pick(language, "结果：", "outcome: ")).Append(outcome).Append(reason is null ? "" : $"{Open(language)}{reason}{Close(language)}").Append('\n');
        }

        text.Append(ReportText.Pick(language, "结论\n", "verdict\n"));
        text.Append("  ").Append(ReportText.Pick(language,
            $"总分（下限，待定观测点按 0 计）{Text.Short(card.Total)}；上限（待定观测点按满分计）{Text.Short(card.TotalUpperBound)}；满分 {Text.Short(card.Max)}\n",
            $"total (lower bound, open points at 0) {Text.Short(card.Total)}; upper bound (open points at full points) {Text.Short(card.TotalUpperBound)}; of {Text.Short(card.Max)}\n"));
        text.Append("  ").Append(ReportText.Pick(language, $"及格线 {Text.Short(card.PassThreshold)} → ", $"bar {Text.Short(card.PassThreshold)} → "))
            .Append(ReportText.Verdict(card.Verdict, language)).Append(ReportText.Pick(language, "（", " (")).Append(ReportText.VerdictBasis(card, language)).Append(ReportText.Pick(language, "）\n", ")\n"));
        var grade = ReportText.Grade(card, language, g => $"{ReportText.Title(g.Title, language)} (≥ {Text.Short(g.MinScore)})");
        text.Append("  ").Append(ReportText.Pick(language, "等级：", "grade: ")).Append(grade is { Length: > 0 } ? grade : ReportText.None(language)).Append('\n');
    }

    /// <summary>Nodes top-down (parents before children) with their depth: the whole tree, or one node's subtree.</summary>
    private static IEnumerable<(int Index, int Depth)> Order(Scorecard card, string? indicatorId)
    {
        var plan = card.Plan!;
        var stack = new Stack<(int, int)>();
        var starts = indicatorId is null ? plan.Roots : [IndexOf(card, indicatorId)];
        if (starts.Any(i => i < 0))
        {
            throw new ArgumentException($"no indicator has the id '{indicatorId}'", nameof(indicatorId));
        }

        foreach (var root in starts.Reverse())
        {
            stack.Push((root, 0));
        }

        while (stack.Count > 0)
        {
            var (index, depth) = stack.Pop();
            yield return (index, depth);
            foreach (var child in plan.Nodes[index].Children.Reverse())
            {
                stack.Push((child, depth + 1));
            }
        }
    }

    private static string Open(Language language) => ReportText.Pick(language, "（", " (");

    private static string Close(Language language) => ReportText.Pick(language, "）", ")");

    private static string Explain(Scorecard card, int index) =>
        Evaluator.Explain(card.Plan!, index, card.Slots, card.NotApplicableNodes!, card.NodeScores, card.NodeStatuses, card.Language);

    private static decimal? Unclamped(Scorecard card, int index) =>
        Evaluator.Clamped(card.Plan!, index, card.Slots, card.NodeScores, card.NodeStatuses);

    /// <summary>The rule's result before rounding, when rounding changed it.</summary>
    private static decimal? Unrounded(Scorecard card, int index) =>
        Evaluator.Unrounded(card.Plan!, index, card.Slots) is { } exact && exact != card.NodeScores![index] ? exact : null;

    private static string Aggregation(PlanNode node, Language language) =>
        node.Formula is { } formula ? ReportText.Pick(language, $"公式 {formula.Source}", $"formula {formula.Source}")
        : node.WeightedMean ? ReportText.Pick(language, $"加权平均，满分 {Text.Short(node.Indicator.Points)}", $"weighted mean, scaled to {Text.Short(node.Indicator.Points)}")
        : ReportText.Pick(language, $"求和，至多 {Text.Short(node.Indicator.Points)}（扩展项另计）", $"sum, at most {Text.Short(node.Indicator.Points)} (extension items on top)");

    private static string Part(Scorecard card, int child, bool weighted, Language language)
    {
        var part = card.Plan!.Nodes[child].Indicator;
        var weight = weighted && !part.IsBonus ? $" × {Text.Num(part.Weight)}" : "";
        var extension = part.IsBonus ? ReportText.Pick(language, "（扩展项）", " (extension)") : "";
        return $"{part.Id} {Text.Of(card.NodeScores![child], part.Points, Text.Explaining(language))}{weight}{extension}";
    }

    private static (VetoState State, string? Reason) Check(Scorecard card, PlanVeto veto)
    {
        List<Diagnostic>? ignored = null;
        var state = VetoRule.Check(veto, card.Slots!, card.Language, ref ignored, out var hit);
        return (state, hit?.Reason);
    }

    /// <summary>The veto's condition as the definition states it: its formula, or the tests on its one key.</summary>
    internal static string Condition(PlanVeto veto)
    {
        if (veto.Formula is { } formula)
        {
            return formula.Text;
        }

        var tests = new List<string>();
        if (veto.EqualsValue is { } equal)
        {
            tests.Add("= " + equal.Kind switch
            {
                EvidenceKind.Boolean => equal.Boolean ? "true" : "false",
                EvidenceKind.Number => Text.Num(equal.Number),
                _ => $"\"{equal.Text}\"",
            });
        }

        Add(veto.AtLeast, "≥");
        Add(veto.AtMost, "≤");
        Add(veto.GreaterThan, ">");
        Add(veto.LessThan, "<");
        return $"{veto.Evidence!.Key} {string.Join(" && ", tests)}";

        void Add(decimal? test, string sign)
        {
            if (test is { } t)
            {
                tests.Add($"{sign} {Text.Num(t)}");
            }
        }
    }
}
