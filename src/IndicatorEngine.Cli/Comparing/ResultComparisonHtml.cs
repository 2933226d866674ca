using System.Globalization;
using System.Text.Json;

namespace IndicatorEngine.Cli.Comparing;

/// <summary>
/// A <see cref="ResultComparison"/> as one self-contained HTML page in the scorecard page's style: a banner with the
/// totals, verdicts and grades old → new, what does not match, a bar chart of the first-level deltas (Apache
/// ECharts, inlined as on the scorecard page; nothing is requested), every change largest first, and the indicators
/// only one side has. Text is HTML-escaped and the chart data is JSON with &lt;, &gt; and &amp; escaped.
/// </summary>
internal static class ResultComparisonHtml
{
    private const string ExtraStyle = """
        .up { color: var(--passed); } .down { color: var(--failed); }
        .notes li { color: var(--undetermined); }
        table.points td.num, table.points th.num { text-align: right; }
        """;

    /// <summary>Draws #delta-chart from #chart-data and sets <c>document.body.dataset.chartsReady</c> when done.</summary>
    private const string DrawScript = """
        (function () {
          var data = JSON.parse(document.getElementById('chart-data').textContent);
          var box = document.getElementById('delta-chart');
          box.style.height = Math.max(200, 30 * data.first.length + 60) + 'px';
          var chart = echarts.init(box, null, { renderer: 'svg' });
          chart.on('finished', function () { document.body.dataset.chartsReady = '1'; });
          chart.setOption({
            animation: false,
            textStyle: { fontFamily: data.font },
            tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
            grid: { left: 8, right: 48, top: 8, bottom: 24, containLabel: true },
            xAxis: { type: 'value' },
            yAxis: { type: 'category', inverse: true, data: data.first.map(function (f) { return f.name; }),
              axisLabel: { width: 220, overflow: 'truncate' } },
            series: [{
              type: 'bar',
              name: data.label,
              data: data.first.map(function (f) {
                return { value: f.delta, itemStyle: { color: f.delta < 0 ? '#b3261e' : '#1b7f3b' } };
              }),
              label: { show: true, position: 'right' }
            }]
          });
          window.addEventListener('resize', function () { chart.resize(); });
          window.addEventListener('beforeprint', function () { chart.resize(); });
        })();
        """;

    public static void Write(ResultComparison comparison, Language language, TextWriter writer)
    {
        var old = comparison.Old;
        var @new = comparison.New;
        var verdict = ReportText.VerdictCode(@new.Verdict);
        ScorecardHtmlAssets.WriteHead(writer, language, $"{ReportText.Pick(language, "结果对比", "Comparison")} · {CompareWords.Subject(@new.Subject)}", ExtraStyle);
        writer.WriteLine("<body>");
        writer.WriteLine($"<header class=\"banner verdict-{verdict}\">");
        writer.WriteLine($"<h1>{Html(CompareWords.Change(CompareWords.Subject(old.Subject), CompareWords.Subject(@new.Subject)))}</h1>");
        writer.WriteLine($"<p class=\"system\">{Html(ReportText.Title(@new.SystemTitle, language))} <span class=\"code\">{Html(CompareWords.Change($"{old.SystemId} {old.SystemVersion}", $"{@new.SystemId} {@new.SystemVersion}"))}</span></p>");
        writer.WriteLine($"<p class=\"verdict\" id=\"verdict\">{Html(CompareWords.Change(CompareWords.Verdict(old.Verdict, old.Vetoed, language), CompareWords.Verdict(@new.Verdict, @new.Vetoed, language)))}</p>");
        writer.WriteLine("<dl>");
        foreach (var (label, value) in ResultComparisonText.Overall(comparison, language))
        {
            writer.WriteLine($"<div><dt>{Html(label)}</dt><dd>{Html(value)}</dd></div>");
        }

        writer.WriteLine("</dl>");
        writer.WriteLine("</header>");
        var notes = CompareWords.Mismatches(comparison, language);
        if (notes.Count > 0)
        {
            writer.WriteLine("<section class=\"notes\"><ul>");
            foreach (var note in notes)
            {
                writer.WriteLine($"<li>{Html(note)}</li>");
            }

            writer.WriteLine("</ul></section>");
        }

        writer.WriteLine("<section class=\"charts\">");
        writer.WriteLine($"<figure><figcaption>{Html(ReportText.Pick(language, "一级指标得分变化", "First-level indicators: change in score"))}</figcaption><div class=\"chart\" id=\"delta-chart\"></div></figure>");
        writer.WriteLine("</section>");
        WriteChanges(comparison, language, writer);
        WriteOnly(comparison.OnlyInOld, "only-old", ReportText.Pick(language, "仅旧结果有的指标", "Only in the old result"), language, writer);
        WriteOnly(comparison.OnlyInNew, "only-new", ReportText.Pick(language, "仅新结果有的指标", "Only in the new result"), language, writer);
        writer.WriteLine("<footer>");
        writer.WriteLine($"<p>{Html(ReportText.Pick(language, "图表由 Apache ECharts " + ScorecardHtmlAssets.EChartsVersion + " 绘制（Apache-2.0 许可，随页面内嵌）。", "Chart drawn by Apache ECharts " + ScorecardHtmlAssets.EChartsVersion + " (Apache-2.0), inlined in this page."))}</p>");
        writer.WriteLine("</footer>");
        ScorecardHtmlAssets.WriteScripts(ChartData(comparison, language), DrawScript, writer);
        writer.WriteLine("</body>");
        writer.WriteLine("</html>");
        writer.Flush();
    }

