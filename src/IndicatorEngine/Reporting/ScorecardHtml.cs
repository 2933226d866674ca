using System.Globalization;
using System.Net;
using System.Text;

namespace IndicatorEngine;

/// <summary>
/// Renders a <see cref="Scorecard"/> as one self-contained HTML page that works offline: the verdict banner (verdict,
/// bar and bounds, grade, vetoes), a radar chart of the first-level indicators and a bar chart of the second level
/// (each score ÷ its points), the missing evidence as a to-do list ordered by the points at stake, and every
/// observation point (score, status, explanation, provenance mark) under its indicators. The charts are drawn by
/// Apache ECharts 6.1.0 (Apache-2.0), inlined with its licence notice; fonts come from the system (a CJK-capable
/// stack); a print stylesheet lays it out on A4. Nothing on the page makes a request. Text from the definition and
/// the evidence is HTML-escaped, and the charts' data is JSON with <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c>
/// escaped, so no value can add markup or end a script; control and bidirectional characters are shown as visible
/// escapes (<c>\u202E</c>) in the page's text and in the chart labels alike. Words are in the card's <see cref="Scorecard.Language"/>
/// (pass <c>scorecard.In(language)</c> for another). Thread-safe.
/// </summary>
public static class ScorecardHtml
{
    /// <summary>Writes the page as UTF-8 (no byte order mark) to <paramref name="stream"/>, which is left open.</summary>
    /// <param name="scorecard">The scorecard.</param>
    /// <param name="stream">Where to write.</param>
    public static void Write(Scorecard scorecard, Stream stream) => Write(scorecard, stream, null);

