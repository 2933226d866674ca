using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace IndicatorEngine;

/// <summary>
/// Writes a <see cref="Scorecard"/> as JSON in the shape of <c>indicators/schema/result.schema.json</c>.
/// Scores are written from their decimals exactly (536.29 stays 536.29, never 536.28999…); Chinese text is
/// written as is, not as \u escapes. Thread-safe.
/// </summary>
public static class ScorecardJson
{
    /// <summary>The <c>$id</c> of the result schema, written as the document's <c>$schema</c>.</summary>
    public const string SchemaUri = "https://indicator-engine.invalid/schema/result.schema.json";

    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);

    /// <summary>Writes the scorecard as one JSON object.</summary>
    /// <param name="scorecard">The scorecard.</param>
    /// <param name="writer">Where to write; not flushed.</param>
    public static void Write(Scorecard scorecard, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        WriteProperties(scorecard, writer);
        writer.WriteEndObject();
    }

    /// <summary>Every property of the result document, in order, into an object already started.</summary>
    internal static void WriteProperties(Scorecard scorecard, Utf8JsonWriter writer)
    {
        writer.WriteString("$schema", SchemaUri);
        writer.WriteString("language", ReportText.LanguageCode(scorecard.Language));
        writer.WriteStartObject("system");
        writer.WriteString("id", scorecard.SystemId);
        writer.WriteString("version", scorecard.SystemVersion);
        writer.WritePropertyName("title");
        WriteText(writer, scorecard.SystemTitle);
        writer.WriteEndObject();
        WriteVerdict(scorecard, writer);
        writer.WriteStartArray("indicators");
        foreach (var indicator in scorecard.Indicators)
        {
            WriteIndicator(writer, indicator);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("missingEvidence");
        foreach (var missing in scorecard.MissingEvidence)
        {
            writer.WriteStartObject();
            writer.WriteString("key", missing.Key);
            writer.WriteString("title", missing.Title);
            writer.WriteStartArray("neededBy");
            foreach (var id in missing.NeededBy)
            {
                writer.WriteStringValue(id);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WritePropertyName("diagnostics");
        DiagnosticsJson.Write(writer, scorecard.Diagnostics);
    }

    /// <summary>Who, the totals, the verdict, grade and vetoes: <c>subject</c> to <c>undecidedVetoes</c> of the result document.</summary>
    internal static void WriteVerdict(Scorecard scorecard, Utf8JsonWriter writer)
    {
        WriteSubject(writer, scorecard.Subject);
        writer.WriteNumber("total", scorecard.Total);
        writer.WriteNumber("totalUpperBound", scorecard.TotalUpperBound);
        writer.WriteNumber("max", scorecard.Max);
        writer.WriteNumber("passThreshold", scorecard.PassThreshold);
        writer.WriteString("passThresholdProvenance", ProvenanceText.Name(scorecard.PassThresholdProvenance));
        writer.WriteString("verdict", ReportText.VerdictCode(scorecard.Verdict));
        writer.WritePropertyName("grade");
        WriteGrade(writer, scorecard.Grade);
        writer.WritePropertyName("gradeUpperBound");
        WriteGrade(writer, scorecard.GradeUpperBound);
        writer.WriteBoolean("vetoed", scorecard.Vetoed);
        WriteVetoes(writer, "vetoes", scorecard.Vetoes);
        WriteVetoes(writer, "undecidedVetoes", scorecard.UndecidedVetoes);
    }

    private static void WriteVetoes(Utf8JsonWriter writer, string name, IReadOnlyList<VetoHit> vetoes)
    {
        writer.WriteStartArray(name);
        foreach (var veto in vetoes)
        {
            writer.WriteStartObject();
            writer.WriteString("id", veto.Id);
            writer.WriteString("title", veto.Title);
            writer.WriteString("reason", veto.Reason);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes the scorecard as UTF-8 JSON (no byte-order mark) to a stream.</summary>
    /// <param name="scorecard">The scorecard.</param>
    /// <param name="stream">Where to write; flushed, not closed.</param>
    /// <param name="indented">True for one property per line, false for the compact form (one line, for NDJSON).</param>
    public static void Write(Scorecard scorecard, Stream stream, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new Utf8JsonWriter(stream, Options(indented));
        Write(scorecard, writer);
        writer.Flush();
    }

    /// <summary>Returns the scorecard as JSON text.</summary>
    /// <param name="scorecard">The scorecard.</param>
    /// <param name="indented">True for one property per line, false for the compact form.</param>
    /// <returns>The JSON document.</returns>
    public static string ToJson(Scorecard scorecard, bool indented = true)
    {
        using var buffer = new MemoryStream();
        Write(scorecard, buffer, indented);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>
    /// Reads a scorecard back from JSON written by <see cref="Write(Scorecard, Utf8JsonWriter)"/>, e.g. to rank or
    /// compare results saved earlier. The text is checked against <c>result.schema.json</c> first.
    /// </summary>
    /// <param name="json">The JSON document.</param>
    /// <param name="name">Name used in diagnostics, e.g. the file name.</param>
    /// <returns>The scorecard, or diagnostics saying what is wrong and where.</returns>
    public static LoadResult<Scorecard> Parse(string json, string name = "<result>")
    {
        ArgumentNullException.ThrowIfNull(json);
        return ScorecardReader.Parse(json, name);
    }

    /// <summary>The writer options the reports use: Chinese unescaped, optionally indented.</summary>
    internal static JsonWriterOptions Options(bool indented) => new() { Indented = indented, Encoder = Encoder };

    private static void WriteSubject(Utf8JsonWriter writer, ScoredSubject subject)
    {
        writer.WriteStartObject("subject");
        writer.WriteString("id", subject.Id);
        writer.WriteString("name", subject.Name);
        writer.WriteString("profile", subject.Profile);
        if (subject.Region is { } region)
        {
            writer.WriteStartObject("region");
            writer.WriteString("province", region.Province);
            writer.WriteString("city", region.City);
            writer.WriteString("county", region.County);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("region");
        }

        if (subject.Period is { } period)
        {
            writer.WriteNumber("period", period);
        }
        else
        {
            writer.WriteNull("period");
        }

        writer.WriteEndObject();
    }

    private static void WriteGrade(Utf8JsonWriter writer, Grade? grade)
    {
        if (grade is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("id", grade.Id);
        writer.WritePropertyName("title");
        WriteText(writer, grade.Title);
        writer.WriteNumber("minScore", grade.MinScore);
        writer.WriteString("provenance", ProvenanceText.Name(grade.Provenance));
        writer.WriteEndObject();
    }

    private static void WriteIndicator(Utf8JsonWriter writer, IndicatorScore score)
    {
        writer.WriteStartObject();
        writer.WriteString("id", score.Id);
        writer.WritePropertyName("title");
        WriteText(writer, score.Title);
        writer.WriteNumber("score", score.Score);
        writer.WriteNumber("max", score.Max);
        if (score.SelfScore is { } self)
        {
            writer.WriteNumber("selfScore", self);
        }

        writer.WriteString("status", ReportText.Status(score.Status));
        writer.WriteString("explanation", score.Explanation);
        writer.WriteString("provenance", ProvenanceText.Name(score.Provenance));
        writer.WriteString("source", score.Source);
        writer.WriteStartArray("children");
        foreach (var child in score.Children)
        {
            WriteIndicator(writer, child);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteText(Utf8JsonWriter writer, LocalizedText text)
    {
        writer.WriteStartObject();
        writer.WriteString("zh", text.Zh);
        writer.WriteString("en", text.En);
        writer.WriteEndObject();
    }
}
