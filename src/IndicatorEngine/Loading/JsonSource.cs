using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace IndicatorEngine.Loading;

/// <summary>
/// One parsed JSON document with its name, kept so that any JSON Pointer into it can be turned into a
/// line and column for a diagnostic.
/// </summary>
internal sealed class JsonSource
{
    private JsonSource(string name, string text, JToken root)
    {
        Name = name;
        Text = text;
        Root = root;
    }

    private LocationMap? _locations;

    public string Name { get; }

    public string Text { get; }

    public JToken Root { get; }

    /// <summary>
    /// Reads a regular file within the size limit, as strict UTF-8; reports IE001/IE002/IE005/IE006/IE007 instead
    /// of throwing. Devices, FIFOs and sockets are refused without being opened, and at most one byte more than
    /// the limit is ever read, whatever size the file system reports.
    /// </summary>
    public static string? ReadFile(string path, long maxBytes, List<Diagnostic> diagnostics)
    {
        try
        {
            using var handle = FileProbe.OpenRegular(path, out var kind);
            if (handle is null)
            {
                diagnostics.Add(kind switch
                {
                    FileKind.Missing => new Diagnostic(DiagnosticCodes.FileNotFound, DiagnosticSeverity.Error, "file not found: check the path", path),
                    FileKind.Directory => new Diagnostic(DiagnosticCodes.FileNotFound, DiagnosticSeverity.Error, "file not found: it is a folder; name a .json file", path),
                    _ => NotRegular(path, kind),
                });
                return null;
            }

            var length = RandomAccess.GetLength(handle);
            if (length > maxBytes)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.FileTooLarge, DiagnosticSeverity.Error,
                    $"file is {length:N0} bytes, over the limit of {maxBytes:N0}; split it or raise LoadOptions.MaxFileBytes (--max-file-size)", path));
                return null;
            }

            long position = 0;
            var bytes = ReadAtMost((buffer, offset, count) =>
            {
                var read = RandomAccess.Read(handle, buffer.AsSpan(offset, count), position);
                position += read;
                return read;
            }, maxBytes, length);
            if (bytes is null)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.FileTooLarge, DiagnosticSeverity.Error,
                    $"file is over the limit of {maxBytes:N0} bytes; split it or raise LoadOptions.MaxFileBytes (--max-file-size)", path));
                return null;
            }

            return Utf8Text.Decode(bytes.Value.Span, path, diagnostics);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException or NotSupportedException or ArgumentException)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.ReadFailed, DiagnosticSeverity.Error, $"cannot read the file: {e.Message}", path));
            return null;
        }
    }

    /// <summary>IE006: the path names a device, a FIFO or a socket, which is not opened.</summary>
    public static Diagnostic NotRegular(string path, FileKind kind) => new(DiagnosticCodes.NotRegularFile, DiagnosticSeverity.Error,
        $"this is {FileProbe.Describe(kind)}, not a regular file, so it is not read (it could send input without end, or wait for a writer for ever); save the JSON in a file and name that file", path);

    /// <summary>Reads a stream within the size limit (at most one byte more than the limit is read), as strict UTF-8.</summary>
    public static string? ReadStream(Stream stream, string name, long maxBytes, List<Diagnostic> diagnostics)
    {
        try
        {
            var bytes = ReadAtMost(stream.Read, maxBytes, 0);
            if (bytes is null)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.FileTooLarge, DiagnosticSeverity.Error,
                    $"input is over the limit of {maxBytes:N0} bytes; split it or raise LoadOptions.MaxFileBytes", name));
                return null;
            }

            return Utf8Text.Decode(bytes.Value.Span, name, diagnostics);
        }
        catch (IOException e)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.ReadFailed, DiagnosticSeverity.Error, $"cannot read the input: {e.Message}", name));
            return null;
        }
    }

    /// <summary>
    /// Reads until the end, or until one byte more than the limit has been read (then null): the buffer never
    /// grows past the limit plus one, so no input, however long or endless, is read further.
    /// </summary>
    private static ReadOnlyMemory<byte>? ReadAtMost(Func<byte[], int, int, int> readInto, long maxBytes, long sizeHint)
    {
        var limit = Math.Clamp(maxBytes, 0, Array.MaxLength - 1L);
        var buffer = new byte[Math.Min(limit + 1, Math.Max(sizeHint + 1, 16 * 1024))];
        var count = 0;
        while (true)
        {
            if (count == buffer.Length)
            {
                if (count > limit)
                {
                    return null;
                }

                Array.Resize(ref buffer, (int)Math.Min(limit + 1, buffer.Length * 2L));
            }

            var read = readInto(buffer, count, buffer.Length - count);
            if (read <= 0)
            {
                return buffer.AsMemory(0, count);
            }

            count += read;
        }
    }

    /// <summary>
    /// Parses text, reporting malformed JSON as IE003 with its line and column, and nesting deeper than
    /// <paramref name="maxDepth"/> levels of objects and arrays as IE008.
    /// </summary>
    public static JsonSource? Parse(string text, string name, List<Diagnostic> diagnostics, bool isEvidence = false, int maxDepth = LoadOptions.DefaultMaxDepth)
    {
        // Newtonsoft is lenient (it reads `"a": ,` as undefined); System.Text.Json's reader is strict, so it judges
        // syntax, and depth: past the limit nothing else reads the text, so every later reader agrees with it.
        if (StrictSyntaxError(text, name, isEvidence, maxDepth) is { } syntax)
        {
            diagnostics.Add(syntax);
            return null;
        }

        try
        {
            using var reader = new JsonTextReader(new StringReader(text))
            {
                DateParseHandling = DateParseHandling.None,
                FloatParseHandling = FloatParseHandling.Double,
                MaxDepth = maxDepth + 1,
            };
            var root = JToken.ReadFrom(reader, new JsonLoadSettings
            {
                LineInfoHandling = LineInfoHandling.Load,
                DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
                CommentHandling = CommentHandling.Ignore,
            });
            while (reader.Read())
            {
                if (reader.TokenType != JsonToken.Comment)
                {
                    diagnostics.Add(new Diagnostic(DiagnosticCodes.MalformedJson, DiagnosticSeverity.Error,
                        "unexpected content after the end of the JSON value; a file holds one JSON object", name, "", reader.LineNumber, reader.LinePosition));
                    return null;
                }
            }

            return new JsonSource(name, text, root);
        }
        catch (JsonReaderException e)
        {
            var message = StripLocation(e.Message);
            diagnostics.Add(new Diagnostic(DiagnosticCodes.MalformedJson, DiagnosticSeverity.Error,
                $"malformed JSON: {message}", name, PointerOf(e.Path), Math.Max(e.LineNumber, 1), Math.Max(e.LinePosition, 1)));
            return null;
        }
    }

    private static Diagnostic? StrictSyntaxError(string text, string name, bool isEvidence, int maxDepth)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        var reader = new System.Text.Json.Utf8JsonReader(bytes, StrictOptions(maxDepth));
        try
        {
            while (reader.Read())
            {
                if (IsTooDeep(ref reader, maxDepth))
                {
                    return NestedTooDeep(bytes, reader.TokenStartIndex, name, isEvidence, maxDepth);
                }
            }

            return null;
        }
        catch (System.Text.Json.JsonException e)
        {
            return SyntaxError(bytes, e, name, isEvidence);
        }
    }

    /// <summary>The strict reader's options: comments skipped, one level more than the limit so that the first level too many is seen and reported as IE008.</summary>
    public static System.Text.Json.JsonReaderOptions StrictOptions(int maxDepth) => new()
    {
        CommentHandling = System.Text.Json.JsonCommentHandling.Skip,
        MaxDepth = maxDepth + 1,
    };

    /// <summary>Whether the token just read opens a level beyond <paramref name="maxDepth"/>.</summary>
    public static bool IsTooDeep(ref System.Text.Json.Utf8JsonReader reader, int maxDepth) =>
        reader.TokenType is System.Text.Json.JsonTokenType.StartObject or System.Text.Json.JsonTokenType.StartArray && reader.CurrentDepth >= maxDepth;

    /// <summary>IE008 at the byte offset of the first level too many.</summary>
    public static Diagnostic NestedTooDeep(ReadOnlySpan<byte> bytes, long offset, string name, bool isEvidence, int maxDepth)
    {
        var (line, column) = Utf8Text.LineAndColumn(bytes, (int)offset);
        var advice = isEvidence
            ? "evidence values are plain values or lists of strings, so remove the nesting"
            : $"a six-level indicator tree needs about 16, so flatten the tree, or have the host raise LoadOptions.MaxDepth (up to {LoadOptions.MaxDepthLimit})";
        return new Diagnostic(DiagnosticCodes.NestedTooDeep, DiagnosticSeverity.Error,
            $"nested deeper than {maxDepth} levels of objects and arrays (this is level {maxDepth + 1}); {advice}",
            name, "", line, column);
    }

    /// <summary>The diagnostic for a syntax error the strict reader threw: IE003 with its line and column, or IE202 for a bare NaN or Infinity in evidence.</summary>
    public static Diagnostic SyntaxError(ReadOnlySpan<byte> bytes, System.Text.Json.JsonException e, string name, bool isEvidence)
    {
        var line = (int)(e.LineNumber ?? 0);
        var lineStart = Utf8Text.LineStart(bytes, line);

        var lineEnd = bytes[lineStart..].IndexOf((byte)'\n');
        var lineBytes = lineEnd < 0 ? bytes[lineStart..] : bytes[lineStart..(lineStart + lineEnd)];
        var byteColumn = (int)Math.Min(e.BytePositionInLine ?? 0, lineBytes.Length);
        var column = System.Text.Encoding.UTF8.GetCharCount(lineBytes[..byteColumn]) + 1;
        var rest = lineBytes[byteColumn..].TrimStart(" \t\r"u8);
        var nonFinite = isEvidence && (rest.StartsWith("NaN"u8) || rest.StartsWith("Infinity"u8) || rest.StartsWith("-Infinity"u8));
        var message = nonFinite
            ? "NaN and Infinity are not numbers JSON can carry; give the evidence value as a finite number"
            : HoldsNoValue(bytes)
            ? "malformed JSON: the file holds no JSON value (it is empty, blank or only comments); write " + (isEvidence
                ? "the evidence as one object: { \"id\": \"…\", \"values\": { … } }"
                : "the definition as one JSON object")
            : "malformed JSON: " + StripReaderMessage(e.Message);
        return new Diagnostic(nonFinite ? DiagnosticCodes.EvidenceNotFinite : DiagnosticCodes.MalformedJson, DiagnosticSeverity.Error, message, name, "", line + 1, column);
    }

    // Whether the bytes hold nothing but blanks and comments: the reader's own words for that name no fix.
    private static bool HoldsNoValue(ReadOnlySpan<byte> bytes)
    {
        while (true)
        {
            bytes = bytes.TrimStart(" \t\r\n"u8);
            if (bytes.StartsWith("//"u8))
            {
                var end = bytes.IndexOf((byte)'\n');
                bytes = end < 0 ? [] : bytes[(end + 1)..];
            }
            else if (bytes.StartsWith("/*"u8))
            {
                var end = bytes[2..].IndexOf("*/"u8);
                if (end < 0)
                {
                    return false;
                }

                bytes = bytes[(end + 4)..];
            }
            else
            {
                return bytes.IsEmpty;
            }
        }
    }

    private static string StripReaderMessage(string message)
    {
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (at > 0 ? message[..at] : message).Trim().TrimEnd('.');
    }

    /// <summary>A diagnostic located at the JSON Pointer (line and column looked up in this document).</summary>
    public Diagnostic At(string pointer, string code, DiagnosticSeverity severity, string message)
    {
        var (line, column) = Locate(pointer);
        return new Diagnostic(code, severity, message, Name, pointer, line, column);
    }

    /// <summary>The 1-based line and column where the value at the pointer (or its nearest existing ancestor) starts.</summary>
    public (int Line, int Column) Locate(string pointer) => (_locations ??= LocationMap.Build(Text)).Locate(pointer);

    /// <summary>Converts a Newtonsoft path (<c>indicators[1].points</c>) to a JSON Pointer.</summary>
    public static string PointerOf(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return "";
        }

        var builder = new System.Text.StringBuilder();
        var i = 0;
        while (i < path.Length)
        {
            var c = path[i];
            if (c == '.')
            {
                i++;
                continue;
            }

            if (c == '[')
            {
                var end = path.IndexOf(']', i);
                if (end < 0)
                {
                    break;
                }

                var inner = path[(i + 1)..end];
                if (inner.Length > 1 && inner[0] == '\'')
                {
                    inner = inner[1..^1].Replace("\\'", "'", StringComparison.Ordinal);
                }

                builder.Append('/').Append(JsonPointer.Escape(inner));
                i = end + 1;
                continue;
            }

            var stop = path.IndexOfAny(['.', '['], i);
            if (stop < 0)
            {
                stop = path.Length;
            }

            builder.Append('/').Append(JsonPointer.Escape(path[i..stop]));
            i = stop;
        }

        return builder.ToString();
    }

    private static string StripLocation(string message)
    {
        var at = message.IndexOf(" Path '", StringComparison.Ordinal);
        if (at < 0)
        {
            at = message.IndexOf(", line ", StringComparison.Ordinal);
        }

        return (at > 0 ? message[..at] : message).TrimEnd('.', ',', ' ');
    }
}
