using System.Text;
using System.Text.Json;

namespace IndicatorEngine.Cli.Comparing;

/// <summary>
/// A <see cref="ResultComparison"/> as JSON, in the stable shape docs/compare.md describes: <c>kind</c>,
/// <c>language</c>, <c>old</c> and <c>new</c> (who and the totals of each), <c>notes</c>, <c>total</c>,
/// <c>totalUpperBound</c>, <c>verdictChanged</c>, <c>gradeChanged</c>, <c>changes</c> (largest first),
/// <c>firstLevel</c>, <c>onlyInOld</c>, <c>onlyInNew</c>.
/// </summary>
internal static class ResultComparisonJson
{
    public static string ToJson(ResultComparison comparison, Language language) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("kind", "result-comparison");
        writer.WriteString("language", ReportText.LanguageCode(language));
        Side(writer, "old", comparison.Old, language);
        Side(writer, "new", comparison.New, language);
        Notes(writer, CompareWords.Mismatches(comparison, language));
        Delta(writer, "total", comparison.Old.Total, comparison.New.Total);
        Delta(writer, "totalUpperBound", comparison.Old.TotalUpperBound, comparison.New.TotalUpperBound);
        writer.WriteBoolean("verdictChanged", comparison.VerdictChanged);
        writer.WriteBoolean("gradeChanged", comparison.GradeChanged);
        Deltas(writer, "changes", comparison.Changes, language);
        Deltas(writer, "firstLevel", comparison.FirstLevel, language);
        Sides(writer, "onlyInOld", comparison.OnlyInOld, language);
        Sides(writer, "onlyInNew", comparison.OnlyInNew, language);
        writer.WriteEndObject();
    });

    /// <summary>Runs <paramref name="write"/> on an indented writer that leaves Chinese as it is; the text, ending with a line break.</summary>
    internal static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, ScorecardJson.Options(indented: true)))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length) + "\n";
    }

    internal static void Notes(Utf8JsonWriter writer, IEnumerable<string> notes)
    {
        writer.WriteStartArray("notes");
        foreach (var note in notes)
        {
            writer.WriteStringValue(note);
        }

        writer.WriteEndArray();
    }

    /// <summary><c>"name": { "old", "new", "delta" }</c>.</summary>
    internal static void Delta(Utf8JsonWriter writer, string name, decimal old, decimal @new)
    {
        writer.WriteStartObject(name);
        writer.WriteNumber("old", old);
        writer.WriteNumber("new", @new);
        writer.WriteNumber("delta", @new - old);
        writer.WriteEndObject();
    }

    private static void Side(Utf8JsonWriter writer, string name, Scorecard card, Language language)
    {
        writer.WriteStartObject(name);
        writer.WriteStartObject("system");
        writer.WriteString("id", card.SystemId);
        writer.WriteString("version", card.SystemVersion);
        writer.WriteEndObject();
        writer.WriteStartObject("subject");
        writer.WriteString("id", card.Subject.Id);
        writer.WriteString("name", card.Subject.Name);
        writer.WriteString("profile", card.Subject.Profile);
        writer.WriteEndObject();
        writer.WriteNumber("total", card.Total);
        writer.WriteNumber("totalUpperBound", card.TotalUpperBound);
        writer.WriteNumber("max", card.Max);
        writer.WriteNumber("passThreshold", card.PassThreshold);
        writer.WriteString("verdict", ReportText.VerdictCode(card.Verdict));
        writer.WriteBoolean("vetoed", card.Vetoed);
        Grade(writer, "grade", card.Grade, language);
        writer.WriteEndObject();
    }

    /// <summary><c>"name": { "id", "title" }</c>, or null.</summary>
    internal static void Grade(Utf8JsonWriter writer, string name, Grade? grade, Language language)
    {
        if (grade is null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WriteStartObject(name);
        writer.WriteString("id", grade.Id);
        writer.WriteString("title", ReportText.Title(grade.Title, language));
        writer.WriteEndObject();
    }

    private static void Deltas(Utf8JsonWriter writer, string name, IReadOnlyList<IndicatorDelta> deltas, Language language)
    {
        writer.WriteStartArray(name);
        foreach (var delta in deltas)
        {
            writer.WriteStartObject();
            writer.WriteString("id", delta.Id);
            writer.WriteString("title", ReportText.Title(delta.New.Score.Title, language));
            writer.WriteNumber("level", delta.New.Level);
            writer.WriteBoolean("point", delta.IsPoint);
            Score(writer, "old", delta.Old.Score);
            Score(writer, "new", delta.New.Score);
            writer.WriteNumber("delta", delta.Delta);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void Sides(Utf8JsonWriter writer, string name, IReadOnlyList<IndicatorSide> sides, Language language)
    {
        writer.WriteStartArray(name);
        foreach (var side in sides)
        {
            writer.WriteStartObject();
            writer.WriteString("id", side.Score.Id);
            writer.WriteString("title", ReportText.Title(side.Score.Title, language));
            writer.WriteNumber("level", side.Level);
            writer.WriteBoolean("point", side.IsPoint);
            writer.WriteNumber("score", side.Score.Score);
            writer.WriteNumber("max", side.Score.Max);
            writer.WriteString("status", ReportText.Status(side.Score.Status));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void Score(Utf8JsonWriter writer, string name, IndicatorScore score)
    {
        writer.WriteStartObject(name);
        writer.WriteNumber("score", score.Score);
        writer.WriteNumber("max", score.Max);
        writer.WriteString("status", ReportText.Status(score.Status));
        writer.WriteEndObject();
    }
}
