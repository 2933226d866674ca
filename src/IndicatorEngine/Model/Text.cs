using System.Globalization;

namespace IndicatorEngine.Model;

/// <summary>Whether to put an explanation together, and in which language: <see cref="None"/> (scoring) pays for no text.</summary>
internal enum ExplainLanguage : byte
{
    None,
    Chinese,
    English,
}

/// <summary>Number formatting and the common words of explanations: invariant, thousands grouped, no trailing zeros.</summary>
internal static class Text
{
    public static ExplainLanguage Explaining(Language language) => language == Language.English ? ExplainLanguage.English : ExplainLanguage.Chinese;

    public static string Num(decimal value) => value.ToString("#,0.####", CultureInfo.InvariantCulture);

    public static string Short(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <summary>"3 of 4" in English, "3/4 分" in Chinese.</summary>
    public static string Of(decimal score, decimal max, ExplainLanguage language) =>
        language == ExplainLanguage.Chinese ? $"{Short(score)}/{Short(max)} 分" : $"{Short(score)} of {Short(max)}";

    public static string WithUnit(decimal value, LocalizedText? unit, ExplainLanguage language) => unit is null ? Num(value) : $"{Num(value)} {Unit(unit, language)}";

    /// <summary>A unit in the language: its English form when English is asked for and it has one, else as written.</summary>
    public static string Unit(LocalizedText unit, ExplainLanguage language) => language == ExplainLanguage.English && unit.En is { } en ? en : unit.Zh;

    /// <summary>The Chinese or the English words, by language.</summary>
    public static string Pick(ExplainLanguage language, string zh, string en) => language == ExplainLanguage.Chinese ? zh : en;

    public static string YesNo(bool yes, ExplainLanguage language) => language == ExplainLanguage.Chinese ? (yes ? "是" : "否") : (yes ? "yes" : "no");

    /// <summary>Whether a document was supplied, in words.</summary>
    public static string Document(bool supplied, ExplainLanguage language) =>
        language == ExplainLanguage.Chinese ? (supplied ? "已提供文件" : "未提供文件") : (supplied ? "document supplied" : "no document");

    /// <summary>The separator of a list inside one line: "，" in Chinese, ", " in English.</summary>
    public static string Comma(ExplainLanguage language) => language == ExplainLanguage.Chinese ? "，" : ", ";

    /// <summary>0 points, missing evidence: "<paramref name="title"/> (<paramref name="key"/>) not supplied".</summary>
    // Stryker disable once Conditional : text built with no language asked for is never read
    public static ScoreOutcome Missing(string title, string key, ExplainLanguage language) =>
        ScoreOutcome.Missing(language == ExplainLanguage.None ? default : new Explanation(Pick(language, "{0} ({1}) 未提供", "{0} ({1}) not supplied"), title, key));

    /// <summary>0 points, error: "<paramref name="title"/> (<paramref name="key"/>) is invalid; see the diagnostics".</summary>
    // Stryker disable once Conditional : text built with no language asked for is never read
    public static ScoreOutcome Invalid(string title, string key, ExplainLanguage language) =>
        ScoreOutcome.Failed(language == ExplainLanguage.None ? default : new Explanation(Pick(language, "{0} ({1}) 无效，详见诊断信息", "{0} ({1}) is invalid; see the diagnostics"), title, key));
}
