using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace IndicatorEngine.Cli.Rendering;

/// <summary>Which rows the scorecard table shows.</summary>
internal enum ScorecardView
{
    /// <summary>Every indicator down to each observation point, with its score, status and explanation.</summary>
    Full,

    /// <summary>First- and second-level indicators only, with their full ids; no explanations.</summary>
    Compact,
}

/// <summary>
/// The scorecard as a table for people (Spectre.Console): a heading with the system and the subject, the
/// indicators with status and score (all of them, each observation point with its one-line explanation,
/// or in the compact view only the first two levels; titles of points not published as scored carry a short
/// provenance mark), the total, then threshold, verdict, grade (each noted when the definition's authors set
/// it), the legend for the marks, vetoes with
/// their reasons, missing evidence and diagnostics. Spectre measures East Asian wide characters as two
/// cells, so Chinese titles line up; evidence text passes through <see cref="SafeText"/> and is never read
/// as markup.
/// </summary>
internal static class ScorecardTable
{
    /// <summary>Blank columns between two columns of the table.</summary>
    private const int Gap = 2;

    /// <summary>The explanation column is at least this wide (or as wide as its longest text); on a narrower terminal the table is wider than the terminal.</summary>
    private const int MinimumExplanationWidth = 24;

    /// <summary>Titles and ids longer than this wrap inside their column.</summary>
    private const int MaximumNameWidth = 40;

    /// <summary>Titles and ids wrap at no fewer columns than this to make room for the explanation.</summary>
    private const int MinimumNameWidth = 12;

    private static readonly Style Label = new(decoration: Decoration.Bold);
    private static readonly Style FirstLevel = new(decoration: Decoration.Bold);

