using System.Globalization;
using IndicatorEngine.Cli.Rendering;

namespace IndicatorEngine.Cli.Comparing;

/// <summary>A <see cref="BatchComparison"/> for people: the counts, then each list as a table, top N each.</summary>
internal static class BatchComparisonText
{
    public static string Render(BatchComparison comparison, Language language, ConsoleTarget target) =>
        AddTo(new TextReport(target), comparison, language).Render();

    /// <summary>Adds the comparison's parts to a report (a definition diff's replay adds them after its changes).</summary>
    public static TextReport AddTo(TextReport report, BatchComparison comparison, Language language)
    {
        var c = comparison.Counts;
        report.Heading(ReportText.Pick(language, "汇总", "Summary"));
        report.Labelled(
        [
            (ReportText.Pick(language, "学校", "Subjects"), ReportText.Pick(language,
                $"旧 {N(c.Old)}，新 {N(c.New)}；两边都有 {N(c.Matched)}，新增 {N(c.Added)}，缺失 {N(c.Missing)}",
                $"old {N(c.Old)}, new {N(c.New)}; in both {N(c.Matched)}, added {N(c.Added)}, missing {N(c.Missing)}")),
            (ReportText.Pick(language, "总分", "Totals"), ReportText.Pick(language,
                $"上升 {N(c.Up)}，下降 {N(c.Down)}，不变 {N(c.Unchanged)}",
                $"up {N(c.Up)}, down {N(c.Down)}, unchanged {N(c.Unchanged)}")),
            (ReportText.Pick(language, "结论", "Verdicts"), ReportText.Pick(language,
                $"新达到申报条件 {N(c.NewlyPassing)}，新未达到申报条件 {N(c.NewlyFailing)}，结论变化共 {N(c.VerdictChanged)}",
                $"newly eligible {N(c.NewlyPassing)}, newly not eligible {N(c.NewlyFailing)}, verdict changed {N(c.VerdictChanged)}")),
            (ReportText.Pick(language, "等级与名次", "Grades, ranks"), ReportText.Pick(language,
                $"等级变化 {N(c.GradeChanged)}，名次变化 {N(c.RankChanged)}",
                $"grade changed {N(c.GradeChanged)}, rank changed {N(c.RankChanged)}")),
            (ReportText.Pick(language, "错误记录", "Error records"), ReportText.Pick(language,
                $"旧 {N(c.OldErrors)}，新 {N(c.NewErrors)}（未比较）",
                $"old {N(c.OldErrors)}, new {N(c.NewErrors)} (not compared)")),
        ]);
        Moves(report, comparison.Up, c.Up, comparison.Top, ReportText.Pick(language, "上升最多", "Largest rises"), language);
        Moves(report, comparison.Down, c.Down, comparison.Top, ReportText.Pick(language, "下降最多", "Largest falls"), language);
        Moves(report, comparison.RankChanges, c.RankChanged, comparison.Top, ReportText.Pick(language, "名次变化最大", "Largest rank changes"), language);
        Moves(report, comparison.NewlyPassing, c.NewlyPassing, comparison.Top, ReportText.Pick(language, "新达到申报条件", "Newly eligible"), language);
        Moves(report, comparison.NewlyFailing, c.NewlyFailing, comparison.Top, ReportText.Pick(language, "新未达到申报条件", "Newly not eligible"), language);
        Entries(report, comparison.Added, c.Added, comparison.Top, ReportText.Pick(language, "新增的学校", "Added subjects"), language);
        Entries(report, comparison.Missing, c.Missing, comparison.Top, ReportText.Pick(language, "缺失的学校", "Missing subjects"), language);
        return report;
    }

    /// <summary>A count as the tables write it: 1,234.</summary>
    internal static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>"（前 20 / 共 153）" when the list is cut, else "（共 3）".</summary>
    private static string Shown(int shown, long count, Language language) => shown < count
        ? ReportText.Pick(language, $"（前 {N(shown)}，共 {N(count)}）", $" (top {N(shown)} of {N(count)})")
        : ReportText.Pick(language, $"（共 {N(count)}）", $" ({N(count)})");

    private static void Moves(TextReport report, IReadOnlyList<SubjectMove> moves, long count, int top, string heading, Language language)
    {
        if (count == 0)
        {
            return;
        }

        report.Heading(heading + Shown(moves.Count, count, language));
        report.Table(
            language == Language.English
                ? ["Subject", "Id", "Old", "New", "Change", "Rank", "Verdict", "Grade"]
                : ["学校", "编号", "旧", "新", "变化", "名次", "结论", "等级"],
            moves.Select(m => new[]
            {
                m.New.Name ?? "",
                m.Id,
                ReportText.Number(m.Old.Total),
                ReportText.Number(m.New.Total),
                CompareWords.Signed(m.Delta),
                CompareWords.Change(Rank(m.Old.Rank), Rank(m.New.Rank)),
                CompareWords.Change(CompareWords.Verdict(m.Old.Verdict, m.Old.Vetoed, language), CompareWords.Verdict(m.New.Verdict, m.New.Vetoed, language)),
                CompareWords.Change(GradeName(m.Old, language), GradeName(m.New, language)),
            }),
            2, 3, 4, 5);
    }

    private static void Entries(TextReport report, IReadOnlyList<BatchEntry> entries, long count, int top, string heading, Language language)
    {
        if (count == 0)
        {
            return;
        }

        report.Heading(heading + Shown(entries.Count, count, language));
        report.Table(
            language == Language.English ? ["Subject", "Id", "Total", "Verdict"] : ["学校", "编号", "总分", "结论"],
            entries.Select(e => new[] { e.Name ?? "", e.Id, ReportText.Number(e.Total), CompareWords.Verdict(e.Verdict, e.Vetoed, language) }),
            2);
    }

    private static string Rank(long? rank) => rank?.ToString(CultureInfo.InvariantCulture) ?? "—";

    internal static string GradeName(BatchEntry entry, Language language) =>
        entry.GradeTitle is { } title ? ReportText.Title(title, language) : entry.GradeId ?? "—";
}
