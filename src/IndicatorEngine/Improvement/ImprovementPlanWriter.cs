using System.Text;

namespace IndicatorEngine;

/// <summary>
/// An <see cref="ImprovementPlan"/> as text, Markdown and JSON. Text and Markdown say the same lines: a summary,
/// the changes to make (vetoes first), and every point's headroom; JSON has stable property names (docs/gap.md).
/// </summary>
internal static class ImprovementPlanWriter
{
    public static string Text(ImprovementPlan plan, Language language)
    {
        var text = new StringBuilder();
        text.Append(ReportText.Pick(language, "改进计划\n", "Improvement plan\n"));
        foreach (var (heading, lines) in Sections(plan, language, markdown: false))
        {
            text.Append(heading).Append('\n');
            foreach (var line in lines)
            {
                text.Append("  ").Append(line).Append('\n');
            }
        }

        return text.ToString();
    }

    public static string Markdown(ImprovementPlan plan, Language language)
    {
        var text = new StringBuilder();
        text.Append(ReportText.Pick(language, "# 改进计划", "# Improvement plan")).Append("\n\n");
        foreach (var (heading, lines) in Sections(plan, language, markdown: true))
        {
            text.Append("## ").Append(heading).Append("\n\n");
            foreach (var line in lines)
            {
                text.Append(char.IsAsciiDigit(line[0]) ? "" : "- ").Append(line).Append('\n');
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    public static string Json(ImprovementPlan plan)
    {
        using var stream = new MemoryStream();
        using (var writer = EvidenceText.Writer(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("system", plan.SystemId);
            writer.WriteString("subject", plan.SubjectId);
            writer.WriteString("profile", plan.Profile);
            writer.WriteNumber("total", plan.Total);
            writer.WriteString("verdict", ReportText.VerdictCode(plan.Verdict));
            writer.WriteStartObject("target");
            writer.WriteNumber("points", plan.Target);
            writer.WriteString("kind", plan.TargetIsPassBar ? "pass" : plan.TargetGrade is not null ? "grade" : "points");
            writer.WriteString("grade", plan.TargetGrade?.Id);
            writer.WriteEndObject();
            writer.WriteString("outcome", Outcome(plan.Outcome));
            writer.WriteNumber("totalAfter", plan.TotalAfter);
            writer.WriteNumber("atMost", plan.AtMost);
            writer.WriteNumber("setsScored", plan.SetsScored);
            writer.WriteStartArray("unclearableVetoes");
            foreach (var veto in plan.UnclearableVetoes)
            {
                writer.WriteStringValue(veto);
            }

            writer.WriteEndArray();
            writer.WriteStartObject("vetoFixedKeys");
            foreach (var (veto, fact) in plan.VetoFacts)
            {
                writer.WriteString(veto, fact.Key);
            }

            writer.WriteEndObject();
            writer.WriteStartArray("changes");
            foreach (var change in plan.Changes)
            {
                writer.WriteStartObject();
                writer.WriteString("key", change.Key);
                writer.WriteString("title", change.Title);
                writer.WriteString("purpose", change.Purpose switch { ChangePurpose.ClearVeto => "clear-veto", ChangePurpose.DecideVeto => "decide-veto", _ => "earn-points" });
                writer.WritePropertyName("from");
                EvidenceText.Write(writer, change.FromValue);
                writer.WritePropertyName("to");
                EvidenceText.Write(writer, change.ToValue);
                writer.WriteStartArray("for");
                foreach (var id in change.For)
                {
                    writer.WriteStringValue(id);
                }

                writer.WriteEndArray();
                writer.WriteNumber("points", change.Points);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("points");
            foreach (var point in plan.Points)
            {
                writer.WriteStartObject();
                writer.WriteString("id", point.Id);
                writer.WriteNumber("score", point.Score);
                writer.WriteNumber("max", point.Max);
                writer.WriteString("kind", point.Kind switch
                {
                    HeadroomKind.NeedsExpert => "needs-expert",
                    HeadroomKind.NotComputable => "not-computable",
                    HeadroomKind.NeedsEvidenceFirst => "needs-evidence-first",
                    HeadroomKind.DependsOnFixedFact => "depends-on-fixed-fact",
                    _ => "computed",
                });
                if (point.NeedsKey is { } needs)
                {
                    writer.WriteString("needsKey", needs);
                }

                writer.WriteStartArray("steps");
                foreach (var step in point.Steps)
                {
                    writer.WriteStartObject();
                    writer.WriteString("key", step.Key);
                    writer.WritePropertyName("value");
                    EvidenceText.Write(writer, step.Evidence);
                    writer.WriteNumber("score", step.Score);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>The outcome as JSON names it: already-met, reachable, unreachable, search-limit-reached.</summary>
    public static string Outcome(PlanOutcome outcome) => outcome switch
    {
        PlanOutcome.AlreadyMet => "already-met",
        PlanOutcome.Reachable => "reachable",
        PlanOutcome.Unreachable => "unreachable",
        _ => "search-limit-reached",
    };

    /// <summary>The summary, the changes and the headroom, each a heading and its lines (Markdown-escaped when asked).</summary>
    public static IEnumerable<(string Heading, List<string> Lines)> Sections(ImprovementPlan plan, Language language, bool markdown)
    {
        string E(string text) => markdown ? ScorecardMarkdown.Escape(text) : text;
        var target = plan.TargetIsPassBar ? ReportText.Pick(language, "及格线", "the pass bar")
            : plan.TargetGrade is { } grade ? ReportText.Pick(language, $"等级 {ReportText.Title(grade.Title, language)}", $"grade {ReportText.Title(grade.Title, language)}")
            : ReportText.Pick(language, "指定总分", "the points asked for");
        var school = plan.SubjectName is { } name ? $"{name} ({plan.SubjectId})" : plan.SubjectId;
        var summary = new List<string>
        {
            E($"{plan.SystemId} · {school} · {plan.Profile}"),
            E(ReportText.Pick(language, $"现在总分 {N(plan.Total)}，目标 {N(plan.Target)}（{target}）", $"total now {N(plan.Total)}, target {N(plan.Target)} ({target})")),
            E(Verdict(plan, language)),
        };
        yield return (ReportText.Pick(language, "概况", "Summary"), summary);

        if (plan.Changes.Count > 0)
        {
            var changes = new List<string>();
            var number = 0;
            foreach (var change in plan.Changes)
            {
                var what = $"{EvidenceText.Named(change.Declaration)}{ReportText.Pick(language, "：", ": ")}{EvidenceText.Show(change.FromValue, change.Declaration, language)} → {EvidenceText.Show(change.ToValue, change.Declaration, language)}";
                var why = change.Purpose switch
                {
                    ChangePurpose.ClearVeto => ReportText.Pick(language, $"清除否决 {change.For[0]}", $"clear the veto {change.For[0]}"),
                    ChangePurpose.DecideVeto => ReportText.Pick(language, $"补充佐证以判定否决 {change.For[0]}", $"supply it to decide the veto {change.For[0]}"),
                    _ => $"{string.Join(", ", change.For)} +{N(change.Points)}{ReportText.Pick(language, " 分", "")}",
                };
                number++;
                changes.Add(E(ReportText.Pick(language, $"{number}. {what}（{why}）", $"{number}. {what} ({why})")));
            }

            yield return (ReportText.Pick(language, "需要的改动", "Changes to make"), changes);
        }

        var points = new List<string>();
        foreach (var point in plan.Points)
        {
            var head = $"{point.Id} {Model.Text.Of(point.Score, point.Max, Model.Text.Explaining(language))}";
            var body = point.Kind switch
            {
                HeadroomKind.NeedsExpert => ReportText.Pick(language, "需专家评分", "needs an expert's score"),
                HeadroomKind.NotComputable => ReportText.Pick(language, "无法计算（插件规则，或公式对任何输入都不单调）", "cannot be computed (a plugin, or a formula not monotone in any input)"),
                HeadroomKind.NeedsEvidenceFirst => ReportText.Pick(language, $"需先提供 {point.NeedsKey}", $"supply {point.NeedsKey} first"),
                HeadroomKind.DependsOnFixedFact => Fact(point.NeedsDeclaration!, language),
                _ when point.Steps.Count == 0 => ReportText.Pick(language, "所读佐证的任何取值都无法再提高", "no value of the evidence it reads earns more"),
                _ => string.Join(ReportText.Pick(language, "；", "; "), point.Steps.Select(s =>
                    $"{s.Key} → {EvidenceText.Show(s.Evidence, s.Declaration, language)} = {Model.Text.Of(s.Score, point.Max, Model.Text.Explaining(language))}")),
            };
            points.Add(E($"{head}{ReportText.Pick(language, "：", ": ")}{body}"));
        }

        yield return (ReportText.Pick(language, "各观测点的提升空间", "Headroom of each observation point"), points.Count > 0 ? points : [ReportText.None(language)]);
    }

    private static string Verdict(ImprovementPlan plan, Language language) => plan.Outcome switch
    {
        PlanOutcome.AlreadyMet => ReportText.Pick(language, $"已达到目标：总分 {N(plan.Total)} ≥ {N(plan.Target)}", $"already meets it: total {N(plan.Total)} ≥ {N(plan.Target)}"),
        PlanOutcome.Reachable => ReportText.Pick(language,
            $"改动 {plan.Changes.Count} 项佐证可达到目标，改后总分 {N(plan.TotalAfter)}（超出 {N(plan.TotalAfter - plan.Target)}）",
            $"{plan.Changes.Count} change(s) reach it: total after {N(plan.TotalAfter)} ({N(plan.TotalAfter - plan.Target)} beyond the target)"),
        PlanOutcome.SearchLimitReached => ReportText.Pick(language,
            $"已达搜索上限（评估 {plan.SetsScored} 组），目前最优：改动 {plan.Changes.Count} 项，改后总分 {N(plan.TotalAfter)}",
            $"search limit reached ({plan.SetsScored} sets scored), best found: {plan.Changes.Count} change(s), total after {N(plan.TotalAfter)}"),
        _ when plan.UnclearableVetoes.Count > 0 => ReportText.Pick(language,
            $"无法达到：否决 {string.Join(", ", plan.UnclearableVetoes)} 无法通过计算清除",
            $"cannot reach it: the veto {string.Join(", ", plan.UnclearableVetoes)} cannot be cleared by a computed change")
            + string.Concat(plan.VetoFacts.Select(p => ReportText.Pick(language, $"（{p.Key} {Fact(p.Value, language)}）", $" ({p.Key} {Fact(p.Value, language)})"))),
        _ => ReportText.Pick(language,
            $"无法达到：可计算的改动至多得 {N(plan.AtMost)} 分；其余提升需专家评分、无法计算或取决于学校既有事实（{Blocked(plan)}）",
            $"cannot reach it: at most {N(plan.AtMost)} with every computable change; the rest needs experts, cannot be computed or depends on facts of the school ({Blocked(plan)})"),
    };

    /// <summary>What a point or veto that only a fixed key could change says: zh "取决于 campusHeadcount（师生总人数）…", en "depends on campusHeadcount (师生总人数), …".</summary>
    private static string Fact(EvidenceDeclaration declaration, Language language) => ReportText.Pick(language,
        $"取决于 {declaration.Key}（{declaration.Title}），这是学校的既有事实，改进计划不改变它",
        $"depends on {declaration.Key} ({declaration.Title}), a fact of the school, not changed by a plan");

    private static string Blocked(ImprovementPlan plan)
    {
        var ids = plan.Points.Where(p => p.Kind != HeadroomKind.Computed).Select(p => p.Id).ToList();
        return ids.Count == 0 ? "—" : string.Join(", ", ids);
    }

    private static string N(decimal value) => Model.Text.Short(value);
}
