using System.Text;
using IndicatorEngine.Cli.Rendering;

namespace IndicatorEngine.Cli.Comparing;

/// <summary>
/// A definition diff (and, after a replay, what it does to the subjects) as text, Markdown or JSON: the two
/// versions, the number of changes of each kind, then every change in words, grouped by area.
/// </summary>
internal sealed record DefinitionDiffReport(IndicatorSystem Old, IndicatorSystem New, IReadOnlyList<DefinitionChange> Changes, BatchComparison? Replay)
{
    public string Text(Language language, ConsoleTarget target)
    {
        var report = new TextReport(target);
        report.Labelled(
        [
            (ReportText.Pick(language, "旧版本", "Old"), Describe(Old, language)),
            (ReportText.Pick(language, "新版本", "New"), Describe(New, language)),
            (ReportText.Pick(language, "改动", "Changes"), Counts(language)),
        ]);
        foreach (var group in Changes.GroupBy(c => c.Area))
        {
            report.Heading(DiffWords.Area(group.Key, language));
            report.Bullets(group.Select(change => DiffWords.Sentence(change, language)));
        }

        if (Replay is { } replay)
        {
            report.Heading(ReportText.Pick(language, "重新评分：每所学校在两个版本下的变化", "Replay: every subject scored under both versions"));
            BatchComparisonText.AddTo(report, replay, language);
        }

        return report.Render();
    }

    public string Markdown(Language language)
    {
        var text = new StringBuilder();
        text.Append(ReportText.Pick(language, "# 指标体系定义的改动\n\n", "# Changes to the definition\n\n"));
        text.Append($"- {ReportText.Pick(language, "旧版本", "Old")}: {Md(Describe(Old, language))}\n");
        text.Append($"- {ReportText.Pick(language, "新版本", "New")}: {Md(Describe(New, language))}\n");
        text.Append($"- {ReportText.Pick(language, "改动", "Changes")}: {Md(Counts(language))}\n");
        foreach (var group in Changes.GroupBy(c => c.Area))
        {
            text.Append($"\n## {DiffWords.Area(group.Key, language)}\n\n");
            foreach (var change in group)
            {
                text.Append($"- {Md(DiffWords.Sentence(change, language))}\n");
            }
        }

        if (Replay is { } replay)
        {
            // The replay's tables are the text report's, kept as they are in a fenced block.
            text.Append(ReportText.Pick(language, "\n## 重新评分\n\n```text\n", "\n## Replay\n\n```text\n"));
            text.Append(BatchComparisonText.AddTo(new TextReport(ConsoleTarget.Plain()), replay, language).Render().Replace("```", "'''", StringComparison.Ordinal));
            text.Append("```\n");
        }

        return SafeText.Document(text.ToString());
    }

    public string Json(Language language) => SafeText.Document(ResultComparisonJson.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("kind", "definition-diff");
        writer.WriteString("language", ReportText.LanguageCode(language));
        foreach (var (name, system) in new[] { ("old", Old), ("new", New) })
        {
            writer.WriteStartObject(name);
            writer.WriteString("id", system.Id);
            writer.WriteString("version", system.Version);
            writer.WriteString("source", system.SourceName);
            writer.WriteEndObject();
        }

        writer.WriteStartObject("counts");
        foreach (var kind in Enum.GetValues<ChangeKind>())
        {
            writer.WriteNumber(DiffWords.KindCode(kind), Changes.Count(c => c.Kind == kind));
        }

        writer.WriteEndObject();
        writer.WriteStartArray("changes");
        foreach (var change in Changes)
        {
            writer.WriteStartObject();
            writer.WriteString("area", DiffWords.AreaCode(change.Area));
            writer.WriteString("kind", DiffWords.KindCode(change.Kind));
            writer.WriteString("id", change.Id);
            if (change.Area == ChangeArea.Indicator)
            {
                writer.WriteBoolean("point", change.IsPoint);
            }

            if (change.Scope is { } scope)
            {
                writer.WriteString("profile", scope);
            }

            writer.WriteString("setting", change.Setting);
            writer.WriteString("old", change.Old);
            writer.WriteString("new", change.New);
            writer.WriteString("text", DiffWords.Sentence(change, language));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (Replay is { } replay)
        {
            writer.WriteStartObject("replay");
            BatchComparisonJson.WriteProperties(writer, replay, language);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }));

    private static string Describe(IndicatorSystem system, Language language) =>
        $"{ReportText.Title(system.Title, language)} ({system.Id} {system.Version}; {system.SourceName})";

    private string Counts(Language language)
    {
        int Count(ChangeKind kind) => Changes.Count(c => c.Kind == kind);
        return Changes.Count == 0
            ? ReportText.Pick(language, "无（两个版本定义的内容相同）", "none (both versions define the same)")
            : ReportText.Pick(language,
                $"共 {Changes.Count} 处：新增 {Count(ChangeKind.Added)}，删除 {Count(ChangeKind.Removed)}，移动 {Count(ChangeKind.Moved)}，改名 {Count(ChangeKind.Retitled)}，修改 {Count(ChangeKind.Changed)}",
                $"{Changes.Count}: added {Count(ChangeKind.Added)}, removed {Count(ChangeKind.Removed)}, moved {Count(ChangeKind.Moved)}, renamed {Count(ChangeKind.Retitled)}, changed {Count(ChangeKind.Changed)}");
    }

    /// <summary>Markdown's own characters in text from a definition escaped, so that a title cannot become a link or a heading.</summary>
    private static string Md(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
