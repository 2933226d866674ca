using System.Globalization;
using System.Text;
using System.Text.Json;

namespace IndicatorEngine.Batch;

/// <summary>Writes <see cref="GeneratedSubject"/>s as NDJSON or CSV, each in the form its batch reader reads back to the same evidence.</summary>
internal static class GeneratedWriter
{
    private static readonly string[] FixedColumns = ["id", "name", "profile", "province", "city", "county", "period"];

    public static void Ndjson(Stream output, IndicatorSystem system, IEnumerable<GeneratedSubject> subjects)
    {
        var catalogue = system.EvidenceCatalogue;
        using var writer = new Utf8JsonWriter(output, ScorecardJson.Options(false));
        foreach (var subject in subjects)
        {
            writer.Reset(output);
            writer.WriteStartObject();
            writer.WriteString("system", system.Id);
            writer.WriteString("id", subject.Id);
            writer.WriteString("name", subject.Name);
            writer.WriteString("profile", subject.Profile);
            writer.WriteStartObject("region");
            writer.WriteString("province", subject.Region.Province);
            writer.WriteString("city", subject.Region.City);
            writer.WriteString("county", subject.Region.County);
            writer.WriteEndObject();
            writer.WriteNumber("period", subject.Period);
            writer.WriteStartObject("values");
            var documents = false;
            for (var slot = 0; slot < catalogue.Count; slot++)
            {
                var value = subject.Values[slot];
                if (value is null)
                {
                    continue;
                }

                if (catalogue[slot].Type == EvidenceType.Document && value is string[])
                {
                    documents = true;
                    continue;
                }

                writer.WritePropertyName(catalogue[slot].Key);
                switch (value)
                {
                    case bool b:
                        writer.WriteBooleanValue(b);
                        break;
                    case decimal d:
                        writer.WriteNumberValue(d);
                        break;
                    case string[] items:
                        writer.WriteStartArray();
                        foreach (var item in items)
                        {
                            writer.WriteStringValue(item);
                        }

                        writer.WriteEndArray();
                        break;
                    default:
                        writer.WriteStringValue((string)value);
                        break;
                }
            }

            writer.WriteEndObject();
            if (documents)
            {
                writer.WriteStartArray("documents");
                for (var slot = 0; slot < catalogue.Count; slot++)
                {
                    if (catalogue[slot].Type == EvidenceType.Document && subject.Values[slot] is string[] names)
                    {
                        foreach (var name in names)
                        {
                            writer.WriteStartObject();
                            writer.WriteString("name", name);
                            writer.WriteString("kind", catalogue[slot].Key);
                            writer.WriteEndObject();
                        }
                    }
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            writer.Flush();
            output.WriteByte((byte)'\n');
        }

        output.Flush();
    }

    public static void Csv(Stream output, IndicatorSystem system, IEnumerable<GeneratedSubject> subjects, Encoding encoding)
    {
        var catalogue = system.EvidenceCatalogue;
        using var text = new StreamWriter(output, encoding, 64 * 1024, leaveOpen: true) { NewLine = "\n" };
        text.WriteLine(string.Join(",", FixedColumns.Concat(catalogue.Select(d => Cell(d.Key)))));
        var row = new StringBuilder();
        foreach (var subject in subjects)
        {
            row.Clear();
            row.Append(Cell(subject.Id)).Append(',').Append(Cell(subject.Name)).Append(',').Append(Cell(subject.Profile))
                .Append(',').Append(Cell(subject.Region.Province)).Append(',').Append(Cell(subject.Region.City))
                .Append(',').Append(Cell(subject.Region.County)).Append(',').Append(subject.Period.ToString(CultureInfo.InvariantCulture));
            foreach (var value in subject.Values)
            {
                row.Append(',').Append(value switch
                {
                    null => "",
                    bool b => b ? "true" : "false",
                    decimal d => d.ToString(CultureInfo.InvariantCulture),
                    string[] items => Cell(string.Join(";", items)),
                    _ => Cell((string)value),
                });
            }

            text.WriteLine(row);
        }

        text.Flush();
    }

    /// <summary>A cell, quoted when it holds a comma, a quote or a line break, or begins or ends with a space (which the reader would trim).</summary>
    private static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var quote = value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]);
        return quote ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
