using System.Globalization;
using System.Text;

namespace IndicatorEngine;

/// <summary>
/// Renders a <see cref="Scorecard"/> as a Markdown (GitHub-flavoured) document: a summary table (subject,
/// total, threshold, verdict, grade, each threshold or band the definition's authors set noted as such), the
/// vetoes with their reasons, the missing evidence, a legend for the provenance marks, then one section
/// per first-level indicator with its second-level subtotals and a table of every observation point (id,
/// title with its provenance mark, score / max, status, explanation), and the diagnostics. Text from the definition and the evidence
/// is escaped so that it cannot break a table or inject markup. Headings, statuses and explanations are in the
/// card's <see cref="Scorecard.Language"/> (pass <c>scorecard.In(language)</c> for another). Thread-safe.
/// </summary>
public static class ScorecardMarkdown
{
    /// <summary>Writes the scorecard as Markdown.</summary>
    /// <param name="scorecard">The scorecard.</param>
    /// <param name="writer">Where to write; lines end with <see cref="TextWriter.NewLine"/>.</param>
    public static void Write(Scorecard scorecard, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        ArgumentNullException.ThrowIfNull(writer);
        var language = scorecard.Language;
        var decimals = ReportText.ScoreDecimals(scorecard);
        var selfScored = ReportText.HasSelfScores(scorecard);
        WriteSummary(scorecard, language, writer);
        if (selfScored)
        {
            WriteOverClaims(scorecard, decimals, language, writer);
        }

        WriteVetoes(scorecard, language, writer);
        WriteMissing(scorecard, language, writer);
        WriteLegend(scorecard, language, writer);
        var number = 0;
        foreach (var first in scorecard.Indicators)
        {
            WriteIndicator(++number, first, decimals, selfScored, language, writer);
        }

        WriteDiagnostics(scorecard, language, writer);
    }

