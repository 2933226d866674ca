using System.Globalization;
using IndicatorEngine.Diagnostics;
using IndicatorEngine.Scoring;
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
/// or in the compact view only the first two levels), the total, then threshold, verdict, grade, vetoes with
/// their reasons, missing evidence and diagnostics. Spectre measures East Asian wide characters as two
/// cells, so Chinese titles line up; evidence text passes through <see cref="SafeText"/> and is never read
/// as markup.
/// </summary>
internal static class ScorecardTable
{
    private const string GroupExplanation = "sum of its parts";

    private static readonly Style Label = new(decoration: Decoration.Bold);
    private static readonly Style FirstLevel = new(decoration: Decoration.Bold);

    /// <summary>Renders the scorecard for <paramref name="target"/>: lines end with <c>\n</c>; plain text has no blanks at line ends.</summary>
    public static string Render(Scorecard scorecard, ScorecardView view, ConsoleTarget target)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        ArgumentNullException.ThrowIfNull(target);
        using var buffer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var console = target.CreateConsole(buffer);
        console.Write(Heading(scorecard));
        console.WriteLine();
        console.Write(Indicators(scorecard, view, target.Ansi));
        console.WriteLine();
        console.Write(Summary(scorecard));
        var text = buffer.ToString().ReplaceLineEndings("\n");
        return target.Ansi ? text : TrimLineEnds(text);
    }

    private static Grid Heading(Scorecard scorecard)
    {
        var subject = scorecard.Subject;
        var name = subject.Name is null ? SafeText.Line(subject.Id) : $"{SafeText.Line(subject.Name)} ({SafeText.Line(subject.Id)})";
        var lines = new List<(string Label, IRenderable Value)>
        {
            ("指标体系 System", new Text($"{SafeText.Line(scorecard.SystemTitle.Zh)} ({SafeText.Line(scorecard.SystemId)} {SafeText.Line(scorecard.SystemVersion)})")),
            ("学校 Subject", new Text(name)),
            ("类型 Profile", new Text(SafeText.Line(subject.Profile))),
        };
        if (CardText.Region(subject.Region) is { Length: > 0 } region)
        {
            lines.Add(("地区 Region", new Text(SafeText.Line(region))));
        }

        if (subject.Period is { } period)
        {
            lines.Add(("年度 Period", new Text(period.ToString(CultureInfo.InvariantCulture))));
        }

        return Labelled(lines);
    }

    private static Table Indicators(Scorecard scorecard, ScorecardView view, bool terminal)
    {
        var full = view == ScorecardView.Full;
        var rows = new List<(IndicatorScore Score, int Depth, string Id)>();
        foreach (var first in scorecard.Indicators)
        {
            Collect(first, 0, first.Id);
        }

        void Collect(IndicatorScore score, int depth, string id)
        {
            rows.Add((score, depth, id));
            if (full || depth == 0)
            {
                foreach (var child in score.Children)
                {
                    Collect(child, depth + 1, full ? RelativeId(child.Id, score.Id) : child.Id);
                }
            }
        }

        // Scores and maxima are right-aligned separately, each with one number of decimals, so that both
        // columns line up on their decimal points.
        var scoreDecimals = CardText.ScoreDecimals(scorecard);
        var maxDecimals = rows.Select(r => r.Score.Max).Append(scorecard.Max).Max(CardText.Decimals);
        var scoreWidth = rows.Select(r => r.Score.Score).Append(scorecard.Total).Max(v => CardText.Number(v, scoreDecimals).Length);
        var maxWidth = rows.Select(r => r.Score.Max).Append(scorecard.Max).Max(v => CardText.Number(v, maxDecimals).Length);
        string Points(decimal score, decimal max) =>
            $"{CardText.Number(score, scoreDecimals).PadLeft(scoreWidth)} / {CardText.Number(max, maxDecimals).PadLeft(maxWidth)}";

        var table = new Table { Border = new HeaderRuleBorder(terminal ? "─" : "-"), ShowFooters = true };
        table.AddColumn(new TableColumn(new Text("指标 Indicator", Label)).Footer(new Text("总分 Total", Label)));
        table.AddColumn(new TableColumn(new Text("编号 Id", Label)));
        table.AddColumn(new TableColumn(new Text("状态 Status", Label)).NoWrap());
        table.AddColumn(new TableColumn(new Text("得分 Score", Label)).RightAligned().NoWrap()
            .Footer(new Text(Points(scorecard.Total, scorecard.Max), Label)));
        if (full)
        {
            table.AddColumn(new TableColumn(new Text("说明 Explanation", Label)));
        }

        foreach (var column in table.Columns)
        {
            column.Padding = new Padding(0, 0, 2, 0);
        }

        table.Columns[^1].Padding = new Padding(0, 0, 0, 0);
        foreach (var (score, depth, id) in rows)
        {
            if (full && depth == 0 && table.Rows.Count > 0)
            {
                table.AddEmptyRow();
            }

            var style = depth == 0 ? FirstLevel : Style.Plain;
            var cells = new List<IRenderable>
            {
                new Text(new string(' ', 2 * depth) + SafeText.Line(score.Title.Zh), style),
                new Text(SafeText.Line(id), style),
                new Text(CardText.Status(score.Status), StatusStyle(score.Status)),
                new Text(Points(score.Score, score.Max), style),
            };
            if (full)
            {
                cells.Add(new Text(ShowsExplanation(score) ? SafeText.Line(score.Explanation) : ""));
            }

            table.AddRow(cells);
        }

        return table;
    }

    /// <summary>A group's "sum of its parts → 24.54 of 27" only repeats its score; anything else it says (capped, weighted, a formula, a bonus) is worth a line.</summary>
    private static bool ShowsExplanation(IndicatorScore score) =>
        score.Children.Count == 0 || !score.Explanation.StartsWith(GroupExplanation, StringComparison.Ordinal);

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

    private static Grid Summary(Scorecard scorecard)
    {
        var verdict = CardText.Verdict(scorecard.Passed) + (scorecard.Vetoed ? " (一票否决 vetoed)" : "");
        var lines = new List<(string Label, IRenderable Value)>
        {
            ("通过线 Threshold", new Text(CardText.Number(scorecard.PassThreshold))),
            ("结论 Verdict", new Text(verdict, new Style(scorecard.Passed ? Color.Green : Color.Red, decoration: Decoration.Bold))),
            ("等级 Grade", new Text(scorecard.Grade is { } grade
                ? $"{SafeText.Line(grade.Title.Zh)} {SafeText.Line(grade.Id)} (≥ {CardText.Number(grade.MinScore)})"
                : "—")),
        };

        if (scorecard.Vetoes.Count == 0)
        {
            lines.Add(("一票否决 Vetoes", new Text("无 none")));
        }

        foreach (var (veto, i) in scorecard.Vetoes.Select((v, i) => (v, i)))
        {
            lines.Add((i == 0 ? "一票否决 Vetoes" : "",
                new Text($"{SafeText.Line(veto.Title)} ({SafeText.Line(veto.Id)}): {SafeText.Line(veto.Reason)}", new Style(Color.Red))));
        }

        if (scorecard.MissingEvidence.Count == 0)
        {
            lines.Add(("缺失佐证 Missing", new Text("无 none")));
        }

        foreach (var (missing, i) in scorecard.MissingEvidence.Select((m, i) => (m, i)))
        {
            lines.Add((i == 0 ? "缺失佐证 Missing" : "",
                new Text($"{SafeText.Line(missing.Key)} {SafeText.Line(missing.Title)} → {SafeText.Line(string.Join(", ", missing.NeededBy))}", new Style(Color.Yellow))));
        }

        // Missing evidence is listed above; its IE205 warnings would only repeat it.
        var diagnostics = scorecard.Diagnostics.Where(d => d.Code != DiagnosticCodes.EvidenceMissing).ToList();
        foreach (var (diagnostic, i) in diagnostics.Select((d, i) => (d, i)))
        {
            lines.Add((i == 0 ? "诊断 Diagnostics" : "",
                new Text(SafeText.Line(diagnostic.ToString()), diagnostic.IsError ? new Style(Color.Red) : new Style(Color.Yellow))));
        }

        return Labelled(lines);
    }

    private static Grid Labelled(IReadOnlyList<(string Label, IRenderable Value)> lines)
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

    private static string TrimLineEnds(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = lines[i].TrimEnd(' ');
        }

        return string.Join('\n', lines);
    }

    /// <summary>No frame and no column lines: only a rule under the header and one above the total, like a printed form.</summary>
    private sealed class HeaderRuleBorder(string rule) : TableBorder
    {
        public override string GetPart(TableBorderPart part) => part switch
        {
            TableBorderPart.HeaderBottom or TableBorderPart.FooterTop => rule,
            _ => "",
        };
    }
}
