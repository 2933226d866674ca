using IndicatorEngine.Cli.Rendering;

namespace IndicatorEngine.Cli.Sheets;

/// <summary>
/// A scorecard in the layout of the published self-assessment form (自评表): one row per observation point with
/// its first-level and second-level indicators and their points, the point's design points, the school's
/// self-score, the verified (computed) score and a note; then a total row with the verdict. The level cells of a
/// run of rows under the same indicator are one span (<see cref="SheetRow.FirstSpan"/>, <see cref="SheetRow.SecondSpan"/>), which the xlsx merges and the CSV
/// repeats. All text is one safe line (<see cref="SafeText.Line"/>).
/// </summary>
internal sealed class ScoreSheet
{
    private ScoreSheet(string title, IReadOnlyList<string> headers, IReadOnlyList<SheetRow> rows, SheetTotal total)
    {
        Title = title;
        Headers = headers;
        Rows = rows;
        Total = total;
    }

    /// <summary>The column count: first level, its points, second level, its points, point, id, design points, self-score, verified, note.</summary>
    public const int Columns = 10;

    /// <summary>The sheet's title line: the school and the system.</summary>
    public string Title { get; }

    /// <summary>The column headings, in the card's language.</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>One row per observation point, in tree order.</summary>
    public IReadOnlyList<SheetRow> Rows { get; }

    /// <summary>The total row.</summary>
    public SheetTotal Total { get; }

    /// <summary>Lays out <paramref name="scorecard"/> in its language.</summary>
    public static ScoreSheet From(Scorecard scorecard)
    {
        var language = scorecard.Language;
        var rows = new List<SheetRow>();
        foreach (var first in scorecard.Indicators)
        {
            var firstStart = rows.Count;
            if (first.Children.Count == 0)
            {
                rows.Add(Row(first, null, first, [], language));
            }

            foreach (var second in first.Children)
            {
                if (second.Children.Count == 0)
                {
                    // A point straight under a first-level indicator: no second level of its own.
                    rows.Add(Row(first, null, second, [], language));
                    continue;
                }

                var secondStart = rows.Count;
                AddPoints(first, second, second, [], rows, language);
                MarkSpan(rows, secondStart, s => s with { SecondSpan = rows.Count - secondStart });
            }

            MarkSpan(rows, firstStart, s => s with { FirstSpan = rows.Count - firstStart });
        }

        string[] headers = language == Language.English
            ? ["First-level indicator", "Points", "Second-level indicator", "Points", "Observation point", "Id", "Design points", "Self-score", "Verified score", "Notes"]
            : ["一级指标", "分值", "二级指标", "分值", "观测点", "编号", "设计分值", "自评分", "核算得分", "说明"];
        var verdict = ReportText.Verdict(scorecard.Verdict, language) + (scorecard.Vetoed ? ReportText.Vetoed(language) : "");
        var grade = ReportText.Grade(scorecard, language, g => ReportText.Title(g.Title, language));
        var note = $"{verdict}{ReportText.Pick(language, "（", " (")}{ReportText.VerdictBasis(scorecard, language)}{ReportText.Pick(language, "）", ")")}"
            + (grade.Length > 0 ? ReportText.Pick(language, $"；等级 {grade}", $"; grade {grade}") : "");
        var total = new SheetTotal(ReportText.Pick(language, "合计", "Total"), scorecard.Max, scorecard.SelfScoreTotal(), scorecard.Total, SafeText.Line(note));
        var subject = scorecard.Subject;
        var title = $"{SafeText.Line(subject.Name ?? subject.Id)} · {SafeText.Line(ReportText.Title(scorecard.SystemTitle, language))}"
            + ReportText.Pick(language, " 自评表", " self-assessment sheet");
        return new ScoreSheet(title, headers, rows, total);
    }

    private static void AddPoints(IndicatorScore first, IndicatorScore second, IndicatorScore node, List<string> path, List<SheetRow> rows, Language language)
    {
        foreach (var child in node.Children)
        {
            if (child.Children.Count == 0)
            {
                rows.Add(Row(first, second, child, path, language));
            }
            else
            {
                // A grouping below the second level (网络通信 under 网络设施) goes into the point's name.
                AddPoints(first, second, child, [.. path, ReportText.Title(child.Title, language)], rows, language);
            }
        }
    }

    private static SheetRow Row(IndicatorScore first, IndicatorScore? second, IndicatorScore point, List<string> path, Language language) => new(
        SafeText.Line(ReportText.Title(first.Title, language)),
        first.Max,
        second is null ? "" : SafeText.Line(ReportText.Title(second.Title, language)),
        second?.Max,
        SafeText.Line(string.Join(" / ", [.. path, ReportText.Title(point.Title, language)])),
        SafeText.Line(point.Id),
        point.Max,
        point.SelfScore,
        point.Score,
        SafeText.Line(Note(point, language)));

    /// <summary>The explanation; for a point not settled by its evidence, the status first (缺少佐证：…).</summary>
    private static string Note(IndicatorScore point, Language language) =>
        point.Status is ScoreStatus.MissingEvidence or ScoreStatus.Error or ScoreStatus.NotApplicable
            ? $"{ReportText.Status(point.Status, language)}{ReportText.Pick(language, "：", ": ")}{point.Explanation}"
            : point.Explanation;

    private static void MarkSpan(List<SheetRow> rows, int start, Func<SheetRow, SheetRow> mark)
    {
        if (rows.Count > start)
        {
            rows[start] = mark(rows[start]);
        }
    }
}

/// <summary>
/// One observation point's row. <see cref="FirstSpan"/> and <see cref="SecondSpan"/> are the number of rows the
/// level cell spans on the first row of its run (0 elsewhere, and 0 for a point with no second level).
/// </summary>
internal sealed record SheetRow(
    string First,
    decimal FirstPoints,
    string Second,
    decimal? SecondPoints,
    string Point,
    string Id,
    decimal DesignPoints,
    decimal? SelfScore,
    decimal Verified,
    string Note)
{
    public int FirstSpan { get; init; }

    public int SecondSpan { get; init; }
}

/// <summary>The total row: design points, the self-assessed total (null without self-scores), the verified total, the verdict.</summary>
internal sealed record SheetTotal(string Label, decimal DesignPoints, decimal? SelfScore, decimal Verified, string Verdict);