    /// <summary>Returns the scorecard as Markdown, lines ending with <c>\n</c>.</summary>
    /// <param name="scorecard">The scorecard.</param>
    /// <returns>The document.</returns>
    public static string ToMarkdown(Scorecard scorecard)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        Write(scorecard, writer);
        return writer.ToString();
    }

    private static void WriteSummary(Scorecard scorecard, Language language, TextWriter writer)
    {
        var subject = scorecard.Subject;
        var title = ReportText.Title(scorecard.SystemTitle, language);
        writer.WriteLine($"# {Escape(subject.Name ?? subject.Id)}: {Escape(title)}");
        writer.WriteLine();
        writer.WriteLine("| | |");
        writer.WriteLine("|---|---|");
        Row(writer, ReportText.Pick(language, "指标体系", "System"), $"{Escape(title)} (`{Code(scorecard.SystemId)}` {Escape(scorecard.SystemVersion)})");
        Row(writer, ReportText.Pick(language, "学校", "Subject"), subject.Name is null ? $"`{Code(subject.Id)}`" : $"{Escape(subject.Name)} (`{Code(subject.Id)}`)");
        Row(writer, ReportText.Pick(language, "类型", "Profile"), $"`{Code(subject.Profile)}`");
        if (ReportText.Region(subject.Region) is { Length: > 0 } region)
        {
            Row(writer, ReportText.Pick(language, "地区", "Region"), Escape(region));
        }

        if (subject.Period is { } period)
        {
            Row(writer, ReportText.Pick(language, "年度", "Period"), period.ToString(CultureInfo.InvariantCulture));
        }

        var decimals = ReportText.ScoreDecimals(scorecard);
        Row(writer, ReportText.Pick(language, "总分", "Total"), $"**{ReportText.Number(scorecard.Total, decimals)}** / {ReportText.Number(scorecard.Max)}"
            + (scorecard.TotalUpperBound != scorecard.Total
                ? ReportText.Pick(language, $"（补齐佐证后至多 {ReportText.Number(scorecard.TotalUpperBound, decimals)}）", $" (at most {ReportText.Number(scorecard.TotalUpperBound, decimals)} once the open points are settled)")
                : ""));
        if (scorecard.SelfScoreTotal() is { } selfTotal)
        {
            Row(writer, ReportText.Pick(language, "自评总分", "Self-assessed total"), $"{ReportText.Number(selfTotal, decimals)} / {ReportText.Number(scorecard.Max)}");
        }

        Row(writer, ReportText.Pick(language, "结论", "Verdict"), $"**{ReportText.Verdict(scorecard.Verdict, language)}**{ReportText.Pick(language, "（", " (")}{ReportText.VerdictBasis(scorecard, language)}{ReportText.Pick(language, "）", ")")}" + (scorecard.Vetoed ? ReportText.Vetoed(language) : ""));
        Row(writer, ReportText.Pick(language, "等级", "Grade"), ReportText.Grade(scorecard, language, grade => $"{Escape(ReportText.Title(grade.Title, language))} `{Code(grade.Id)}` (≥ {ReportText.Number(grade.MinScore)}){ProvenanceText.Note(grade.Provenance, language)}") is { Length: > 0 } graded ? graded : "—");
        writer.WriteLine();
    }

    /// <summary>The points the school scored itself above what its evidence supports, the largest over-claim first.</summary>
    private static void WriteOverClaims(Scorecard scorecard, int decimals, Language language, TextWriter writer)
    {
        writer.WriteLine($"## {ReportText.OverClaimsHeading(language)}");
        writer.WriteLine();
        var overClaims = scorecard.OverClaims();
        if (overClaims.Count == 0)
        {
            writer.WriteLine(ReportText.Pick(language, "无。", "None."));
            writer.WriteLine();
            return;
        }

        var (self, verified, difference) = ReportText.SelfScoreLabels(language);
        writer.WriteLine($"| {ReportText.Pick(language, "编号", "Id")} | {ReportText.Pick(language, "观测点", "Observation point")} | {self} | {verified} | {difference} | {ReportText.Pick(language, "说明", "Explanation")} |");
        writer.WriteLine("|---|---|--:|--:|--:|---|");
        foreach (var point in overClaims)
        {
            writer.WriteLine($"| `{Code(point.Id)}` | {Escape(ReportText.Title(point.Title, language))} | {ReportText.SelfScore(point, decimals)} | {ReportText.Number(point.Score, decimals)} | {ReportText.Difference(point, decimals)} | {Escape(point.Explanation)} |");
        }

        writer.WriteLine();
    }

    private static void WriteVetoes(Scorecard scorecard, Language language, TextWriter writer)
    {
        writer.WriteLine(ReportText.Pick(language, "## 一票否决", "## Vetoes"));
        writer.WriteLine();
        if (scorecard.Vetoes.Count == 0 && scorecard.UndecidedVetoes.Count == 0)
        {
            writer.WriteLine(ReportText.Pick(language, "无。", "None."));
        }

        foreach (var veto in scorecard.Vetoes)
        {
            writer.WriteLine($"- **{Escape(veto.Title)}** (`{Code(veto.Id)}`): {Escape(veto.Reason)}");
        }

        foreach (var veto in scorecard.UndecidedVetoes)
        {
            writer.WriteLine($"- {ReportText.Pick(language, "待核实", "undecided")}: **{Escape(veto.Title)}** (`{Code(veto.Id)}`): {Escape(veto.Reason)}");
        }

        writer.WriteLine();
    }

    private static void WriteMissing(Scorecard scorecard, Language language, TextWriter writer)
    {
        writer.WriteLine(ReportText.Pick(language, "## 缺失佐证", "## Missing evidence"));
        writer.WriteLine();
        if (scorecard.MissingEvidence.Count == 0)
        {
            writer.WriteLine(ReportText.Pick(language, "无。", "None."));
            writer.WriteLine();
            return;
        }

        writer.WriteLine(ReportText.Pick(language, "| 佐证 | 名称 | 用于 |", "| Key | Title | Needed by |"));
        writer.WriteLine("|---|---|---|");
        foreach (var missing in scorecard.MissingEvidence)
        {
            writer.WriteLine($"| `{Code(missing.Key)}` | {Escape(missing.Title)} | {string.Join(", ", missing.NeededBy.Select(id => $"`{Code(id)}`"))} |");
        }

        writer.WriteLine();
    }

    private static void WriteIndicator(int number, IndicatorScore first, int decimals, bool selfScored, Language language, TextWriter writer)
    {
        writer.WriteLine($"## {number}. {Escape(ReportText.Title(first.Title, language))}{Mark(first)}: {Points(first, decimals)} ({ReportText.Status(first.Status, language)})");
        writer.WriteLine();
        if (first.Children.Any(c => c.Children.Count > 0))
        {
            foreach (var second in first.Children)
            {
                writer.WriteLine($"- {Escape(ReportText.Title(second.Title, language))}{Mark(second)} (`{Code(second.Id)}`): {Points(second, decimals)} ({ReportText.Status(second.Status, language)})");
            }

            writer.WriteLine();
        }

        var (self, _, difference) = ReportText.SelfScoreLabels(language);
        var selfHeader = selfScored ? $" {self} | {difference} |" : "";
        writer.WriteLine(ReportText.Pick(language, $"| 编号 | 观测点 | 得分 |{selfHeader} 状态 | 说明 |", $"| Id | Observation point | Score |{selfHeader} Status | Explanation |"));
        writer.WriteLine(selfScored ? "|---|---|--:|--:|--:|---|---|" : "|---|---|--:|---|---|");
        foreach (var point in first.DescendantsAndSelf().Where(s => s.Children.Count == 0))
        {
            var selfCells = selfScored ? $" {ReportText.SelfScore(point, decimals)} | {ReportText.Difference(point, decimals)} |" : "";
            writer.WriteLine($"| `{Code(point.Id)}` | {Escape(ReportText.Title(point.Title, language))}{Mark(point)} | {Points(point, decimals)} |{selfCells} {ReportText.Status(point.Status, language)} | {Escape(point.Explanation)} |");
        }

        writer.WriteLine();
    }

    /// <summary>What the marks after titles mean, once, when any indicator on the card has one.</summary>
    private static void WriteLegend(Scorecard scorecard, Language language, TextWriter writer)
    {
        if (scorecard.Indicators.SelectMany(i => i.DescendantsAndSelf()).All(s => s.Provenance == Provenance.Published))
        {
            return;
        }

        writer.WriteLine($"{ReportText.Pick(language, "标记", "Marks")}: {Escape(ProvenanceText.Legend(language))}");
        writer.WriteLine();
    }

    private static void WriteDiagnostics(Scorecard scorecard, Language language, TextWriter writer)
    {
        // Missing evidence has its own section; its IE205 warnings would only repeat it.
        var diagnostics = scorecard.Diagnostics.Where(d => d.Code != DiagnosticCodes.EvidenceMissing).ToList();
        if (diagnostics.Count == 0)
        {
            return;
        }

        writer.WriteLine(ReportText.Pick(language, "## 诊断", "## Diagnostics"));
        writer.WriteLine();
        foreach (var diagnostic in diagnostics)
        {
            writer.WriteLine($"- `{Code(diagnostic.ToString())}`");
        }

        writer.WriteLine();
    }

    /// <summary>The provenance mark after a title, escaped (the our-rule mark is a Markdown asterisk).</summary>
    private static string Mark(IndicatorScore score) => Escape(ProvenanceText.Mark(score.Provenance));

    private static void Row(TextWriter writer, string label, string value) => writer.WriteLine($"| {label} | {value} |");

    private static string Points(IndicatorScore score, int decimals) => $"{ReportText.Number(score.Score, decimals)} / {ReportText.Number(score.Max)}";

    /// <summary>Escapes text for a Markdown paragraph or table cell: markup characters get a backslash, breaks become spaces.</summary>
    internal static string Escape(string? text)
    {
        var line = Clean(text);
        var escaped = new StringBuilder(line.Length + 8);
        foreach (var c in line)
        {
            if (c is '\\' or '|' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '#' or '~')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    /// <summary>Text inside a code span: a backtick would end it and a pipe would end the table cell.</summary>
    private static string Code(string text) => Clean(text).Replace('`', '\'').Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>One line with control characters replaced (an escape sequence in evidence must not drive the terminal).</summary>
    private static string Clean(string? text)
    {
        var line = ReportText.OneLine(text);
        if (!line.Any(char.IsControl))
        {
            return line;
        }

        var clean = new StringBuilder(line.Length);
        foreach (var c in line)
        {
            clean.Append(char.IsControl(c) ? '?' : c);
        }

        return clean.ToString();
    }
}
