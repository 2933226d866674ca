using System.Globalization;

namespace IndicatorEngine;

/// <summary>The words and numbers every report writes the same way.</summary>
internal static class ReportText
{
    /// <summary>The status as it appears in every report: the kebab-case names of the result schema.</summary>
    public static string Status(ScoreStatus status) => status switch
    {
        ScoreStatus.Scored => "scored",
        ScoreStatus.Partial => "partial",
        ScoreStatus.MissingEvidence => "missing-evidence",
        ScoreStatus.NotApplicable => "not-applicable",
        ScoreStatus.Error => "error",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "unknown status"),
    };

    /// <summary>The status in words for people: 得分, 部分得分… in Chinese; in English the same names as the schema's.</summary>
    public static string Status(ScoreStatus status, Language language) => language == Language.English ? Status(status) : status switch
    {
        ScoreStatus.Scored => "得分",
        ScoreStatus.Partial => "部分得分",
        ScoreStatus.MissingEvidence => "缺少佐证",
        ScoreStatus.NotApplicable => "不适用",
        ScoreStatus.Error => "错误",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "unknown status"),
    };

    /// <summary>The language's code in a result document and on the command line: zh or en.</summary>
    public static string LanguageCode(Language language) => language == Language.English ? "en" : "zh";

    /// <summary>The Chinese or the English words of a heading or label, by language.</summary>
    public static string Pick(Language language, string zh, string en) => language == Language.English ? en : zh;

    /// <summary>A title in the language: the English where the definition gives one, else the Chinese as published.</summary>
    public static string Title(LocalizedText title, Language language) =>
        language == Language.English && title.En is { Length: > 0 } en ? en : title.Zh;

    /// <summary>"none" where a list is empty.</summary>
    public static string None(Language language) => Pick(language, "无", "none");

    public static string Severity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };

    /// <summary>The verdict as the result schema names it: passed, failed, undetermined.</summary>
    public static string VerdictCode(Verdict verdict) => verdict switch
    {
        IndicatorEngine.Verdict.Passed => "passed",
        IndicatorEngine.Verdict.Failed => "failed",
        _ => "undetermined",
    };

    /// <summary>The verdict a result's code names (<see cref="VerdictCode"/> read back); null for anything else.</summary>
    public static Verdict? ParseVerdict(string? code) => code switch
    {
        "passed" => IndicatorEngine.Verdict.Passed,
        "failed" => IndicatorEngine.Verdict.Failed,
        "undetermined" => IndicatorEngine.Verdict.Undetermined,
        _ => null,
    };

    /// <summary>
    /// What the verdict means for the subject, named for what the bar decides (eligibility to apply, not a grade):
    /// 达到申报条件 / 未达到申报条件 / 待核实; eligible / not eligible / undetermined.
    /// </summary>
    public static string Verdict(Verdict verdict, Language language) => verdict switch
    {
        IndicatorEngine.Verdict.Passed => Pick(language, "达到申报条件", "eligible"),
        IndicatorEngine.Verdict.Failed => Pick(language, "未达到申报条件", "not eligible"),
        _ => Pick(language, "待核实", "undetermined"),
    };

    /// <summary>What follows the verdict of a vetoed card.</summary>
    public static string Vetoed(Language language) => Pick(language, "（一票否决）", " (vetoed)");

    /// <summary>
    /// The line under the verdict: the bar, and the bounds when they differ ("申报条件 480 分；总分区间 471.04 – 554.04 分",
    /// "bar 480; total between 471.04 and 554.04").
    /// </summary>
    public static string VerdictBasis(Scorecard scorecard, Language language)
    {
        var bar = Pick(language, $"申报条件 {Number(scorecard.PassThreshold)} 分", $"bar {Number(scorecard.PassThreshold)}") + ProvenanceText.Note(scorecard.PassThresholdProvenance, language);
        return scorecard.TotalUpperBound == scorecard.Total ? bar
            : bar + Pick(language, $"；总分区间 {Number(scorecard.Total)} – {Number(scorecard.TotalUpperBound)} 分", $"; total between {Number(scorecard.Total)} and {Number(scorecard.TotalUpperBound)}");
    }

    /// <summary>
    /// The grade as a card shows it: one band, a range of bands while evidence is open ("达标 – 优秀"), 不评等级（一票否决）
    /// / not graded (vetoed) for a vetoed subject, or "" when the system has no grades.
    /// </summary>
    public static string Grade(Scorecard scorecard, Language language, Func<Grade, string> name)
    {
        if (scorecard.Vetoed)
        {
            return Pick(language, "不评等级（一票否决）", "not graded (vetoed)");
        }

        var low = scorecard.Grade is { } g ? name(g) : "—";
        var high = scorecard.GradeUpperBound is { } h ? name(h) : "—";
        return scorecard.Grade == scorecard.GradeUpperBound ? (scorecard.Grade is null ? "" : low) : $"{low} – {high}";
    }

    /// <summary>A decimal without trailing zeros: 480, 536.29, 0.5.</summary>
    public static string Number(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary>A decimal with exactly <paramref name="decimals"/> places, so that a column lines up on the point.</summary>
    public static string Number(decimal value, int decimals) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>How many places <see cref="Number(decimal)"/> would write.</summary>
    public static int Decimals(decimal value)
    {
        var text = Number(value);
        var point = text.IndexOf('.', StringComparison.Ordinal);
        return point < 0 ? 0 : text.Length - point - 1;
    }

    /// <summary>Decimal places to show every score of a scorecard with, so that they line up and read alike (4.00, 536.29).</summary>
    public static int ScoreDecimals(Scorecard scorecard) =>
        scorecard.Indicators.SelectMany(i => i.DescendantsAndSelf()).Select(s => Decimals(s.Score)).Append(Decimals(scorecard.Total)).Max();

    /// <summary>Whether the school gave any self-score: the reports add their self-score columns and over-claims only then.</summary>
    public static bool HasSelfScores(Scorecard scorecard) => scorecard.ObservationPoints().Any(p => p.SelfScore is not null);

    /// <summary>Self-score minus score, signed (+2.50, -1.00, 0.00); "—" without a self-score.</summary>
    public static string Difference(IndicatorScore point, int decimals) => point.SelfScore is not { } self ? "—"
        : self - point.Score is var difference && difference > 0m ? "+" + Number(difference, decimals) : Number(difference, decimals);

    /// <summary>The self-score with the card's places, or "—".</summary>
    public static string SelfScore(IndicatorScore point, int decimals) => point.SelfScore is { } self ? Number(self, decimals) : "—";

    /// <summary>The heading of the over-claims: the points whose self-score is above the score the evidence supports.</summary>
    public static string OverClaimsHeading(Language language) =>
        Pick(language, "自评高于佐证支持的得分", "Over-claims: self-score above what the evidence supports");

    /// <summary>Column labels of the self-assessment: self-score, score the evidence supports, difference.</summary>
    public static (string Self, string Verified, string Difference) SelfScoreLabels(Language language) =>
        (Pick(language, "自评分", "Self-score"), Pick(language, "核算得分", "Verified score"), Pick(language, "差值", "Difference"));

    public static string Region(Region? region)
    {
        if (region is null)
        {
            return "";
        }

        return string.Join(" ", new[] { region.Province, region.City, region.County }.Where(p => !string.IsNullOrWhiteSpace(p)));
    }

    /// <summary>One line of text: line breaks and tabs become spaces, so a value cannot break a table row.</summary>
    public static string OneLine(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        return text.IndexOfAny(['\r', '\n', '\t']) < 0 ? text : text.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\r', ' ').Replace('\n', ' ').Replace('\t', ' ');
    }
}
