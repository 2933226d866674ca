using System.Text.Json;

namespace IndicatorEngine.Cli.Comparing;

/// <summary>
/// A <see cref="BatchComparison"/> as JSON, in the stable shape docs/compare.md describes: <c>kind</c>, <c>language</c>,
/// <c>top</c>, <c>counts</c>, then the lists <c>up</c>, <c>down</c>, <c>rankChanges</c>, <c>newlyPassing</c>,
/// <c>newlyFailing</c> (moves) and <c>added</c>, <c>missing</c> (subjects), each cut to <c>top</c>.
/// </summary>
internal static class BatchComparisonJson
{
    public static string ToJson(BatchComparison comparison, Language language) =>
        ResultComparisonJson.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("kind", "batch-comparison");
            WriteProperties(writer, comparison, language);
            writer.WriteEndObject();
        });

    /// <summary>Every property but <c>kind</c>, into an object already started (a diff's <c>replay</c> too).</summary>
    public static void WriteProperties(Utf8JsonWriter writer, BatchComparison comparison, Language language)
    {
        writer.WriteString("language", ReportText.LanguageCode(language));
        writer.WriteNumber("top", comparison.Top);
        var c = comparison.Counts;
        writer.WriteStartObject("counts");
        writer.WriteNumber("old", c.Old);
        writer.WriteNumber("new", c.New);
        writer.WriteNumber("matched", c.Matched);
        writer.WriteNumber("added", c.Added);
        writer.WriteNumber("missing", c.Missing);
        writer.WriteNumber("up", c.Up);
        writer.WriteNumber("down", c.Down);
        writer.WriteNumber("unchanged", c.Unchanged);
        writer.WriteNumber("newlyPassing", c.NewlyPassing);
        writer.WriteNumber("newlyFailing", c.NewlyFailing);
        writer.WriteNumber("verdictChanged", c.VerdictChanged);
        writer.WriteNumber("gradeChanged", c.GradeChanged);
        writer.WriteNumber("rankChanged", c.RankChanged);
        writer.WriteNumber("oldErrors", c.OldErrors);
        writer.WriteNumber("newErrors", c.NewErrors);
        writer.WriteEndObject();
        Moves(writer, "up", comparison.Up, language);
        Moves(writer, "down", comparison.Down, language);
        Moves(writer, "rankChanges", comparison.RankChanges, language);
        Moves(writer, "newlyPassing", comparison.NewlyPassing, language);
        Moves(writer, "newlyFailing", comparison.NewlyFailing, language);
        Entries(writer, "added", comparison.Added, language);
        Entries(writer, "missing", comparison.Missing, language);
    }

    private static void Moves(Utf8JsonWriter writer, string name, IReadOnlyList<SubjectMove> moves, Language language)
    {
        writer.WriteStartArray(name);
        foreach (var move in moves)
        {
            writer.WriteStartObject();
            writer.WriteString("id", move.Id);
            writer.WriteString("name", move.New.Name);
            Entry(writer, "old", move.Old, language);
            Entry(writer, "new", move.New, language);
            writer.WriteNumber("delta", move.Delta);
            NumberOrNull(writer, "rankDelta", move.RankDelta);

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void Entries(Utf8JsonWriter writer, string name, IReadOnlyList<BatchEntry> entries, Language language)
    {
        writer.WriteStartArray(name);
        foreach (var entry in entries)
        {
            writer.WriteStartObject();
            writer.WriteString("id", entry.Id);
            writer.WriteString("name", entry.Name);
            Fields(writer, entry, language);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void Entry(Utf8JsonWriter writer, string name, BatchEntry entry, Language language)
    {
        writer.WriteStartObject(name);
        Fields(writer, entry, language);
        writer.WriteEndObject();
    }

    private static void Fields(Utf8JsonWriter writer, BatchEntry entry, Language language)
    {
        writer.WriteNumber("line", entry.Line);
        writer.WriteNumber("total", entry.Total);
        writer.WriteString("verdict", ReportText.VerdictCode(entry.Verdict));
        writer.WriteBoolean("vetoed", entry.Vetoed);
        if (entry.GradeId is { } grade)
        {
            writer.WriteStartObject("grade");
            writer.WriteString("id", grade);
            writer.WriteString("title", BatchComparisonText.GradeName(entry, language));
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("grade");
        }

        NumberOrNull(writer, "rank", entry.Rank);
    }

    private static void NumberOrNull(Utf8JsonWriter writer, string name, long? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
