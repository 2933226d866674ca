using System.Globalization;
using System.Text.Json;
using IndicatorEngine.Batch;

namespace IndicatorEngine;

/// <summary>Writes the province report's page (<see cref="BatchReportHtml"/>) from what was read and the summary to show.</summary>
internal sealed class BatchReportPage(IndicatorSystem system, BatchResults read, BatchSummary summary, bool summaryGiven, Language language, string resultsName)
{
    /// <summary>How many observation points the weakest-points table lists.</summary>
    private const int WeakestPoints = 10;

    private string Pick(string zh, string en) => ReportText.Pick(language, zh, en);

    private static string Html(string? text) => ScorecardHtml.Html(text);

    private static string N(decimal? value) => value is { } v ? ReportText.Number(v) : "—";

    private static string Percent(decimal ratio) => ReportText.Number(Math.Round(ratio * 100m, 1, MidpointRounding.AwayFromZero)) + "%";

    public void Write(TextWriter writer)
    {
        var title = ReportText.Title(system.Title, language);
        ScorecardHtmlAssets.WriteHead(writer, language, $"{title} · {Pick("全省评估报告", "Province report")}", BatchReportAssets.Stylesheet);
        writer.WriteLine("<body>");
        WriteBanner(title, writer);
        WriteCharts(writer);
        WriteGrades(writer);
        WriteWeakest(writer);
        WriteRollUp(writer);
        WriteRanking(writer);
        WriteErrors(writer);
        writer.WriteLine("<footer>");
        writer.WriteLine($"<p>{Html(summaryGiven
            ? Pick("统计、地区汇总和目标来自批处理的汇总文件；排名表来自结果文件。", "Statistics, roll-up and targets from the batch's summary file; the ranking from the results file.")
            : Pick("统计、地区汇总和目标由结果文件算出；需要佐证数据的目标只能由批处理的汇总文件（indicator batch --summary）给出。", "Statistics, roll-up and targets worked out from the results file; targets that read evidence come only from the batch's summary file (indicator batch --summary)."))}</p>");
        writer.WriteLine($"<p>{Html(Pick("图表由 Apache ECharts " + ScorecardHtmlAssets.EChartsVersion + " 绘制（Apache-2.0 许可，随页面内嵌）。", "Charts drawn by Apache ECharts " + ScorecardHtmlAssets.EChartsVersion + " (Apache-2.0), inlined in this page."))}</p>");
        writer.WriteLine("</footer>");
        ScorecardHtmlAssets.WriteScripts(ChartData(), BatchReportAssets.Script, writer);
        writer.WriteLine("</body>");
        writer.WriteLine("</html>");
    }

    private void WriteBanner(string title, TextWriter writer)
    {
        writer.WriteLine("<header class=\"banner province\">");
        writer.WriteLine($"<h1 id=\"system-title\">{Html(title)}</h1>");
        writer.WriteLine($"<p class=\"system\">{Html(Pick("全省评估报告", "Province report"))} <span class=\"code\">{Html(system.Id)} {Html(system.Version)} · {Html(resultsName)}</span></p>");
        writer.WriteLine("<dl id=\"stats\">");
        Item(writer, Pick("学校", "Schools"), summary.Scored.ToString(CultureInfo.InvariantCulture));
        Item(writer, Pick("达到申报条件", "Eligible"), $"{summary.Passed} ({Percent(BatchSummary.Ratio(summary.Passed, summary.Scored))})");
        Item(writer, Pick("未达到", "Not eligible"), summary.Failed.ToString(CultureInfo.InvariantCulture));
        Item(writer, Pick("待核实", "Undetermined"), summary.Undetermined.ToString(CultureInfo.InvariantCulture));
        Item(writer, Pick("一票否决", "Vetoed"), summary.Vetoed.ToString(CultureInfo.InvariantCulture));
        Item(writer, Pick("错误记录", "Error records"), summary.Errors.ToString(CultureInfo.InvariantCulture));
        Item(writer, Pick("平均分", "Mean"), N(summary.Mean));
        Item(writer, Pick("中位数", "Median"), N(summary.Median));
        Item(writer, Pick("四分位", "Quartiles"), $"{N(summary.LowerQuartile)} – {N(summary.UpperQuartile)}");
        Item(writer, Pick("最低 – 最高", "Min – max"), $"{N(summary.Min)} – {N(summary.Max)}");
        Item(writer, Pick("申报条件", "Bar"), string.Join(" / ", Thresholds().Select(t => ReportText.Number(t))));
        writer.WriteLine("</dl>");
        writer.WriteLine("</header>");
    }

    private IEnumerable<decimal> Thresholds() => read.PassThresholds.Count > 0 ? read.PassThresholds : [system.DefaultProfile.PassThreshold];

    private void WriteCharts(TextWriter writer)
    {
        writer.WriteLine("<section class=\"charts\">");
        Figure(writer, "histogram-chart", Pick("总分分布（红线为申报条件）", "Totals (the red line is the bar)"));
        Figure(writer, "grade-chart", Pick("等级分布", "Grades"));
        Figure(writer, "share-chart", Pick("一级指标平均得分率", "First-level indicators: mean share of points"));
        Figure(writer, "city-chart", Pick("各市达到申报条件的比例", "Share of schools eligible, by city"));
        writer.WriteLine("</section>");
    }

    private static void Figure(TextWriter writer, string id, string caption) =>
        writer.WriteLine($"<figure><figcaption>{Html(caption)}</figcaption><div class=\"chart\" id=\"{id}\"></div></figure>");

    private string GradeName(string? id) => id is null || system.Grades.FirstOrDefault(g => g.Id == id) is not { } grade
        ? Pick("无等级", "no grade")
        : ReportText.Title(grade.Title, language);

    private void WriteGrades(TextWriter writer)
    {
        writer.WriteLine("<section class=\"grades\">");
        writer.WriteLine($"<h2>{Html(Pick("等级分布", "Grades"))}</h2>");
        writer.WriteLine($"<table class=\"data\" id=\"grades\"><thead><tr><th>{Html(Pick("等级", "Grade"))}</th><th class=\"num\">{Html(Pick("学校数", "Schools"))}</th><th class=\"num\">{Html(Pick("占比", "Share"))}</th></tr></thead><tbody>");
        foreach (var grade in summary.Grades)
        {
            writer.WriteLine($"<tr><td>{Html(GradeName(grade.GradeId))}</td><td class=\"num\">{grade.Count}</td><td class=\"num\">{Percent(BatchSummary.Ratio(grade.Count, summary.Scored))}</td></tr>");
        }

        writer.WriteLine("</tbody></table>");
        writer.WriteLine("</section>");
    }

    private string IndicatorName(string id) => system.FindIndicator(id) is { } indicator ? ReportText.Title(indicator.Title, language) : id;

    private void WriteWeakest(TextWriter writer)
    {
        writer.WriteLine("<section class=\"weakest\">");
        writer.WriteLine($"<h2>{Html(Pick("全省最薄弱的指标", "The weakest indicators across the province"))}</h2>");
        writer.WriteLine($"<p class=\"note\">{Html(Pick("平均得分率 = 各校得分之和 ÷（学校数 × 分值），由低到高。", "Mean share = the schools' scores added up ÷ (schools × points), lowest first."))}</p>");
        writer.WriteLine($"<h3>{Html(Pick("一级指标", "First-level indicators"))}</h3>");
        writer.WriteLine($"<table class=\"data\" id=\"weakest-first\"><thead><tr><th>{Html(Pick("指标", "Indicator"))}</th><th class=\"num\">{Html(Pick("分值", "Points"))}</th><th class=\"num\">{Html(Pick("平均得分率", "Mean share"))}</th></tr></thead><tbody>");
        foreach (var share in summary.Indicators.OrderBy(s => s.MeanShare).ThenBy(s => s.Id, StringComparer.Ordinal))
        {
            writer.WriteLine($"<tr data-id=\"{Html(share.Id)}\"><td>{Html(IndicatorName(share.Id))} <span class=\"code\">{Html(share.Id)}</span></td><td class=\"num\">{N(share.Points)}</td><td class=\"num\">{Percent(share.MeanShare)}</td></tr>");
        }

        writer.WriteLine("</tbody></table>");
        writer.WriteLine($"<h3>{Html(Pick($"观测点（最低 {WeakestPoints} 个）", $"Observation points (the {WeakestPoints} lowest)"))}</h3>");
        writer.WriteLine($"<table class=\"data\" id=\"weakest-points\"><thead><tr><th>{Html(Pick("观测点", "Observation point"))}</th><th class=\"num\">{Html(Pick("分值", "Points"))}</th><th class=\"num\">{Html(Pick("计入学校", "Schools"))}</th><th class=\"num\">{Html(Pick("平均得分率", "Mean share"))}</th></tr></thead><tbody>");
        foreach (var point in read.Points().Where(p => p.Count > 0).OrderBy(p => p.MeanShare).Take(WeakestPoints))
        {
            writer.WriteLine($"<tr data-id=\"{Html(point.Id)}\"><td>{Html(IndicatorName(point.Id))} <span class=\"code\">{Html(point.Id)}</span></td><td class=\"num\">{N(point.Points)}</td><td class=\"num\">{point.Count}</td><td class=\"num\">{Percent(point.MeanShare)}</td></tr>");
        }

        writer.WriteLine("</tbody></table>");
        writer.WriteLine("</section>");
    }

    private void WriteRollUp(TextWriter writer)
    {
        var targets = summary.Targets;
        var rules = read.Summary.TargetRules;
        writer.WriteLine("<section class=\"rollup\">");
        writer.WriteLine($"<h2>{Html(Pick("地区汇总", "Regional roll-up"))}</h2>");
        if (targets.Count > 0)
        {
            writer.WriteLine("<ul class=\"targets\">");
            foreach (var target in targets)
            {
                writer.WriteLine($"<li>{Html(target.Title)} <span class=\"code\">{Html(target.Id)}</span>{Html(Pick("：要求 ", ": required "))}{N(target.Required)}{(target.Kind == TargetKind.Share ? "%" : "")}</li>");
            }

            writer.WriteLine("</ul>");
        }

        writer.Write($"<table class=\"data\" id=\"rollup\"><thead><tr><th>{Html(Pick("地区", "Region"))}</th><th>{Html(Pick("层级", "Level"))}</th><th class=\"num\">{Html(Pick("学校数", "Schools"))}</th><th class=\"num\">{Html(Pick("达到申报条件", "Eligible"))}</th><th class=\"num\">{Html(Pick("比例", "Rate"))}</th><th class=\"num\">{Html(Pick("平均分", "Mean"))}</th>");
        foreach (var target in targets)
        {
            writer.Write($"<th>{Html(target.Id)}</th>");
        }

        writer.WriteLine("</tr></thead><tbody>");
        Region(writer, Pick("全部", "All"), Pick("合计", "all"), summary.Scored, summary.Passed, BatchSummary.Ratio(summary.Passed, summary.Scored), summary.Mean, targets, rules);
        foreach (var region in summary.Regions.Where(r => r.Level != RegionLevel.Province))
        {
            var name = region.Level == RegionLevel.City ? region.City : $"{region.City} {region.County}";
            var level = region.Level == RegionLevel.City ? Pick("市", "city") : Pick("县（区）", "county");
            Region(writer, name ?? "", level, region.Count, region.Passed, region.PassRate, region.Mean, region.Targets, rules);
        }

        writer.WriteLine("</tbody></table>");
        writer.WriteLine("</section>");
    }

    private void Region(TextWriter writer, string name, string level, long count, long passed, decimal rate, decimal? mean, IReadOnlyList<TargetOutcome> targets, IReadOnlyList<TargetRule> rules)
    {
        writer.Write($"<tr data-region=\"{Html(name)}\"><td>{Html(name)}</td><td>{Html(level)}</td><td class=\"num\">{count}</td><td class=\"num\">{passed}</td><td class=\"num\">{Percent(rate)}</td><td class=\"num\">{N(mean)}</td>");
        foreach (var (target, i) in targets.Select((t, i) => (t, i)))
        {
            if (!summaryGiven && rules[i].NeedsEvidence)
            {
                writer.Write($"<td class=\"unknown\" title=\"{Html(Pick("需要批处理的汇总文件", "needs the batch's summary file"))}\">—</td>");
                continue;
            }

            var value = N(target.Value) + (target.Kind == TargetKind.Share ? "%" : "");
            writer.Write(target.Achieved
                ? $"<td class=\"met\">{Html(Pick("达成", "met"))} {value}</td>"
                : $"<td class=\"missed\">{Html(Pick("未达成", "missed"))} {value}</td>");
        }

        writer.WriteLine("</tr>");
    }

    private void WriteRanking(TextWriter writer)
    {
        var ranking = new BatchRanking(summary);
        foreach (var row in read.Rows)
        {
            row.Rank = ranking.Rank(row.Total, row.Vetoed, new Region(null, row.City, row.County)).Batch;
        }

        var rows = read.Rows.OrderBy(r => r.Rank?.Rank ?? long.MaxValue).ThenBy(r => r.Id, StringComparer.Ordinal).Take(BatchReportHtml.MaxRankingRows).ToList();
        writer.WriteLine("<section class=\"ranking\">");
        writer.WriteLine($"<h2>{Html(Pick("排名", "Ranking"))}</h2>");
        if (read.Rows.Count > rows.Count)
        {
            writer.WriteLine($"<p class=\"note\">{Html(Pick($"只列出前 {rows.Count} 名（共 {read.Rows.Count} 所）。", $"Only the first {rows.Count} of {read.Rows.Count} schools are listed."))}</p>");
        }

        writer.WriteLine($"<p class=\"filter\"><label for=\"city-filter\">{Html(Pick("按市筛选", "Filter by city"))}</label> <input id=\"city-filter\" type=\"search\" placeholder=\"{Html(Pick("输入市名，如 郑州", "type a city, e.g. 郑州"))}\" autocomplete=\"off\"> <span>{Html(Pick("显示", "showing"))} <span id=\"ranking-shown\">{rows.Count}</span> / {rows.Count}</span></p>");
        writer.WriteLine("<table class=\"data sortable\" id=\"ranking\"><thead><tr>"
            + $"<th data-type=\"number\" aria-sort=\"ascending\">{Html(Pick("排名", "Rank"))}</th><th>{Html(Pick("学校", "School"))}</th><th>{Html(Pick("编号", "Id"))}</th>"
            + $"<th>{Html(Pick("市", "City"))}</th><th>{Html(Pick("县（区）", "County"))}</th><th data-type=\"number\" class=\"num\">{Html(Pick("总分", "Total"))}</th>"
            + $"<th>{Html(Pick("结论", "Verdict"))}</th><th>{Html(Pick("等级", "Grade"))}</th><th data-type=\"number\" class=\"num\">{Html(Pick("百分位", "Percentile"))}</th></tr></thead><tbody>");
        var gradeOrder = system.Grades.Select((g, i) => (g.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var rank = row.Rank?.Rank.ToString(CultureInfo.InvariantCulture) ?? "";
            var percentile = row.Rank is { } r ? ReportText.Number(r.Percentile) : "";
            var verdict = ReportText.Verdict(row.Verdict, language) + (row.Vetoed ? ReportText.Vetoed(language) : "");
            // Grades sort best first: by their place in the system's list, no grade last.
            var gradeKey = row.GradeId is { } g && gradeOrder.TryGetValue(g, out var place) ? place.ToString("D3", CultureInfo.InvariantCulture) : "999";
            writer.WriteLine($"<tr data-id=\"{Html(row.Id)}\" data-city=\"{Html(row.City)}\">"
                + $"<td data-value=\"{rank}\">{rank}</td><td data-value=\"{Html(row.Name ?? row.Id)}\">{Html(row.Name ?? "")}</td><td class=\"code\" data-value=\"{Html(row.Id)}\">{Html(row.Id)}</td>"
                + $"<td data-value=\"{Html(row.City)}\">{Html(row.City)}</td><td data-value=\"{Html(row.County)}\">{Html(row.County)}</td>"
                + $"<td class=\"num\" data-value=\"{ReportText.Number(row.Total)}\">{ReportText.Number(row.Total)}</td>"
                + $"<td class=\"verdict-cell-{ReportText.VerdictCode(row.Verdict)}\" data-value=\"{Html(verdict)}\">{Html(verdict)}</td>"
                + $"<td data-value=\"{gradeKey}\">{Html(GradeName(row.GradeId))}</td><td class=\"num\" data-value=\"{percentile}\">{percentile}</td></tr>");
        }

        writer.WriteLine("</tbody></table>");
        writer.WriteLine("</section>");
    }

    private void WriteErrors(TextWriter writer)
    {
        if (read.ErrorRows.Count == 0)
        {
            return;
        }

        writer.WriteLine("<section class=\"diagnostics\">");
        writer.WriteLine($"<h2>{Html(Pick("错误记录（未计分）", "Error records (not scored)"))}</h2>");
        writer.WriteLine("<ul>");
        foreach (var error in read.ErrorRows)
        {
            writer.WriteLine($"<li class=\"code\">{Html(Pick("记录", "record"))} {error.Record}{(error.Id is null ? "" : " " + Html(error.Id))}: {Html(error.Message)}</li>");
        }

        writer.WriteLine("</ul>");
        writer.WriteLine("</section>");
    }

    private static void Item(TextWriter writer, string label, string value) => writer.WriteLine($"<div><dt>{Html(label)}</dt><dd>{Html(value)}</dd></div>");

    /// <summary>The charts' data: the histogram's bins and bars, the grades, the first-level shares, each city's pass rate.</summary>
    private string ChartData() => ScorecardHtmlAssets.Json(json =>
    {
        json.WriteStartObject();
        json.WriteString("font", ScorecardHtmlAssets.FontStack);
        json.WriteStartObject("labels");
        json.WriteString("total", Pick("总分", "total"));
        json.WriteString("schools", Pick("学校数", "schools"));
        json.WriteString("bar", Pick("申报条件", "bar"));
        json.WriteString("share", Pick("平均得分率 %", "mean share, %"));
        json.WriteString("passRate", Pick("达到申报条件 %", "eligible, %"));
        json.WriteEndObject();
        WriteHistogram(json);
        json.WriteStartArray("grades");
        foreach (var grade in summary.Grades)
        {
            json.WriteStartObject();
            json.WriteString("name", SafeText.Line(GradeName(grade.GradeId)));
            json.WriteNumber("count", grade.Count);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("shares");
        foreach (var share in summary.Indicators)
        {
            json.WriteStartObject();
            json.WriteString("name", SafeText.Line(IndicatorName(share.Id)));
            json.WriteNumber("percent", Math.Round(share.MeanShare * 100m, 1, MidpointRounding.AwayFromZero));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("cities");
        foreach (var city in summary.Regions.Where(r => r.Level == RegionLevel.City).OrderByDescending(r => r.PassRate).ThenBy(r => r.City, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("name", SafeText.Line(city.City));
            json.WriteNumber("percent", Math.Round(city.PassRate * 100m, 1, MidpointRounding.AwayFromZero));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });

    /// <summary>Bins of a round width (about 30 across the system's points), counted from the summary's exact histogram; the last bin holds the maximum.</summary>
    private void WriteHistogram(Utf8JsonWriter json)
    {
        var width = BinWidth(system.Points);
        var bins = (int)Math.Ceiling(system.Points / width);
        var counts = new long[Math.Max(bins, 1)];
        foreach (var total in summary.Totals)
        {
            var bin = (int)Math.Min(Math.Floor(Math.Max(total.Total, 0m) / width), counts.Length - 1);
            counts[bin] += total.Count;
        }

        json.WriteStartObject("histogram");
        json.WriteNumber("max", system.Points);
        json.WriteStartArray("thresholds");
        foreach (var threshold in Thresholds())
        {
            json.WriteNumberValue(threshold);
        }

        json.WriteEndArray();
        json.WriteStartArray("bins");
        for (var i = 0; i < counts.Length; i++)
        {
            json.WriteStartObject();
            json.WriteNumber("from", i * width);
            json.WriteNumber("to", Math.Min((i + 1) * width, system.Points));
            json.WriteNumber("count", counts[i]);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>1, 2 or 5 times a power of ten, the smallest such that the points make at most 30 bins: 20 for 600, 5 for 100.</summary>
    internal static decimal BinWidth(decimal points)
    {
        var width = 1m;
        for (var step = 0; points / width > 30m; step++)
        {
            width *= step % 3 == 1 ? 2.5m : 2m;
        }

        return width;
    }
}
