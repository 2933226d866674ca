using System.Text.Json;

namespace IndicatorEngine.Benchmarks;

/// <summary>
/// Writes evidence documents as the CSV a batch reads: a header <c>id,name,profile,province,city,county,period</c>
/// and then one column per key of the system's evidence catalogue (a document key's column holds its documents'
/// names separated by <c>;</c>, as does a list's); one row per subject, cells quoted when they need it.
/// </summary>
public static class EvidenceCsv
{
    private static readonly string[] Fixed = ["id", "name", "profile", "province", "city", "county", "period"];

    public static void Write(TextWriter output, IndicatorSystem system, IEnumerable<byte[]> evidence)
    {
        var keys = system.EvidenceCatalogue.Select(d => d.Key).ToList();
        var documentKeys = system.EvidenceCatalogue.Where(d => d.Type == EvidenceType.Document).Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
        output.Write(string.Join(",", Fixed.Concat(keys)));
        output.Write('\n');
        var cells = new string[Fixed.Length + keys.Count];
        foreach (var bytes in evidence)
        {
            Array.Fill(cells, "");
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            cells[0] = Text(root, "id");
            cells[1] = Text(root, "name");
            cells[2] = Text(root, "profile");
            if (root.TryGetProperty("region", out var region))
            {
                cells[3] = Text(region, "province");
                cells[4] = Text(region, "city");
                cells[5] = Text(region, "county");
            }

            cells[6] = root.TryGetProperty("period", out var period) ? period.GetRawText() : "";
            foreach (var value in root.GetProperty("values").EnumerateObject())
            {
                var column = Fixed.Length + keys.IndexOf(value.Name);
                cells[column] = value.Value.ValueKind switch
                {
                    JsonValueKind.String => value.Value.GetString()!,
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    JsonValueKind.Number => value.Value.GetRawText(),
                    JsonValueKind.Array => string.Join(";", value.Value.EnumerateArray().Select(i => i.GetString())),
                    _ => "",
                };
            }

            if (root.TryGetProperty("documents", out var documents))
            {
                foreach (var group in documents.EnumerateArray().GroupBy(d => d.GetProperty("kind").GetString()!))
                {
                    if (documentKeys.Contains(group.Key))
                    {
                        cells[Fixed.Length + keys.IndexOf(group.Key)] = string.Join(";", group.Select(d => d.GetProperty("name").GetString()));
                    }
                }
            }

            output.Write(string.Join(",", cells.Select(Quote)));
            output.Write('\n');
        }
    }

    /// <summary>A cell as CSV writes it: quoted (with quotes doubled) when it holds a comma, a quote, a line break or outer spaces.</summary>
    public static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (cell.Length > 0 && (cell[0] == ' ' || cell[^1] == ' '))
            ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : cell;

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
}