    /// <summary>Renders the scorecard for <paramref name="target"/>: lines end with <c>\n</c>; plain text has no blanks at line ends.</summary>
    public static string Render(Scorecard scorecard, ScorecardView view, ConsoleTarget target)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        ArgumentNullException.ThrowIfNull(target);
        using var buffer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var (table, width) = Indicators(scorecard, view, target);
        var console = (target with { Width = width }).CreateConsole(buffer);
        console.Write(Heading(scorecard, scorecard.Language));
        console.WriteLine();
        console.Write(table);
        console.WriteLine();
        console.Write(Summary(scorecard, scorecard.Language));
        var text = buffer.ToString().ReplaceLineEndings("\n");
        return target.Ansi ? text : TrimLineEnds(text);
    }

    /// <summary>
    /// Renders a small table of the same shape to nowhere, so that Spectre's layout code is compiled (most of a
    /// first render's time) while the definition is still loading on the other thread.
    /// </summary>
    public static void WarmUp(ScorecardView view, ConsoleTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        const string explanation = "信息化专职技术人员数 14 persons ÷ 16,850 persons = 0.83 per 1000，未达到目标 ≥ 1，达到部分得分目标 ≥ 0.5 → 4/8 分";
        Row[] rows =
        [
            new("基础设施", 0, "infrastructure", ScoreStatus.Partial, 6.5m, 8m, null),
            new("出口带宽", 1, "exit-bandwidth", ScoreStatus.Scored, 2.54m, 3m, explanation),
            new("数据安全", 1, "data", ScoreStatus.MissingEvidence, 3.96m, 5m, "上云比例 65 %，目标 80 → 3.96/5 分"),
            new("治理体系", 0, "governance", ScoreStatus.Error, 0m, 5m, null),
            new("领导力", 1, "leadership", ScoreStatus.NotApplicable, 0m, 5m, ""),
        ];
        var (table, width) = IndicatorTable(rows, 6.5m, 18m, 2, view == ScorecardView.Full, Language.Chinese, target);
        var console = (target with { Width = width }).CreateConsole(TextWriter.Null);
        console.Write(Labelled([("学校", new Text("中原数智职业技术学院 (HV-1)")), ("年度", new Text("2025"))]));
        console.WriteLine();
        console.Write(table);
        console.WriteLine();
        console.Write(Labelled(
        [
            ("结论", new Text(ReportText.Verdict(Verdict.Passed, Language.Chinese), new Style(Color.Green, decoration: Decoration.Bold))),
            ("缺失佐证", new Text(explanation + " " + explanation, new Style(Color.Yellow))),
        ]));
    }

    private static Grid Heading(Scorecard scorecard, Language language)
    {
        var subject = scorecard.Subject;
        var name = subject.Name is null ? SafeText.Line(subject.Id) : $"{SafeText.Line(subject.Name)} ({SafeText.Line(subject.Id)})";
        var lines = new List<(string Label, IRenderable Value)>
        {
            (ReportText.Pick(language, "指标体系", "System"), new Text($"{SafeText.Line(ReportText.Title(scorecard.SystemTitle, language))} ({SafeText.Line(scorecard.SystemId)} {SafeText.Line(scorecard.SystemVersion)})")),
            (ReportText.Pick(language, "学校", "Subject"), new Text(name)),
            (ReportText.Pick(language, "类型", "Profile"), new Text(SafeText.Line(subject.Profile))),
        };
        if (ReportText.Region(subject.Region) is { Length: > 0 } region)
        {
            lines.Add((ReportText.Pick(language, "地区", "Region"), new Text(SafeText.Line(region))));
        }

        if (subject.Period is { } period)
        {
            lines.Add((ReportText.Pick(language, "年度", "Period"), new Text(period.ToString(CultureInfo.InvariantCulture))));
        }

        return Labelled(lines);
    }

    private static (Table Table, int Width) Indicators(Scorecard scorecard, ScorecardView view, ConsoleTarget target)
    {
        var full = view == ScorecardView.Full;
        var rows = new List<Row>();
        foreach (var first in scorecard.Indicators)
        {
            Collect(first, 0, first.Id);
        }

        void Collect(IndicatorScore score, int depth, string id)
        {
            rows.Add(new Row(ReportText.Title(score.Title, scorecard.Language) + ProvenanceText.Mark(score.Provenance), depth, id, score.Status, score.Score, score.Max, ShowsExplanation(score, scorecard.Language) ? score.Explanation : null)
            {
                SelfScore = score.SelfScore,
            });
            if (full || depth == 0)
            {
                foreach (var child in score.Children)
                {
                    Collect(child, depth + 1, full ? RelativeId(child.Id, score.Id) : child.Id);
                }
            }
        }

        return IndicatorTable(rows, scorecard.Total, scorecard.Max, ReportText.ScoreDecimals(scorecard), full, scorecard.Language, target, ReportText.HasSelfScores(scorecard));
    }

    /// <summary>One indicator's row: its title indented by its depth, the id shown, and an explanation worth showing.</summary>
    private sealed record Row(string Title, int Depth, string Id, ScoreStatus Status, decimal Score, decimal Max, string? Explanation)
    {
        /// <summary>The school's self-score of an observation point, or null.</summary>
        public decimal? SelfScore { get; init; }
    }

    /// <summary>The table, and the width to render it at: the target's, or more when the columns need more.</summary>
    private static (Table Table, int Width) IndicatorTable(IReadOnlyList<Row> rows, decimal total, decimal max, int scoreDecimals, bool full, Language language, ConsoleTarget target, bool selfScored = false)
    {
        // Scores and maxima are right-aligned separately, each with one number of decimals, so that both
        // columns line up on their decimal points.
        var maxDecimals = rows.Select(r => r.Max).Append(max).Max(ReportText.Decimals);
        var scoreWidth = rows.Select(r => r.Score).Append(total).Max(v => ReportText.Number(v, scoreDecimals).Length);
        var maxWidth = rows.Select(r => r.Max).Append(max).Max(v => ReportText.Number(v, maxDecimals).Length);
        string Points(decimal score, decimal outOf) =>
            $"{ReportText.Number(score, scoreDecimals).PadLeft(scoreWidth)} / {ReportText.Number(outOf, maxDecimals).PadLeft(maxWidth)}";

        // With self-scores, a column after the score: the self-score and how far it is from the score (8.00 +3.50).
        var columns = (full ? 5 : 4) + (selfScored ? 1 : 0);
        var selfHeader = ReportText.Pick(language, "自评分（差值）", "Self-score (difference)");
        string[] headers = language == Language.English
            ? ["Indicator", "Id", "Status", "Score", .. selfScored ? new[] { selfHeader } : [], "Explanation"]
            : ["指标", "编号", "状态", "得分", .. selfScored ? new[] { selfHeader } : [], "说明"];
        string[] footers = [ReportText.Pick(language, "总分", "Total"), "", "", Points(total, max), .. selfScored ? new[] { "" } : [], ""];
        string[] RowCells(Row row) =>
        [
            new string(' ', 2 * row.Depth) + SafeText.Line(row.Title),
            SafeText.Line(row.Id),
            ReportText.Status(row.Status, language),
            Points(row.Score, row.Max),
            .. selfScored ? new[] { SelfCell(row, scoreDecimals) } : [],
            SafeText.Line(row.Explanation),
        ];
        var cells = rows.Select(RowCells).ToList();
        var widths = Widths(cells.Append(headers).Append(footers), columns, target.Width, full);
        var width = Math.Max(target.Width, widths.Sum() + (columns - 1) * Gap + BorderReserve(columns));

        var table = new Table { Border = new HeaderRuleBorder(target.Ansi ? "─" : "-"), ShowFooters = true };
        for (var column = 0; column < columns; column++)
        {
            var tableColumn = new TableColumn(new Text(headers[column], Label))
            {
                Footer = new Text(footers[column], Label),
                Padding = new Padding(0, 0, column == columns - 1 ? 0 : Gap, 0),
                Width = widths[column],
                // Status and score never wrap; titles, ids and explanations may when there is no room.
                NoWrap = column is 2 or 3 || (selfScored && column == 4),
                Alignment = column == 3 || (selfScored && column == 4) ? Justify.Right : Justify.Left,
            };
            table.AddColumn(tableColumn);
        }

        foreach (var (row, text) in rows.Zip(cells))
        {
            if (full && row.Depth == 0 && table.Rows.Count > 0)
            {
                table.AddEmptyRow();
            }

            var style = row.Depth == 0 ? FirstLevel : Style.Plain;
            var renderables = new List<IRenderable>
            {
                new Text(text[0], style),
                new Text(text[1], style),
                new Text(text[2], StatusStyle(row.Status)),
                new Text(text[3], style),
            };
            if (selfScored)
            {
                renderables.Add(new Text(text[4], row.SelfScore > row.Score ? new Style(Color.Red) : style));
            }

            if (full)
            {
                renderables.Add(new Text(text[^1]));
            }

            table.AddRow(renderables);
        }

        return (table, width);
    }

    /// <summary>
    /// Fixed widths for every column, so that Spectre never balances columns itself (that is much of a render's
    /// time, and Spectre 0.57 does not finish balancing a table too wide for the console). Titles and ids as wide
    /// as their widest cell up to <see cref="MaximumNameWidth"/>, status and score as wide as theirs (measured as
    /// Spectre measures, so wide characters count two), and the explanation the rest of the line, but at least
    /// <see cref="MinimumExplanationWidth"/>.
    /// </summary>
    private static int[] Widths(IEnumerable<string[]> cells, int columns, int width, bool full)
    {
        var widths = new int[columns];
        foreach (var row in cells)
        {
            for (var column = 0; column < columns; column++)
            {
                widths[column] = Math.Max(widths[column], Cells(row[column]));
            }
        }

        widths[0] = Math.Min(widths[0], MaximumNameWidth);
        widths[1] = Math.Min(widths[1], MaximumNameWidth);
        if (full)
        {
            // Short of room for the explanation, ids wrap first, then titles (each down to MinimumNameWidth);
            // only then is the table wider than the console.
            var last = columns - 1;
            var rest = width - widths[..last].Sum() - last * Gap - BorderReserve(columns);
            foreach (var column in new[] { 1, 0 })
            {
                var give = Math.Clamp(MinimumExplanationWidth - rest, 0, Math.Max(widths[column] - MinimumNameWidth, 0));
                widths[column] -= give;
                rest += give;
            }

            widths[last] = Math.Min(widths[last], Math.Max(rest, MinimumExplanationWidth));
        }

        return widths;
    }

    /// <summary>The self-score cell of a row: "8.00 (+3.50)", or empty where no self-score is given.</summary>
    private static string SelfCell(Row row, int decimals) => row.SelfScore is not { } self ? ""
        : $"{ReportText.Number(self, decimals)} ({(self > row.Score ? "+" : "")}{ReportText.Number(self - row.Score, decimals)})";

    /// <summary>Spectre counts a column for each edge and each column line of the border, even where the border draws nothing.</summary>
    private static int BorderReserve(int columns) => columns + 1;

    /// <summary>Columns the text takes on a terminal, as Spectre measures (wide characters count two).</summary>
    internal static int Cells(string text) => text.Length == 0 ? 0 : new Segment(text).CellCount();


    /// <summary>A group's "sum of its parts → 24.54 of 27" only repeats its score; anything else it says (capped, weighted, a formula, a bonus) is worth a line.</summary>
    private static bool ShowsExplanation(IndicatorScore score, Language language) =>
        score.Children.Count == 0 || !score.Explanation.StartsWith(ReportText.Pick(language, "各项之和 →", "sum of its parts →"), StringComparison.Ordinal);

    /// <summary>An id under its parent's row, without the parent's prefix: "exit-bandwidth" under "infrastructure.network.communication".</summary>
    private static string RelativeId(string id, string parentId) =>
        id.Length > parentId.Length + 1 && id.StartsWith(parentId, StringComparison.Ordinal) && id[parentId.Length] == '.'
            ? id[(parentId.Length + 1)..]
            : id;

    private static Style StatusStyle(ScoreStatus status) => status switch
    {
        ScoreStatus.Scored => new Style(Color.Green),
        ScoreStatus.MissingEvidence => new Style(Color.Yellow),
        ScoreStatus.Error => new Style(Color.Red, decoration: Decoration.Bold),
        ScoreStatus.NotApplicable => new Style(decoration: Decoration.Dim),
        _ => Style.Plain,
    };

    private static Grid Summary(Scorecard scorecard, Language language)
    {
        var verdict = ReportText.Verdict(scorecard.Verdict, language) + (scorecard.Vetoed ? ReportText.Vetoed(language) : "");
        var colour = scorecard.Verdict switch
        {
            Verdict.Passed => Color.Green,
            Verdict.Failed => Color.Red,
            _ => Color.Yellow,
        };
        var grade = ReportText.Grade(scorecard, language, g => $"{SafeText.Line(ReportText.Title(g.Title, language))} {SafeText.Line(g.Id)} (≥ {ReportText.Number(g.MinScore)}){ProvenanceText.Note(g.Provenance, language)}");
        var lines = new List<(string Label, IRenderable Value)>
        {
            (ReportText.Pick(language, "结论", "Verdict"), new Text(verdict, new Style(colour, decoration: Decoration.Bold))),
            ("", new Text(ReportText.VerdictBasis(scorecard, language))),
            (ReportText.Pick(language, "等级", "Grade"), new Text(grade.Length > 0 ? grade : "—")),
        };
        AddSelfAssessment(scorecard, language, lines);

        if (scorecard.Indicators.SelectMany(i => i.DescendantsAndSelf()).Any(s => s.Provenance != Provenance.Published))
        {
            lines.Add((ReportText.Pick(language, "标记", "Marks"), new Text(ProvenanceText.Legend(language))));
        }

        var vetoes = ReportText.Pick(language, "一票否决", "Vetoes");
        if (scorecard.Vetoes.Count == 0 && scorecard.UndecidedVetoes.Count == 0)
        {
            lines.Add((vetoes, new Text(ReportText.None(language))));
        }

        var first = true;
        foreach (var veto in scorecard.Vetoes)
        {
            lines.Add((first ? vetoes : "",
                new Text($"{SafeText.Line(veto.Title)} ({SafeText.Line(veto.Id)}): {SafeText.Line(veto.Reason)}", new Style(Color.Red))));
            first = false;
        }

        foreach (var veto in scorecard.UndecidedVetoes)
        {
            lines.Add((first ? vetoes : "",
                new Text($"{ReportText.Pick(language, "待核实", "undecided")}: {SafeText.Line(veto.Title)} ({SafeText.Line(veto.Id)}): {SafeText.Line(veto.Reason)}", new Style(Color.Yellow))));
            first = false;
        }

        var missingLabel = ReportText.Pick(language, "缺失佐证", "Missing");
        if (scorecard.MissingEvidence.Count == 0)
        {
            lines.Add((missingLabel, new Text(ReportText.None(language))));
        }

        foreach (var (missing, i) in scorecard.MissingEvidence.Select((m, i) => (m, i)))
        {
            lines.Add((i == 0 ? missingLabel : "",
                new Text($"{SafeText.Line(missing.Key)} {SafeText.Line(missing.Title)} → {SafeText.Line(string.Join(", ", missing.NeededBy))}", new Style(Color.Yellow))));
        }

        // Missing evidence is listed above; its IE205 warnings would only repeat it.
        var diagnostics = scorecard.Diagnostics.Where(d => d.Code != DiagnosticCodes.EvidenceMissing).ToList();
        foreach (var (diagnostic, i) in diagnostics.Select((d, i) => (d, i)))
        {
            lines.Add((i == 0 ? ReportText.Pick(language, "诊断", "Diagnostics") : "",
                new Text(SafeText.Line(diagnostic.ToString()), diagnostic.IsError ? new Style(Color.Red) : new Style(Color.Yellow))));
        }

        return Labelled(lines);
    }

    /// <summary>The self-assessed total and the over-claims, the largest first: only when the school gave self-scores.</summary>
    private static void AddSelfAssessment(Scorecard scorecard, Language language, List<(string Label, IRenderable Value)> lines)
    {
        if (scorecard.SelfScoreTotal() is not { } selfTotal)
        {
            return;
        }

        var decimals = ReportText.ScoreDecimals(scorecard);
        lines.Add((ReportText.Pick(language, "自评总分", "Self-assessed"), new Text($"{ReportText.Number(selfTotal, decimals)} / {ReportText.Number(scorecard.Max)}")));
        var label = ReportText.Pick(language, "自评偏高", "Over-claims");
        var overClaims = scorecard.OverClaims();
        if (overClaims.Count == 0)
        {
            lines.Add((label, new Text(ReportText.None(language))));
        }

        var (self, verified, _) = ReportText.SelfScoreLabels(language);
        foreach (var (point, i) in overClaims.Select((p, i) => (p, i)))
        {
            lines.Add((i == 0 ? label : "", new Text(
                $"{SafeText.Line(point.Id)} {SafeText.Line(ReportText.Title(point.Title, language))}: {self} {ReportText.SelfScore(point, decimals)}, {verified} {ReportText.Number(point.Score, decimals)} ({ReportText.Difference(point, decimals)})",
                new Style(Color.Red))));
        }
    }

    /// <summary>Label and value pairs, the labels bold in a column of their own.</summary>
    internal static Grid Labelled(IReadOnlyList<(string Label, IRenderable Value)> lines)
    {
        var grid = new Grid();
        grid.AddColumn(new GridColumn().NoWrap().PadLeft(0).PadRight(2));
        grid.AddColumn(new GridColumn().PadLeft(0).PadRight(0));
        foreach (var (label, value) in lines)
        {
            grid.AddRow(new Text(label, Label), value);
        }

        return grid;
    }

    /// <summary>Plain text without the blanks Spectre pads lines with.</summary>
    internal static string TrimLineEnds(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = lines[i].TrimEnd(' ');
        }

        return string.Join('\n', lines);
    }

    /// <summary>No frame and no column lines: only a rule under the header and one above the total, like a printed form.</summary>
    internal sealed class HeaderRuleBorder(string rule) : TableBorder
    {
        public override string GetPart(TableBorderPart part) => part switch
        {
            TableBorderPart.HeaderBottom or TableBorderPart.FooterTop => rule,
            _ => "",
        };
    }
}
