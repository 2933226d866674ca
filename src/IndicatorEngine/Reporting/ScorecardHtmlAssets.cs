using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace IndicatorEngine;

/// <summary>What every HTML scorecard carries besides its content: the stylesheet, ECharts, the chart data and the script that draws it.</summary>
internal static class ScorecardHtmlAssets
{
    public const string EChartsVersion = "6.1.0";

    /// <summary>The CJK fonts first, so that Chinese renders in a Chinese face wherever one is installed; no web fonts (nothing is fetched).</summary>
    public const string FontStack = "\"Noto Sans CJK SC\", \"Source Han Sans SC\", \"PingFang SC\", \"Microsoft YaHei\", \"WenQuanYi Micro Hei\", sans-serif";

    public const string Stylesheet = """
        :root { --passed: #1b7f3b; --failed: #b3261e; --undetermined: #9a6700; --line: #d0d7de; --muted: #57606a; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 1100px; padding: 16px 24px; color: #1f2328; background: #fff;
          font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; font-size: 14px; line-height: 1.5; }
        h1 { margin: 0 0 4px; font-size: 26px; }
        h2 { font-size: 18px; margin: 24px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
        h3 { font-size: 15px; margin: 16px 0 6px; }
        .banner { border-left: 8px solid var(--undetermined); background: #fff8e5; padding: 12px 18px; border-radius: 6px; }
        .banner.verdict-passed { border-color: var(--passed); background: #eaf7ee; }
        .banner.verdict-failed { border-color: var(--failed); background: #fdecea; }
        .verdict { font-size: 24px; font-weight: bold; margin: 6px 0 0; }
        .verdict-passed .verdict { color: var(--passed); }
        .verdict-failed .verdict { color: var(--failed); }
        .verdict-undetermined .verdict { color: var(--undetermined); }
        .basis, .system { margin: 2px 0; color: var(--muted); }
        dl { display: flex; flex-wrap: wrap; gap: 4px 28px; margin: 10px 0 0; }
        dt { color: var(--muted); font-size: 12px; }
        dd { margin: 0; }
        .code { font-family: ui-monospace, "DejaVu Sans Mono", Consolas, monospace; font-size: 12px; color: var(--muted); }
        .vetoes li { color: var(--failed); }
        .charts { display: flex; flex-wrap: wrap; gap: 16px; margin-top: 16px; }
        figure { margin: 0; flex: 1 1 480px; }
        figcaption { font-weight: bold; margin-bottom: 4px; }
        .chart { width: 100%; height: 380px; }
        .todo .stake { font-weight: bold; color: var(--failed); }
        .todo .needed { color: var(--muted); font-size: 12px; }
        table.points { width: 100%; border-collapse: collapse; margin-bottom: 8px; }
        table.points th, table.points td { border-bottom: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
        table.points th { background: #f6f8fa; font-size: 12px; }
        .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        .pts { white-space: nowrap; }
        .status-missing-evidence, .status-error { color: var(--failed); }
        .status-partial { color: var(--undetermined); }
        .status-not-applicable { color: var(--muted); }
        .mark { color: var(--muted); }
        .over { color: var(--failed); font-weight: bold; }
        footer { margin-top: 24px; color: var(--muted); font-size: 12px; }
        @page { size: A4; margin: 14mm 12mm; }
        @media print {
          body { max-width: none; padding: 0; font-size: 10.5pt; }
          .banner { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          .charts { display: block; }
          figure { break-inside: avoid; page-break-inside: avoid; margin-bottom: 8mm; }
          .chart { width: 180mm; height: 100mm; }
          tr, li, h2, h3, .banner { break-inside: avoid; page-break-inside: avoid; }
          h2, h3 { break-after: avoid; page-break-after: avoid; }
          thead { display: table-header-group; }
        }
        """;

    /// <summary>
    /// Draws both charts from the JSON in #chart-data with the SVG renderer (sharp in print), without animation, and
    /// sets <c>document.body.dataset.chartsReady = "1"</c> once each has finished rendering, a signal for whoever
    /// waits for the page (a browser test, a PDF printer). The charts are redrawn at the print size before printing.
    /// </summary>
    private const string DrawScript = """
        (function () {
          var data = JSON.parse(document.getElementById('chart-data').textContent);
          var font = data.font;
          var pending = 2;
          var charts = [];
          function draw(id, option) {
            var chart = echarts.init(document.getElementById(id), null, { renderer: 'svg' });
            chart.on('finished', function () {
              if (chart.__ready) { return; }
              chart.__ready = true;
              pending -= 1;
              if (pending === 0) { document.body.dataset.chartsReady = '1'; }
            });
            chart.setOption(option);
            charts.push(chart);
          }
          var percent = function (v) { return v + '%'; };
          draw('radar-chart', {
            animation: false,
            textStyle: { fontFamily: font },
            tooltip: {},
            radar: {
              indicator: data.first.map(function (f) { return { name: f.name, max: 100 }; }),
              radius: '62%',
              axisName: { color: '#1f2328', fontSize: 11 }
            },
            series: [{
              type: 'radar',
              name: data.labels.rate,
              areaStyle: { opacity: 0.25 },
              data: [{ name: data.labels.rate, value: data.first.map(function (f) { return f.rate; }) }]
            }]
          });
          var bars = document.getElementById('bar-chart');
          bars.style.height = Math.max(240, 26 * data.second.length + 60) + 'px';
          draw('bar-chart', {
            animation: false,
            textStyle: { fontFamily: font },
            tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
            grid: { left: 8, right: 48, top: 8, bottom: 24, containLabel: true },
            xAxis: { type: 'value', max: 100, axisLabel: { formatter: percent } },
            yAxis: { type: 'category', inverse: true, data: data.second.map(function (s) { return s.name; }),
              axisLabel: { width: 220, overflow: 'truncate' } },
            series: [{
              type: 'bar',
              name: data.labels.rate,
              data: data.second.map(function (s) { return s.rate; }),
              label: { show: true, position: 'right', formatter: function (p) { return p.value + '%'; } },
              itemStyle: { color: '#2f6fbd' }
            }]
          });
          function resize() { charts.forEach(function (c) { c.resize(); }); }
          window.addEventListener('resize', resize);
          window.addEventListener('beforeprint', resize);
          window.addEventListener('afterprint', resize);
        })();
        """;

