namespace IndicatorEngine.Cli.Comparing;

/// <summary>A <see cref="DefinitionChange"/> in words a reviewer reads, in Chinese or English.</summary>
internal static class DiffWords
{
    private static readonly Dictionary<string, (string Zh, string En)> Names = new(StringComparer.Ordinal)
    {
        ["points"] = ("分值", "points"),
        ["weight"] = ("权重", "weight"),
        ["bonus"] = ("扩展项", "extension item"),
        ["bonusPoints"] = ("扩展加分上限", "bonus cap"),
        ["description"] = ("说明", "description"),
        ["source"] = ("出处", "source"),
        ["provenance"] = ("来源标注", "provenance"),
        ["evidence"] = ("佐证项", "evidence"),
        ["passThreshold"] = ("申报条件（及格线）", "pass bar"),
        ["passThresholdProvenance"] = ("申报条件来源标注", "pass bar provenance"),
        ["notApplicable"] = ("不适用的指标", "indicators not applicable"),
        ["minScore"] = ("最低分", "lowest total"),
        ["version"] = ("版本", "version"),
        ["id"] = ("编号", "id"),
        ["precision"] = ("小数位数", "decimal places"),
        ["defaultProfile"] = ("默认类型", "default profile"),
        ["language"] = ("语言", "language"),
        ["title.zh"] = ("中文标题", "Chinese title"),
        ["title.en"] = ("英文标题", "English title"),
        ["aggregation"] = ("汇总方式", "aggregation"),
        ["rule"] = ("评分规则", "rule"),
        ["rule.type"] = ("评分规则类型", "rule type"),
        ["when"] = ("触发条件", "condition"),
        ["type"] = ("类型", "type"),
        ["unit"] = ("单位", "unit"),
        ["min"] = ("最小值", "minimum"),
        ["max"] = ("最大值", "maximum"),
        ["values"] = ("取值", "values"),
        ["fixed"] = ("学校既有事实（计划不改变）", "fact of the school (not changed by a plan)"),
        ["title"] = ("标题", "title"),
        ["atLeast"] = ("门槛（至少）", "at least"),
        ["atMost"] = ("上限（至多）", "at most"),
        ["greaterThan"] = ("大于", "greater than"),
        ["lessThan"] = ("小于", "less than"),
        ["target"] = ("目标值", "target"),
        ["from"] = ("起点", "from"),
        ["partial"] = ("部分得分", "partial credit"),
        ["bands"] = ("分档", "band"),
        ["items"] = ("清单项", "item"),
        ["expression"] = ("公式", "formula"),
        ["formula"] = ("公式", "formula"),
        ["per"] = ("分母", "per"),
        ["scale"] = ("倍数", "scale"),
        ["expected"] = ("期望值", "expected value"),
        ["scorer"] = ("插件", "plugin"),
        ["options"] = ("插件选项", "plugin options"),
        ["label"] = ("标签", "label"),
        ["equals"] = ("等于", "equals"),
        ["share"] = ("比例", "share"),
        ["mean"] = ("均值", "mean"),
        ["profile"] = ("类型", "profile"),
        ["passed"] = ("达标", "passed"),
        ["kind"] = ("方式", "kind"),
        ["children"] = ("下级指标的顺序", "order of its children"),
        ["indicators"] = ("一级指标的顺序", "order of the first-level indicators"),
    };

    /// <summary>The change as one sentence.</summary>
    public static string Sentence(DefinitionChange change, Language language)
    {
        var zh = language != Language.English;
        var noun = Noun(change, language);
        var title = change.Title is { } t && (t.Zh.Length > 0 || t.En is not null) ? (zh ? $"「{ReportText.Title(t, language)}」" : $" \"{ReportText.Title(t, language)}\"") : "";
        // The system is the one thing of its kind: its id and title are among its own settings.
        var what = change.Area == ChangeArea.System ? noun : $"{noun} {change.Id}{title}";
        return change.Kind switch
        {
            ChangeKind.Added when change.Area == ChangeArea.Indicator => zh
                ? $"新增{what}（{change.Points ?? "?"} 分，位于{Parent(change.New, language)}）"
                : $"Added {what} ({change.Points ?? "?"} points, {Parent(change.New, language)})",
            ChangeKind.Added => zh ? $"新增{what}" : $"Added {what}",
            ChangeKind.Removed => zh ? $"删除{what}" : $"Removed {what}",
            ChangeKind.Moved => zh
                ? $"{what}从{Parent(change.Old, language)}移到{Parent(change.New, language)}"
                : $"Moved {what} from {Parent(change.Old, language)} to {Parent(change.New, language)}",
            ChangeKind.Retitled => zh
                ? $"{noun} {change.Id} 改名：「{change.Old}」→「{change.New}」"
                : $"Renamed {noun} {change.Id}: \"{change.Old}\" → \"{change.New}\"",
            _ when change.Setting is "description" or "source" => zh
                ? $"{what}的{Setting(change.Setting, language)} 有改动"
                : $"{Upper(what)}: {Setting(change.Setting, language)} reworded",
            _ => zh
                ? $"{what}的{Setting(change.Setting!, language)}：{Value(change.Old, language)} → {Value(change.New, language)}"
                : $"{Upper(what)}: {Setting(change.Setting!, language)} {Value(change.Old, language)} → {Value(change.New, language)}",
        };
    }

