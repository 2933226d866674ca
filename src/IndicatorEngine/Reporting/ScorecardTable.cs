
namespace IndicatorEngine.Reporting;

/// <summary>
/// Renders a <see cref="Scorecard"/> as plain text for a terminal: a heading with the system and the subject,
/// a table of the first- and second-level indicators (second level indented) with status and score, the
/// total, then threshold, verdict, grade, vetoes with their reasons, missing evidence and diagnostics.
/// Columns are padded by display width (<see cref="DisplayWidth"/>), so Chinese titles line up; every row of
/// the table has the same width. Control characters in evidence text are replaced. Thread-safe.
/// </summary>
public static class ScorecardTable
{
    private const string Gap = "  ";
    private const string IndicatorHeader = "指标 Indicator";
    private const string IdHeader = "编号 Id";
    private const string StatusHeader = "状态 Status";
    private const string ScoreHeader = "得分 Score";
    private const string TotalLabel = "总分 Total";

    /// <summary>Writes the scorecard as text.</summary>
    /// <param name="scorecard">The scorecard.</param>
    /// <param name="writer">Where to write; lines end with <see cref="TextWriter.NewLine"/>.</param>
    public static void Write(Scorecard scorecard, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        ArgumentNullException.ThrowIfNull(writer);
        WriteHeading(scorecard, writer);
        writer.WriteLine();
        WriteIndicators(scorecard, writer);
        writer.WriteLine();
        WriteSummary(scorecard, writer);
    }

    /// <summary>Returns the scorecard as text, lines ending with <c>\n</c>.</summary>
    /// <param name="scorecard">The scorecard.</param>
    /// <returns>The text.</returns>
    public static string ToText(Scorecard scorecard)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        Write(scorecard, writer);
        return writer.ToString();
    }

    private static void WriteHeading(Scorecard scorecard, TextWriter writer)
    {
        var subject = scorecard.Subject;
        var name = subject.Name is null ? TextColumns.Clean(subject.Id) : $"{TextColumns.Clean(subject.Name)} ({TextColumns.Clean(subject.Id)})";
        var lines = new List<(string Label, string Value)>
        {
            ("指标体系 System", $"{TextColumns.Clean(scorecard.SystemTitle.Zh)} ({scorecard.SystemId} {scorecard.SystemVersion})"),
            ("学校 Subject", name),
            ("类型 Profile", TextColumns.Clean(subject.Profile)),
        };
        if (ReportText.Region(subject.Region) is { Length: > 0 } region)
        {
            lines.Add(("地区 Region", TextColumns.Clean(region)));
        }

        if (subject.Period is { } period)
        {
            lines.Add(("年度 Period", period.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        WriteLabelled(writer, lines);
    }

    private static void WriteIndicators(Scorecard scorecard, TextWriter writer)
    {
        var shown = scorecard.Indicators
            .SelectMany(first => first.Children.Select(second => (Score: second, Indent: "  ")).Prepend((Score: first, Indent: "")))
            .ToList();

        // Scores and maxima are right-aligned separately, each with one number of decimals, so that both
        // columns line up on their decimal points.
        var scores = shown.Select(s => s.Score.Score).Append(scorecard.Total).ToList();
        var maxima = shown.Select(s => s.Score.Max).Append(scorecard.Max).ToList();
        var scoreDecimals = ReportText.ScoreDecimals(scorecard);
        var maxDecimals = maxima.Max(ReportText.Decimals);
        var scoreWidth = scores.Max(v => ReportText.Number(v, scoreDecimals).Length);
        var maxWidth = maxima.Max(v => ReportText.Number(v, maxDecimals).Length);
        string Points(decimal score, decimal max) =>
            $"{ReportText.Number(score, scoreDecimals).PadLeft(scoreWidth)} / {ReportText.Number(max, maxDecimals).PadLeft(maxWidth)}";

        string[] header = [IndicatorHeader, IdHeader, StatusHeader, ScoreHeader];
        var rows = shown
            .Select(s => new[] { s.Indent + TextColumns.Clean(s.Score.Title.Zh), s.Score.Id, ReportText.Status(s.Score.Status), Points(s.Score.Score, s.Score.Max) })
            .ToList();
        string[] total = [TotalLabel, "", "", Points(scorecard.Total, scorecard.Max)];
        var widths = new int[header.Length];
        foreach (var row in rows.Append(header).Append(total))
        {
            for (var column = 0; column < widths.Length; column++)
            {
                widths[column] = Math.Max(widths[column], DisplayWidth.Of(row[column]));
            }
        }

        var rule = string.Join(Gap, widths.Select(w => new string('-', w)));
        writer.WriteLine(Format(header, widths));
        writer.WriteLine(rule);
        foreach (var row in rows)
        {
            writer.WriteLine(Format(row, widths));
        }

        writer.WriteLine(rule);
        writer.WriteLine(Format(total, widths));
    }

    /// <summary>Text columns left-aligned, the score column (the last) right-aligned, so no row has trailing blanks.</summary>
    private static string Format(string[] row, int[] widths) =>
        string.Join(Gap,
            TextColumns.PadRight(row[0], widths[0]),
            TextColumns.PadRight(row[1], widths[1]),
            TextColumns.PadRight(row[2], widths[2]),
            TextColumns.PadLeft(row[3], widths[3]));

    private static void WriteSummary(Scorecard scorecard, TextWriter writer)
    {
        var lines = new List<(string Label, string Value)>
        {
            ("通过线 Threshold", ReportText.Number(scorecard.PassThreshold)),
            ("结论 Verdict", ReportText.Verdict(scorecard.Passed) + (scorecard.Vetoed ? " (一票否决 vetoed)" : "")),
            ("等级 Grade", scorecard.Grade is { } grade
                ? $"{TextColumns.Clean(grade.Title.Zh)} {grade.Id} (≥ {ReportText.Number(grade.MinScore)})"
                : "—"),
        };

        if (scorecard.Vetoes.Count == 0)
        {
            lines.Add(("一票否决 Vetoes", "无 none"));
        }

        foreach (var (veto, i) in scorecard.Vetoes.Select((v, i) => (v, i)))
        {
            lines.Add((i == 0 ? "一票否决 Vetoes" : "", $"{TextColumns.Clean(veto.Title)} ({veto.Id}): {TextColumns.Clean(veto.Reason)}"));
        }

        if (scorecard.MissingEvidence.Count == 0)
        {
            lines.Add(("缺失佐证 Missing", "无 none"));
        }

        foreach (var (missing, i) in scorecard.MissingEvidence.Select((m, i) => (m, i)))
        {
            lines.Add((i == 0 ? "缺失佐证 Missing" : "",
                $"{missing.Key} {TextColumns.Clean(missing.Title)} → {string.Join(", ", missing.NeededBy)}"));
        }

        // Missing evidence is listed above; its IE205 warnings would only repeat it.
        var diagnostics = scorecard.Diagnostics.Where(d => d.Code != DiagnosticCodes.EvidenceMissing).ToList();
        foreach (var (diagnostic, i) in diagnostics.Select((d, i) => (d, i)))
        {
            lines.Add((i == 0 ? "诊断 Diagnostics" : "", TextColumns.Clean(diagnostic.ToString())));
        }

        WriteLabelled(writer, lines);
    }

    private static void WriteLabelled(TextWriter writer, IReadOnlyList<(string Label, string Value)> lines)
    {
        var width = lines.Max(l => DisplayWidth.Of(l.Label));
        foreach (var (label, value) in lines)
        {
            writer.WriteLine(TextColumns.PadRight(label, width) + Gap + value);
        }
    }
}
