using System.Globalization;
using IndicatorEngine.Batch;
using Spectre.Console;

namespace IndicatorEngine.Cli.Rendering;

/// <summary>
/// A batch's summary for people: the counts and statistics, the grade distribution, the definition's targets
/// and, with a roll-up level, one row per region at that level with its count, pass rate, mean and each target
/// met or missed. In Chinese unless asked for English; names from the input pass through <see cref="SafeText"/>.
/// </summary>
internal static class BatchSummaryTable
{
    /// <param name="summary">The summary.</param>
    /// <param name="gradeTitle">A grade's title from its id (null: those with no grade), in the table's language.</param>
    /// <param name="rollup">The level to list regions at, or null.</param>
    /// <param name="english">English words instead of Chinese.</param>
    /// <param name="target">What the text is for.</param>
    public static string Render(BatchSummary summary, Func<string?, string> gradeTitle, RegionLevel? rollup, bool english, ConsoleTarget target)
    {
        string T(string zh, string en) => english ? en : zh;
        using var buffer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var console = target.CreateConsole(buffer);

        var counts = new Table { Title = new TableTitle(SafeText.Line($"{summary.SystemId} {summary.SystemVersion}")) }
            .AddColumn(T("项目", "item")).AddColumn(new TableColumn(T("数值", "value")).RightAligned());
        void Row(string zh, string en, string value) => counts.AddRow(new Text(T(zh, en)), new Text(value));
        Row("记录", "records", N(summary.Records));
        Row("已评分", "scored", N(summary.Scored));
        Row("通过", "passed", N(summary.Passed));
        Row("未通过", "failed", N(summary.Failed));
        Row("待定", "undetermined", N(summary.Undetermined));
        Row("否决", "vetoed", N(summary.Vetoed));
        Row("错误记录", "error records", N(summary.Errors));
        Row("平均分", "mean", D(summary.Mean));
        Row("最低分", "min", D(summary.Min));
        Row("下四分位数", "lower quartile", D(summary.LowerQuartile));
        Row("中位数", "median", D(summary.Median));
        Row("上四分位数", "upper quartile", D(summary.UpperQuartile));
        Row("最高分", "max", D(summary.Max));
        console.Write(counts);

        var grades = new Table { Title = new TableTitle(T("等级分布", "grades")) }
            .AddColumn(T("等级", "grade")).AddColumn(new TableColumn(T("数量", "count")).RightAligned()).AddColumn(new TableColumn(T("占比", "share")).RightAligned());
        foreach (var grade in summary.Grades)
        {
            grades.AddRow(new Text(SafeText.Line(gradeTitle(grade.GradeId))), new Text(N(grade.Count)), new Text(Percent(grade.Count, summary.Scored)));
        }

        console.Write(grades);

        if (summary.Targets.Count > 0)
        {
            var targets = new Table { Title = new TableTitle(T("目标", "targets")) }
                .AddColumn(T("目标", "target")).AddColumn(new TableColumn(T("计入", "counted")).RightAligned())
                .AddColumn(new TableColumn(T("实际", "value")).RightAligned()).AddColumn(new TableColumn(T("要求", "required")).RightAligned()).AddColumn(T("结果", "outcome"));
            foreach (var outcome in summary.Targets)
            {
                targets.AddRow(new Text(SafeText.Line(outcome.Title)), new Text(N(outcome.Counted)), new Text(Value(outcome, outcome.Value)),
                    new Text(Value(outcome, outcome.Required)), new Text(Met(outcome, english)));
            }

            console.Write(targets);
        }

        if (rollup is { } level)
        {
            var regions = new Table { Title = new TableTitle(level switch
                {
                    RegionLevel.Province => T("按省", "by province"),
                    RegionLevel.City => T("按市", "by city"),
                    _ => T("按县（区）", "by county"),
                }) }
                .AddColumn(T("地区", "region")).AddColumn(new TableColumn(T("数量", "count")).RightAligned())
                .AddColumn(new TableColumn(T("通过率", "pass rate")).RightAligned()).AddColumn(new TableColumn(T("平均分", "mean")).RightAligned());
            foreach (var goal in summary.Targets)
            {
                regions.AddColumn(SafeText.Line(goal.Id));
            }

            foreach (var region in summary.Regions.Where(r => r.Level == level))
            {
                var cells = new List<Text>
                {
                    new(SafeText.Line(string.Join(" ", new[] { region.Province, region.City, region.County }.Where(n => n is not null)))),
                    new(N(region.Count)),
                    new(Percent(region.Passed, region.Count)),
                    new(D(region.Mean)),
                };
                cells.AddRange(region.Targets.Select(t => new Text($"{Met(t, english)} {Value(t, t.Value)}")));
                regions.AddRow(cells);
            }

            console.Write(regions);
        }

        return buffer.ToString();
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string D(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";

    private static string Percent(long part, long whole) =>
        whole == 0 ? "-" : (100m * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Value(TargetOutcome outcome, decimal value) =>
        value.ToString(CultureInfo.InvariantCulture) + (outcome.Kind == TargetKind.Share ? "%" : "");

    private static string Met(TargetOutcome outcome, bool english) =>
        outcome.Counted == 0 ? (english ? "none counted" : "无计入")
        : outcome.Achieved ? (english ? "met" : "达成") : (english ? "missed" : "未达成");
}
