using System.Text;
using System.Text.Json;

namespace IndicatorEngine.Cli.Commands;

/// <summary>
/// A second, shallow look at a JSON file the library has already read (so it is a regular file within the size
/// limit): the names of its top-level properties and where its top-level <c>"system"</c> string is. Used to
/// tell a user who swapped DEFINITION and EVIDENCE what happened, and to notice evidence gathered for another
/// system. Never throws for bad input: an unreadable or malformed file gives <c>null</c>.
/// </summary>
internal sealed record JsonPeek(IReadOnlySet<string> TopLevel, string? System, int SystemLine, int SystemColumn)
{
    /// <summary>An indicator system definition has indicators; evidence has values and no indicators.</summary>
    public bool LooksLikeEvidence => TopLevel.Contains("values") && !TopLevel.Contains("indicators");

    /// <summary>Evidence has no indicators; a definition does.</summary>
    public bool LooksLikeDefinition => TopLevel.Contains("indicators") && !TopLevel.Contains("values");

    public static JsonPeek? Read(string path, long maxBytes)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.Length > maxBytes || (info.Attributes & FileAttributes.Directory) != 0)
            {
                return null;
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return null;
        }

        var span = bytes.AsSpan();
        if (span.StartsWith("\uFEFF"u8))
        {
            span = span[3..];
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        string? system = null;
        int line = 0, column = 0;
        try
        {
            var reader = new Utf8JsonReader(span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString() ?? "";
                names.Add(name);
                reader.Read();
                if (name == "system" && reader.TokenType == JsonTokenType.String && system is null)
                {
                    system = reader.GetString();
                    (line, column) = Position(span, (int)reader.TokenStartIndex);
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return new JsonPeek(names, system, line, column);
    }

    /// <summary>1-based line and column (in characters) of a byte offset.</summary>
    private static (int Line, int Column) Position(ReadOnlySpan<byte> text, int offset)
    {
        var before = text[..offset];
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        var line = before.Count((byte)'\n') + 1;
        return (line, Encoding.UTF8.GetCharCount(before[lineStart..]) + 1);
    }
}
