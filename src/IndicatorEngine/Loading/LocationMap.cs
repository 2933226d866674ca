using System.Text;
using System.Text.Json;

namespace IndicatorEngine.Loading;

/// <summary>
/// Where every value of a JSON document starts, by JSON Pointer: built in one pass of System.Text.Json's
/// reader over the UTF-8 text, so a diagnostic's column is the first character of the offending value
/// (in characters, not bytes, so Chinese text does not shift it).
/// </summary>
internal sealed class LocationMap
{
    private readonly Dictionary<string, (int Line, int Column)> _starts = new(StringComparer.Ordinal);

    private LocationMap()
    {
    }

    public static LocationMap Build(string text)
    {
        var map = new LocationMap();
        var bytes = Encoding.UTF8.GetBytes(text);
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                lineStarts.Add(i + 1);
            }
        }

        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = LoadOptions.MaxDepthLimit + 1 });

        // The path of containers we are in; for arrays, the index of the next element.
        var path = new List<(bool IsArray, string Segment, int NextIndex)>();
        string? pendingProperty = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        pendingProperty = JsonPointer.Escape(reader.GetString() ?? "");
                        continue;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        continue;
                }

                string segment;
                if (path.Count == 0)
                {
                    segment = "";
                }
                else if (path[^1].IsArray)
                {
                    var top = path[^1];
                    segment = top.NextIndex.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    path[^1] = top with { NextIndex = top.NextIndex + 1 };
                }
                else
                {
                    segment = pendingProperty ?? "";
                }

                var pointer = path.Count == 0 ? "" : PointerOf(path) + "/" + segment;
                map._starts.TryAdd(pointer, Position(bytes, lineStarts, (int)reader.TokenStartIndex));
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    path.Add((reader.TokenType == JsonTokenType.StartArray, segment, 0));
                }
            }
        }
        catch (JsonException)
        {
            // Malformed text: keep what was mapped before the error.
        }

        return map;
    }

    /// <summary>The start of the value at the pointer, or of its nearest ancestor that exists; (0, 0) when none.</summary>
    public (int Line, int Column) Locate(string pointer)
    {
        var current = pointer;
        while (true)
        {
            if (_starts.TryGetValue(current, out var position))
            {
                return position;
            }

            if (current.Length == 0)
            {
                return (0, 0);
            }

            current = current[..current.LastIndexOf('/')];
        }
    }

    private static string PointerOf(List<(bool IsArray, string Segment, int NextIndex)> path)
    {
        var builder = new StringBuilder();

        // The first entry is the root container, whose segment is empty.
        for (var i = 1; i < path.Count; i++)
        {
            builder.Append('/').Append(path[i].Segment);
        }

        return builder.ToString();
    }

    private static (int Line, int Column) Position(byte[] bytes, List<int> lineStarts, int offset)
    {
        var line = lineStarts.BinarySearch(offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        var column = Encoding.UTF8.GetCharCount(bytes, lineStarts[line], offset - lineStarts[line]) + 1;
        return (line + 1, column);
    }
}
