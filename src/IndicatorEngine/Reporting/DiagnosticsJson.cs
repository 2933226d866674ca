using System.Text.Json;

namespace IndicatorEngine;

/// <summary>
/// Writes diagnostics as a JSON array of <c>{ code, severity, message, file, pointer, line, column }</c>, the
/// shape of a scorecard's <c>diagnostics</c> in <c>indicators/schema/result.schema.json</c>. Thread-safe.
/// </summary>
public static class DiagnosticsJson
{
    /// <summary>Writes the diagnostics as one JSON array.</summary>
    /// <param name="writer">Where to write; not flushed.</param>
    /// <param name="diagnostics">The diagnostics, in order.</param>
    public static void Write(Utf8JsonWriter writer, IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(diagnostics);
        writer.WriteStartArray();
        foreach (var diagnostic in diagnostics)
        {
            writer.WriteStartObject();
            writer.WriteString("code", diagnostic.Code);
            writer.WriteString("severity", ReportText.Severity(diagnostic.Severity));
            writer.WriteString("message", diagnostic.Message);
            writer.WriteString("file", diagnostic.File);
            writer.WriteString("pointer", diagnostic.Pointer);
            writer.WriteNumber("line", diagnostic.Line);
            writer.WriteNumber("column", diagnostic.Column);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes the diagnostics as a UTF-8 JSON array (no byte-order mark) to a stream.</summary>
    /// <param name="diagnostics">The diagnostics, in order.</param>
    /// <param name="stream">Where to write; flushed, not closed.</param>
    /// <param name="indented">True for one property per line, false for one line.</param>
    public static void Write(IEnumerable<Diagnostic> diagnostics, Stream stream, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new Utf8JsonWriter(stream, ScorecardJson.Options(indented));
        Write(writer, diagnostics);
        writer.Flush();
    }
}
