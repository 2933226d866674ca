using IndicatorEngine.Cli.Rendering;

namespace IndicatorEngine.Cli.Comparing;

/// <summary>A <see cref="ResultComparison"/> as a table for people: who, what does not match, the totals and verdicts, then every change, largest first.</summary>
internal static class ResultComparisonText
{
    public static string Render(ResultComparison comparison, Language language, ConsoleTarget target)
    {
        var old = comparison.Old;
        var @new = comparison.New;
        var report = new TextReport(target);
        report.Labelled(
        [
            (ReportText.Pick(language, "指标体系", "System"), CompareWords.Change($"{ReportText.Title(old.SystemTitle, language)} ({old.SystemId} {old.SystemVersion})", $"{ReportText.Title(@new.SystemTitle, language)} ({@new.SystemId} {@new.SystemVersion})")),
            (ReportText.Pick(language, "学校", "Subject"), CompareWords.Change(CompareWords.Subject(old.Subject), CompareWords.Subject(@new.Subject))),
        ]);
        foreach (var note in CompareWords.Mismatches(comparison, language))
        {
            report.Line(ReportText.Pick(language, "注意：", "Note: ") + note);
        }

        report.Heading(ReportText.Pick(language, "总体", "Overall"));
        report.Labelled(Overall(comparison, language));

        report.Heading(ReportText.Pick(language, $"变化的指标（{comparison.Changes.Count} 项，变化最大的在前）", $"Indicators that changed ({comparison.Changes.Count}, largest change first)"));
        if (comparison.Changes.Count == 0)
        {
            report.Line(ReportText.Pick(language, "无变化。", "No changes."));
        }
        else
        {
            report.Table(
                language == Language.English
                    ? ["Indicator", "Id", "Old", "New", "Change", "Status"]
                    : ["指标", "编号", "旧", "新", "变化", "状态"],
                comparison.Changes.Select(d => new[]
                {
                    ReportText.Title(d.New.Score.Title, language) + (d.IsPoint ? "" : ReportText.Pick(language, "（小计）", " (subtotal)")),
                    d.Id,
                    $"{ReportText.Number(d.Old.Score.Score)} / {ReportText.Number(d.Old.Score.Max)}",
                    $"{ReportText.Number(d.New.Score.Score)} / {ReportText.Number(d.New.Score.Max)}",
                    CompareWords.Signed(d.Delta),
                    CompareWords.Change(ReportText.Status(d.Old.Score.Status, language), ReportText.Status(d.New.Score.Status, language)),
                }),
                2, 3, 4);
        }

        OnlyOneSide(report, comparison.OnlyInOld, ReportText.Pick(language, "仅旧结果有的指标", "Only in the old result"), language);
        OnlyOneSide(report, comparison.OnlyInNew, ReportText.Pick(language, "仅新结果有的指标", "Only in the new result"), language);
        return report.Render();
    }

    /// <summary>Totals, bounds, bar, verdict and grade, old → new.</summary>
    internal static List<(string Label, string Value)> Overall(ResultComparison comparison, Language language)
    {
        var old = comparison.Old;
        var @new = comparison.New;
        return
        [
            (ReportText.Pick(language, "总分", "Total"), $"{CompareWords.Change(ReportText.Number(old.Total), ReportText.Number(@new.Total))} ({CompareWords.Signed(comparison.TotalDelta)}) / {CompareWords.Change(ReportText.Number(old.Max), ReportText.Number(@new.Max))}"),
            (ReportText.Pick(language, "总分上限", "Upper bound"), $"{CompareWords.Change(ReportText.Number(old.TotalUpperBound), ReportText.Number(@new.TotalUpperBound))} ({CompareWords.Signed(comparison.UpperBoundDelta)})"),
            (ReportText.Pick(language, "申报条件", "Bar"), CompareWords.Change(ReportText.Number(old.PassThreshold), ReportText.Number(@new.PassThreshold))),
            (ReportText.Pick(language, "结论", "Verdict"), CompareWords.Change(CompareWords.Verdict(old.Verdict, old.Vetoed, language), CompareWords.Verdict(@new.Verdict, @new.Vetoed, language))),
            (ReportText.Pick(language, "等级", "Grade"), CompareWords.Change(CompareWords.Grade(old.Grade, language), CompareWords.Grade(@new.Grade, language))),
        ];
    }

    private static void OnlyOneSide(TextReport report, IReadOnlyList<IndicatorSide> sides, string heading, Language language)
    {
        if (sides.Count == 0)
        {
            return;
        }

        report.Heading(heading);
        report.Table(
            language == Language.English ? ["Indicator", "Id", "Score"] : ["指标", "编号", "得分"],
            sides.Select(s => new[] { ReportText.Title(s.Score.Title, language), s.Score.Id, $"{ReportText.Number(s.Score.Score)} / {ReportText.Number(s.Score.Max)}" }),
            2);
    }
}