    /// <summary>Writes the page as UTF-8 (no byte order mark) to <paramref name="stream"/>, which is left open, with an improvement plan's section when one is given.</summary>
    /// <param name="scorecard">The scorecard.</param>
    /// <param name="stream">Where to write.</param>
    /// <param name="plan">The subject's improvement plan (<see cref="GapAnalysis.Plan"/>), or null for none.</param>
    public static void Write(Scorecard scorecard, Stream stream, ImprovementPlan? plan)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 64 * 1024, leaveOpen: true) { NewLine = "\n" };
        Write(scorecard, writer, plan);
    }

    /// <summary>Writes the page to <paramref name="writer"/>.</summary>
    /// <param name="scorecard">The scorecard.</param>
    /// <param name="writer">Where to write; the page declares UTF-8, so a file should be written in UTF-8.</param>
    public static void Write(Scorecard scorecard, TextWriter writer) => Write(scorecard, writer, null);

    /// <summary>Writes the page to <paramref name="writer"/>, with an improvement plan's section when one is given.</summary>
    /// <param name="scorecard">The scorecard.</param>
    /// <param name="writer">Where to write; the page declares UTF-8, so a file should be written in UTF-8.</param>
    /// <param name="plan">The subject's improvement plan (<see cref="GapAnalysis.Plan"/>), or null for none.</param>
    public static void Write(Scorecard scorecard, TextWriter writer, ImprovementPlan? plan)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        ArgumentNullException.ThrowIfNull(writer);
        var language = scorecard.Language;
        var subject = scorecard.Subject;
        var systemTitle = ReportText.Title(scorecard.SystemTitle, language);
        ScorecardHtmlAssets.WriteHead(writer, language, $"{subject.Name ?? subject.Id} · {systemTitle}", "");
        writer.WriteLine("<body>");
        WriteBanner(scorecard, language, systemTitle, writer);
        WriteVetoes(scorecard, language, writer);
        WriteOverClaims(scorecard, language, writer);
        WriteCharts(language, writer);
        WriteToDo(scorecard, language, writer);
        if (plan is not null)
        {
            WritePlan(plan, language, writer);
        }

        WriteIndicators(scorecard, language, writer);
        WriteDiagnostics(scorecard, language, writer);
        writer.WriteLine("<footer>");
        if (scorecard.Indicators.SelectMany(i => i.DescendantsAndSelf()).Any(s => s.Provenance != Provenance.Published))
        {
            writer.WriteLine($"<p class=\"legend\">{Html(ProvenanceText.Legend(language))}</p>");
        }

        writer.WriteLine($"<p>{Html(ReportText.Pick(language, "图表由 Apache ECharts " + ScorecardHtmlAssets.EChartsVersion + " 绘制（Apache-2.0 许可，随页面内嵌）。", "Charts drawn by Apache ECharts " + ScorecardHtmlAssets.EChartsVersion + " (Apache-2.0), inlined in this page."))}</p>");
        writer.WriteLine("</footer>");
        ScorecardHtmlAssets.WriteScripts(scorecard, writer);
        writer.WriteLine("</body>");
        writer.WriteLine("</html>");
        writer.Flush();
    }

    /// <summary>Returns the page.</summary>
    /// <param name="scorecard">The scorecard.</param>
    /// <returns>The HTML document, lines ending with <c>\n</c>.</returns>
    public static string ToHtml(Scorecard scorecard) => ToHtml(scorecard, null);

    /// <summary>Returns the page, with an improvement plan's section when one is given.</summary>
    /// <param name="scorecard">The scorecard.</param>
    /// <param name="plan">The subject's improvement plan (<see cref="GapAnalysis.Plan"/>), or null for none.</param>
    /// <returns>The HTML document, lines ending with <c>\n</c>.</returns>
    public static string ToHtml(Scorecard scorecard, ImprovementPlan? plan)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        Write(scorecard, writer, plan);
        return writer.ToString();
    }

    /// <summary>
    /// The missing evidence with the points at stake for each: what the open points that need it (evidence
    /// missing or unusable, rule failed) could still earn, their max minus their score; most at stake first.
    /// </summary>
    internal static IReadOnlyList<(MissingEvidence Missing, decimal AtStake)> ToDo(Scorecard scorecard)
    {
        var points = scorecard.Indicators.SelectMany(i => i.DescendantsAndSelf()).Where(s => s.Children.Count == 0)
            .GroupBy(s => s.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return scorecard.MissingEvidence
            .Select(m => (m, m.NeededBy.Distinct(StringComparer.Ordinal)
                .Select(id => points.TryGetValue(id, out var p) && IsOpen(p) ? p.Max - p.Score : 0m).Sum()))
            .OrderByDescending(t => t.Item2).ThenBy(t => t.m.Key, StringComparer.Ordinal)
            .ToList();
    }

    private static bool IsOpen(IndicatorScore point) => point.Status is ScoreStatus.MissingEvidence or ScoreStatus.Error;

    private static void WriteBanner(Scorecard scorecard, Language language, string systemTitle, TextWriter writer)
    {
        var subject = scorecard.Subject;
        var decimals = ReportText.ScoreDecimals(scorecard);
        writer.WriteLine($"<header class=\"banner verdict-{ReportText.VerdictCode(scorecard.Verdict)}\">");
        writer.WriteLine($"<h1>{Html(subject.Name ?? subject.Id)}</h1>");
        writer.WriteLine($"<p class=\"system\">{Html(systemTitle)} <span class=\"code\">{Html(scorecard.SystemId)} {Html(scorecard.SystemVersion)}</span></p>");
        writer.WriteLine($"<p class=\"verdict\" id=\"verdict\">{Html(ReportText.Verdict(scorecard.Verdict, language))}{(scorecard.Vetoed ? Html(ReportText.Vetoed(language)) : "")}</p>");
        writer.WriteLine($"<p class=\"basis\">{Html(ReportText.VerdictBasis(scorecard, language))}</p>");
        writer.WriteLine("<dl>");
        Item(writer, ReportText.Pick(language, "总分", "Total"), $"<strong>{ReportText.Number(scorecard.Total, decimals)}</strong> / {ReportText.Number(scorecard.Max)}"
            + (scorecard.TotalUpperBound != scorecard.Total
                ? Html(ReportText.Pick(language, $"（补齐佐证后至多 {ReportText.Number(scorecard.TotalUpperBound, decimals)}）", $" (at most {ReportText.Number(scorecard.TotalUpperBound, decimals)} once the open points are settled)"))
                : ""));
        if (scorecard.SelfScoreTotal() is { } selfTotal)
        {
            Item(writer, ReportText.Pick(language, "自评总分", "Self-assessed total"), $"{ReportText.Number(selfTotal, decimals)} / {ReportText.Number(scorecard.Max)}");
        }

        var grade = ReportText.Grade(scorecard, language, g => $"{ReportText.Title(g.Title, language)} (≥ {ReportText.Number(g.MinScore)}){ProvenanceText.Note(g.Provenance, language)}");
        Item(writer, ReportText.Pick(language, "等级", "Grade"), Html(grade.Length > 0 ? grade : "—"));
        Item(writer, ReportText.Pick(language, "学校", "Subject"), Html(subject.Name is null ? subject.Id : $"{subject.Name} ({subject.Id})"));
        Item(writer, ReportText.Pick(language, "类型", "Profile"), Html(subject.Profile));
        if (ReportText.Region(subject.Region) is { Length: > 0 } region)
        {
            Item(writer, ReportText.Pick(language, "地区", "Region"), Html(region));
        }

        if (subject.Period is { } period)
        {
            Item(writer, ReportText.Pick(language, "年度", "Period"), period.ToString(CultureInfo.InvariantCulture));
        }

        writer.WriteLine("</dl>");
        writer.WriteLine("</header>");
    }

    private static void WriteVetoes(Scorecard scorecard, Language language, TextWriter writer)
    {
        if (scorecard.Vetoes.Count == 0 && scorecard.UndecidedVetoes.Count == 0)
        {
            return;
        }

        writer.WriteLine("<section class=\"vetoes\">");
        writer.WriteLine($"<h2>{Html(ReportText.Pick(language, "一票否决", "Vetoes"))}</h2>");
        writer.WriteLine("<ul>");
        foreach (var veto in scorecard.Vetoes)
        {
            writer.WriteLine($"<li class=\"veto\"><strong>{Html(veto.Title)}</strong> <span class=\"code\">{Html(veto.Id)}</span>: {Html(veto.Reason)}</li>");
        }

        foreach (var veto in scorecard.UndecidedVetoes)
        {
            writer.WriteLine($"<li class=\"veto undecided\">{Html(ReportText.Pick(language, "待核实", "undecided"))}: <strong>{Html(veto.Title)}</strong> <span class=\"code\">{Html(veto.Id)}</span>: {Html(veto.Reason)}</li>");
        }

        writer.WriteLine("</ul>");
        writer.WriteLine("</section>");
    }

    /// <summary>The points scored by the school above what its evidence supports, largest over-claim first; only when it gave self-scores.</summary>
    private static void WriteOverClaims(Scorecard scorecard, Language language, TextWriter writer)
    {
        if (!ReportText.HasSelfScores(scorecard))
        {
            return;
        }

        var decimals = ReportText.ScoreDecimals(scorecard);
        var overClaims = scorecard.OverClaims();
        writer.WriteLine("<section class=\"overclaims\">");
        writer.WriteLine($"<h2>{Html(ReportText.OverClaimsHeading(language))}</h2>");
        if (overClaims.Count == 0)
        {
            writer.WriteLine($"<p>{Html(ReportText.Pick(language, "无：每个观测点的自评分都不高于佐证支持的得分。", "None: no self-score is above what the evidence supports."))}</p>");
            writer.WriteLine("</section>");
            return;
        }

        var (self, verified, difference) = ReportText.SelfScoreLabels(language);
        writer.WriteLine("<table class=\"points\" id=\"overclaims\">");
        writer.WriteLine($"<thead><tr><th>{Html(ReportText.Pick(language, "编号", "Id"))}</th><th>{Html(ReportText.Pick(language, "观测点", "Observation point"))}</th><th class=\"num\">{Html(self)}</th><th class=\"num\">{Html(verified)}</th><th class=\"num\">{Html(difference)}</th><th>{Html(ReportText.Pick(language, "说明", "Explanation"))}</th></tr></thead>");
        writer.WriteLine("<tbody>");
        foreach (var point in overClaims)
        {
            writer.WriteLine($"<tr data-point=\"{Html(point.Id)}\"><td class=\"code\">{Html(point.Id)}</td><td>{Html(ReportText.Title(point.Title, language))}</td><td class=\"num\">{ReportText.SelfScore(point, decimals)}</td>"
                + $"<td class=\"num\">{ReportText.Number(point.Score, decimals)}</td><td class=\"num over\">{ReportText.Difference(point, decimals)}</td><td>{Html(point.Explanation)}</td></tr>");
        }

        writer.WriteLine("</tbody>");
        writer.WriteLine("</table>");
        writer.WriteLine("</section>");
    }

    private static void WriteCharts(Language language, TextWriter writer)
    {
        writer.WriteLine("<section class=\"charts\">");
        writer.WriteLine($"<figure><figcaption>{Html(ReportText.Pick(language, "一级指标得分率", "First-level indicators: score ÷ points"))}</figcaption><div class=\"chart\" id=\"radar-chart\"></div></figure>");
        writer.WriteLine($"<figure><figcaption>{Html(ReportText.Pick(language, "二级指标得分率", "Second-level indicators: score ÷ points"))}</figcaption><div class=\"chart\" id=\"bar-chart\"></div></figure>");
        writer.WriteLine("</section>");
    }

    private static void WriteToDo(Scorecard scorecard, Language language, TextWriter writer)
    {
        writer.WriteLine("<section class=\"todo\">");
        writer.WriteLine($"<h2>{Html(ReportText.Pick(language, "待补佐证", "Missing evidence to supply"))}</h2>");
        var todo = ToDo(scorecard);
        if (todo.Count == 0)
        {
            writer.WriteLine($"<p>{Html(ReportText.Pick(language, "无。", "None."))}</p>");
            writer.WriteLine("</section>");
            return;
        }

        writer.WriteLine("<ol id=\"todo\">");
        foreach (var (missing, atStake) in todo)
        {
            var stake = ReportText.Pick(language, $"涉及 {ReportText.Number(atStake)} 分", $"{ReportText.Number(atStake)} points at stake");
            writer.WriteLine($"<li data-key=\"{Html(missing.Key)}\"><strong>{Html(missing.Title)}</strong> <span class=\"code\">{Html(missing.Key)}</span> <span class=\"stake\">{Html(stake)}</span>"
                + $" <span class=\"needed\">{Html(ReportText.Pick(language, "用于", "needed by"))} {Html(string.Join(", ", missing.NeededBy))}</span></li>");
        }

        writer.WriteLine("</ol>");
        writer.WriteLine("</section>");
    }

    /// <summary>The improvement plan's summary, changes and headroom, in the words of <c>indicator gap</c>.</summary>
    private static void WritePlan(ImprovementPlan plan, Language language, TextWriter writer)
    {
        writer.WriteLine("<section class=\"plan\" id=\"plan\">");
        var first = true;
        foreach (var (heading, lines) in ImprovementPlanWriter.Sections(plan, language, markdown: false))
        {
            writer.WriteLine($"<h2>{Html(first ? ReportText.Pick(language, "改进计划", "Improvement plan") : heading)}</h2>");
            first = false;
            writer.WriteLine("<ul>");
            foreach (var line in lines)
            {
                writer.WriteLine($"<li>{Html(line)}</li>");
            }

            writer.WriteLine("</ul>");
        }

        writer.WriteLine("</section>");
    }

    private static void WriteIndicators(Scorecard scorecard, Language language, TextWriter writer)
    {
        var decimals = ReportText.ScoreDecimals(scorecard);
        var selfScored = ReportText.HasSelfScores(scorecard);
        var number = 0;
        foreach (var first in scorecard.Indicators)
        {
            writer.WriteLine("<section class=\"indicator\">");
            writer.WriteLine($"<h2>{++number}. {Html(ReportText.Title(first.Title, language))}{Html(ProvenanceText.Mark(first.Provenance))} <span class=\"pts\">{Points(first, decimals)}</span> <span class=\"status status-{ReportText.Status(first.Status)}\">{Html(ReportText.Status(first.Status, language))}</span></h2>");
            foreach (var second in first.Children.Where(c => c.Children.Count > 0))
            {
                writer.WriteLine($"<h3>{Html(ReportText.Title(second.Title, language))}{Html(ProvenanceText.Mark(second.Provenance))} <span class=\"code\">{Html(second.Id)}</span> <span class=\"pts\">{Points(second, decimals)}</span> <span class=\"status status-{ReportText.Status(second.Status)}\">{Html(ReportText.Status(second.Status, language))}</span></h3>");
                WritePoints(second.DescendantsAndSelf().Where(s => s.Children.Count == 0), decimals, selfScored, language, writer);
            }

            if (first.Children.Count == 0 || first.Children.Any(c => c.Children.Count == 0))
            {
                WritePoints(first.Children.Count == 0 ? [first] : first.Children.Where(c => c.Children.Count == 0), decimals, selfScored, language, writer);
            }

            writer.WriteLine("</section>");
        }
    }

    private static void WritePoints(IEnumerable<IndicatorScore> points, int decimals, bool selfScored, Language language, TextWriter writer)
    {
        var (self, _, difference) = ReportText.SelfScoreLabels(language);
        var selfHeads = selfScored ? $"<th class=\"num\">{Html(self)}</th><th class=\"num\">{Html(difference)}</th>" : "";
        writer.WriteLine("<table class=\"points\">");
        writer.WriteLine($"<thead><tr><th>{Html(ReportText.Pick(language, "编号", "Id"))}</th><th>{Html(ReportText.Pick(language, "观测点", "Observation point"))}</th><th class=\"num\">{Html(ReportText.Pick(language, "得分", "Score"))}</th>{selfHeads}<th>{Html(ReportText.Pick(language, "状态", "Status"))}</th><th>{Html(ReportText.Pick(language, "说明", "Explanation"))}</th></tr></thead>");
        writer.WriteLine("<tbody>");
        foreach (var point in points)
        {
            var selfCells = selfScored ? $"<td class=\"num self\">{ReportText.SelfScore(point, decimals)}</td><td class=\"num{(point.SelfScore > point.Score ? " over" : "")}\">{ReportText.Difference(point, decimals)}</td>" : "";
            writer.WriteLine($"<tr data-point=\"{Html(point.Id)}\"><td class=\"code\">{Html(point.Id)}</td><td>{Html(ReportText.Title(point.Title, language))}<span class=\"mark\">{Html(ProvenanceText.Mark(point.Provenance))}</span></td>"
                + $"<td class=\"num\">{Points(point, decimals)}</td>{selfCells}<td class=\"status status-{ReportText.Status(point.Status)}\">{Html(ReportText.Status(point.Status, language))}</td><td>{Html(point.Explanation)}</td></tr>");
        }

        writer.WriteLine("</tbody>");
        writer.WriteLine("</table>");
    }

    private static void WriteDiagnostics(Scorecard scorecard, Language language, TextWriter writer)
    {
        // Missing evidence has its own section; its IE205 warnings would only repeat it.
        var diagnostics = scorecard.Diagnostics.Where(d => d.Code != DiagnosticCodes.EvidenceMissing).ToList();
        if (diagnostics.Count == 0)
        {
            return;
        }

        writer.WriteLine("<section class=\"diagnostics\">");
        writer.WriteLine($"<h2>{Html(ReportText.Pick(language, "诊断", "Diagnostics"))}</h2>");
        writer.WriteLine("<ul>");
        foreach (var diagnostic in diagnostics)
        {
            writer.WriteLine($"<li class=\"code\">{Html(diagnostic.ToString())}</li>");
        }

        writer.WriteLine("</ul>");
        writer.WriteLine("</section>");
    }

    private static void Item(TextWriter writer, string label, string valueHtml) => writer.WriteLine($"<div><dt>{Html(label)}</dt><dd>{valueHtml}</dd></div>");

    private static string Points(IndicatorScore score, int decimals) => $"{ReportText.Number(score.Score, decimals)} / {ReportText.Number(score.Max)}";

    /// <summary>Text from the definition or the evidence as HTML text or an attribute value: controls and bidirectional controls shown as escapes (<see cref="SafeText"/>), then HTML-encoded.</summary>
    internal static string Html(string? text) => WebUtility.HtmlEncode(SafeText.Document(text ?? ""));
}