    /// <summary>The heading of an area's changes.</summary>
    public static string Area(ChangeArea area, Language language) => area switch
    {
        ChangeArea.System => ReportText.Pick(language, "指标体系", "System"),
        ChangeArea.Profile => ReportText.Pick(language, "类型（申报条件）", "Profiles (pass bars)"),
        ChangeArea.Grade => ReportText.Pick(language, "等级", "Grades"),
        ChangeArea.Veto => ReportText.Pick(language, "一票否决", "Vetoes"),
        ChangeArea.Evidence => ReportText.Pick(language, "佐证项", "Evidence keys"),
        ChangeArea.Target => ReportText.Pick(language, "区域目标", "Regional targets"),
        _ => ReportText.Pick(language, "指标与观测点", "Indicators and observation points"),
    };

    /// <summary>The kind as the JSON names it.</summary>
    public static string KindCode(ChangeKind kind) => kind switch
    {
        ChangeKind.Added => "added",
        ChangeKind.Removed => "removed",
        ChangeKind.Moved => "moved",
        ChangeKind.Retitled => "retitled",
        _ => "changed",
    };

    /// <summary>The area as the JSON names it.</summary>
    public static string AreaCode(ChangeArea area) => area.ToString().ToLowerInvariant();

    /// <summary>
    /// A setting's path in words: each part named (<c>rule.bands[1].atLeast</c> is 评分规则 › 分档 2 › 门槛（至少）, "rule ›
    /// band 2 › at least"), the path itself after it in brackets so that it can be found in the file.
    /// </summary>
    public static string Setting(string path, Language language)
    {
        if (Names.TryGetValue(path, out var whole))
        {
            var name = language == Language.English ? whole.En : whole.Zh;
            return name == path ? path : $"{name} ({path})";
        }

        var parts = path.Split('.').Select(part =>
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? part : part[..bracket];
            var words = Names.TryGetValue(name, out var n) ? (language == Language.English ? n.En : n.Zh) : name;
            if (bracket >= 0 && int.TryParse(part[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture, out var index))
            {
                words += $" {index + 1}";
            }

            return words;
        });
        return $"{string.Join(" › ", parts)} ({path})";
    }

    private static string Noun(DefinitionChange change, Language language) => change.Area switch
    {
        ChangeArea.System => ReportText.Pick(language, "指标体系", "system"),
        ChangeArea.Profile => ReportText.Pick(language, "类型", "profile"),
        ChangeArea.Grade when change.Scope is { } profile => ReportText.Pick(language, $"类型 {profile} 的等级", $"grade of profile {profile}"),
        ChangeArea.Grade => ReportText.Pick(language, "等级", "grade"),
        ChangeArea.Veto => ReportText.Pick(language, "一票否决项", "veto"),
        ChangeArea.Evidence => ReportText.Pick(language, "佐证项", "evidence key"),
        ChangeArea.Target => ReportText.Pick(language, "区域目标", "target"),
        _ when change.IsPoint => ReportText.Pick(language, "观测点", "observation point"),
        _ => ReportText.Pick(language, "指标", "indicator"),
    };

    private static string Parent(string? id, Language language) => id is null
        ? ReportText.Pick(language, "顶层（一级指标）", "the top level")
        : ReportText.Pick(language, $" {id} 下", $"under {id}");

    private static string Value(string? value, Language language) => value ?? ReportText.Pick(language, "（无）", "(none)");

    private static string Upper(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