    /// <summary>JSON safe inside a script element: &lt;, &gt;, &amp; and quotes escaped as \uXXXX; CJK left readable.</summary>
    internal static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private static readonly Lazy<string> ECharts = new(() => Resource("reporting/echarts.min.js"));

    private static readonly Lazy<string> Notice = new(() => Resource("reporting/ECHARTS-NOTICE"));

    /// <summary>
    /// The page up to its body: the doctype, the language, UTF-8, the <paramref name="title"/> (escaped here), and the
    /// stylesheet with <paramref name="moreStyles"/> after it.
    /// </summary>
    public static void WriteHead(TextWriter writer, Language language, string title, string moreStyles)
    {
        writer.WriteLine("<!DOCTYPE html>");
        writer.WriteLine($"<html lang=\"{ReportText.Pick(language, "zh-CN", "en")}\">");
        writer.WriteLine("<head>");
        writer.WriteLine("<meta charset=\"utf-8\">");
        writer.WriteLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        writer.WriteLine($"<title>{ScorecardHtml.Html(title)}</title>");
        writer.WriteLine("<style>");
        writer.WriteLine(Stylesheet);
        if (moreStyles.Length > 0)
        {
            writer.WriteLine(moreStyles);
        }

        writer.WriteLine("</style>");
        writer.WriteLine("</head>");
    }

    /// <summary>ECharts with its licence notice, the chart data, and the script that draws the charts.</summary>
    public static void WriteScripts(Scorecard scorecard, TextWriter writer) => WriteScripts(ChartData(scorecard), DrawScript, writer);

    /// <summary>
    /// ECharts with its licence notice, then <paramref name="json"/> (already safe inside a script element) as
    /// <c>#chart-data</c>, then <paramref name="script"/>, which draws from it.
    /// </summary>
    public static void WriteScripts(string json, string script, TextWriter writer)
    {
        WriteLibrary(writer);
        writer.Write("<script id=\"chart-data\" type=\"application/json\">");
        writer.Write(json);
        writer.WriteLine("</script>");
        writer.WriteLine("<script>");
        writer.WriteLine(script);
        writer.WriteLine("</script>");
    }

    /// <summary>ECharts with its licence notice, as one script element.</summary>
    private static void WriteLibrary(TextWriter writer)
    {
        writer.WriteLine("<script id=\"echarts-lib\">");
        // The NOTICE of the ECharts distribution, as its licence asks; the file itself starts with the licence header.
        writer.WriteLine("/*! Apache ECharts " + EChartsVersion + ", licensed under the Apache License, Version 2.0.");
        writer.WriteLine(Notice.Value.Replace("*/", "* /", StringComparison.Ordinal).TrimEnd());
        writer.WriteLine("*/");
        writer.WriteLine(ECharts.Value);
        writer.WriteLine("</script>");
    }

    /// <summary>JSON for a script element, written by <paramref name="write"/>: &lt;, &gt;, &amp; and quotes escaped, CJK readable.</summary>
    public static string Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            write(json);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The charts' data: each first- and second-level indicator's title and score ÷ points as a percentage.</summary>
    internal static string ChartData(Scorecard scorecard)
    {
        var language = scorecard.Language;
        return Json(json =>
        {
            json.WriteStartObject();
            json.WriteString("font", FontStack);
            json.WriteStartObject("labels");
            json.WriteString("rate", ReportText.Pick(language, "得分率 %", "score ÷ points, %"));
            json.WriteEndObject();
            json.WriteStartArray("first");
            foreach (var first in scorecard.Indicators)
            {
                Indicator(json, first, language);
            }

            json.WriteEndArray();
            json.WriteStartArray("second");
            foreach (var second in scorecard.Indicators.SelectMany(f => f.Children))
            {
                Indicator(json, second, language);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static void Indicator(Utf8JsonWriter json, IndicatorScore score, Language language)
    {
        json.WriteStartObject();
        json.WriteString("id", SafeText.Line(score.Id));
        json.WriteString("name", SafeText.Line(ReportText.Title(score.Title, language)));
        json.WriteNumber("score", score.Score);
        json.WriteNumber("max", score.Max);
        json.WriteNumber("rate", score.Max > 0 ? Math.Round(score.Score / score.Max * 100m, 1, MidpointRounding.AwayFromZero) : 0m);
        json.WriteEndObject();
    }

    private static string Resource(string name)
    {
        using var stream = typeof(ScorecardHtmlAssets).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the embedded resource {name} is missing from {typeof(ScorecardHtmlAssets).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