    public static string ToHtml(ResultComparison comparison, Language language)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        Write(comparison, language, writer);
        return writer.ToString();
    }

    /// <summary>The chart's data: each first-level indicator both results have, its title and delta.</summary>
    internal static string ChartData(ResultComparison comparison, Language language)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, ScorecardHtmlAssets.JsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("font", ScorecardHtmlAssets.FontStack);
            json.WriteString("label", ReportText.Pick(language, "得分变化", "change in score"));
            json.WriteStartArray("first");
            foreach (var delta in comparison.FirstLevel)
            {
                json.WriteStartObject();
                json.WriteString("id", SafeText.Line(delta.Id));
                json.WriteString("name", SafeText.Line(ReportText.Title(delta.New.Score.Title, language)));
                json.WriteNumber("delta", delta.Delta);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteChanges(ResultComparison comparison, Language language, TextWriter writer)
    {
        writer.WriteLine("<section class=\"changes\">");
        writer.WriteLine($"<h2>{Html(ReportText.Pick(language, $"变化的指标（{comparison.Changes.Count} 项，变化最大的在前）", $"Indicators that changed ({comparison.Changes.Count}, largest change first)"))}</h2>");
        if (comparison.Changes.Count == 0)
        {
            writer.WriteLine($"<p>{Html(ReportText.Pick(language, "无变化。", "No changes."))}</p>");
            writer.WriteLine("</section>");
            return;
        }

        writer.WriteLine("<table class=\"points\" id=\"changes\">");
        writer.WriteLine($"<thead><tr><th>{Html(ReportText.Pick(language, "编号", "Id"))}</th><th>{Html(ReportText.Pick(language, "指标", "Indicator"))}</th><th class=\"num\">{Html(ReportText.Pick(language, "旧", "Old"))}</th><th class=\"num\">{Html(ReportText.Pick(language, "新", "New"))}</th><th class=\"num\">{Html(ReportText.Pick(language, "变化", "Change"))}</th><th>{Html(ReportText.Pick(language, "状态", "Status"))}</th></tr></thead>");
        writer.WriteLine("<tbody>");
        foreach (var d in comparison.Changes)
        {
            var direction = d.Delta > 0 ? "up" : d.Delta < 0 ? "down" : "";
            writer.WriteLine($"<tr data-id=\"{Html(d.Id)}\"><td class=\"code\">{Html(d.Id)}</td><td>{Html(ReportText.Title(d.New.Score.Title, language))}</td>"
                + $"<td class=\"num\">{ReportText.Number(d.Old.Score.Score)} / {ReportText.Number(d.Old.Score.Max)}</td><td class=\"num\">{ReportText.Number(d.New.Score.Score)} / {ReportText.Number(d.New.Score.Max)}</td>"
                + $"<td class=\"num {direction}\">{CompareWords.Signed(d.Delta)}</td><td>{Html(CompareWords.Change(ReportText.Status(d.Old.Score.Status, language), ReportText.Status(d.New.Score.Status, language)))}</td></tr>");
        }

        writer.WriteLine("</tbody>");
        writer.WriteLine("</table>");
        writer.WriteLine("</section>");
    }

    private static void WriteOnly(IReadOnlyList<IndicatorSide> sides, string id, string heading, Language language, TextWriter writer)
    {
        if (sides.Count == 0)
        {
            return;
        }

        writer.WriteLine($"<section id=\"{id}\">");
        writer.WriteLine($"<h2>{Html(heading)}</h2>");
        writer.WriteLine("<ul>");
        foreach (var side in sides)
        {
            writer.WriteLine($"<li><span class=\"code\">{Html(side.Score.Id)}</span> {Html(ReportText.Title(side.Score.Title, language))} {ReportText.Number(side.Score.Score)} / {ReportText.Number(side.Score.Max)}</li>");
        }

        writer.WriteLine("</ul>");
        writer.WriteLine("</section>");
    }

    private static string Html(string? text) => ScorecardHtml.Html(text);
}
