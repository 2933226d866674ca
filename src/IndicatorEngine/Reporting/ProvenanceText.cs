namespace IndicatorEngine;

/// <summary>
/// How reports name and mark a <see cref="Provenance"/>: its name in definitions and results, the short mark
/// the table and the Markdown put after the title of a point that is not published as scored, the legend for
/// those marks, and the note after a threshold or grade band the definition's authors set.
/// </summary>
internal static class ProvenanceText
{
    /// <summary>After the title of a modelled point.</summary>
    public const string ModeledMark = "†";

    /// <summary>After the title of a published point scored by a rule of the definition's authors.</summary>
    public const string OurRuleMark = "*";

    /// <summary>What the marks mean, one line.</summary>
    public static string Legend(Language language) => language == Language.English
        ? ModeledMark + " modelled by this project, not in the source; " + OurRuleMark + " published point, scoring rule set by this project"
        : ModeledMark + " 本项目建模的观测点（原文未公布）；" + OurRuleMark + " 已公布的观测点，评分规则由本项目设定";

    /// <summary>The name written in definitions and results: <c>published</c>, <c>our-rule</c> or <c>modeled</c>.</summary>
    public static string Name(Provenance provenance) => provenance switch
    {
        Provenance.OurRule => "our-rule",
        Provenance.Modeled => "modeled",
        _ => "published",
    };

    /// <summary>The provenance a name stands for; <see cref="Provenance.Published"/> when there is none (the schema allows only the three names).</summary>
    public static Provenance Parse(string? name) => name switch
    {
        "our-rule" => Provenance.OurRule,
        "modeled" => Provenance.Modeled,
        _ => Provenance.Published,
    };

    /// <summary>The mark after a title, with its leading space; empty for a published point.</summary>
    public static string Mark(Provenance provenance) => provenance switch
    {
        Provenance.OurRule => " " + OurRuleMark,
        Provenance.Modeled => " " + ModeledMark,
        _ => "",
    };

    /// <summary>The note after a threshold or band a definition's authors set, with its leading space; empty when published.</summary>
    public static string Note(Provenance provenance, Language language) =>
        provenance == Provenance.Published ? "" : language == Language.English ? " (set by this project, not by the source)" : "（本项目设定，非原文）";
}
