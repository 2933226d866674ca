using System.Buffers;
using System.Globalization;
using System.Text;

namespace IndicatorEngine.Loading;

/// <summary>
/// Turns the bytes of a definition or evidence file into text, strictly: JSON is UTF-8 (RFC 8259), so a byte
/// that is not part of a UTF-8 character is reported (IE007, with its line, column and byte offset) rather
/// than silently replaced. A leading UTF-8 byte-order mark is skipped.
/// </summary>
internal static class Utf8Text
{
    private static readonly byte[] Utf8Mark = [0xEF, 0xBB, 0xBF];

    /// <summary>The text, or null with an IE007 diagnostic naming where the first bad byte is.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, string name, List<Diagnostic> diagnostics)
    {
        if (Check(bytes, name) is { } problem)
        {
            diagnostics.Add(problem);
            return null;
        }

        return Encoding.UTF8.GetString(WithoutMark(bytes));
    }

    /// <summary>The bytes after a leading UTF-8 byte-order mark, if there is one.</summary>
    public static ReadOnlySpan<byte> WithoutMark(ReadOnlySpan<byte> bytes) => bytes.StartsWith(Utf8Mark) ? bytes[Utf8Mark.Length..] : bytes;

    /// <summary>Null when the bytes are UTF-8 (a leading byte-order mark allowed); else the IE007 diagnostic naming where the first bad byte is.</summary>
    public static Diagnostic? Check(ReadOnlySpan<byte> bytes, string name)
    {
        var skipped = bytes.StartsWith(Utf8Mark) ? Utf8Mark.Length : 0;
        bytes = bytes[skipped..];

        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            return new Diagnostic(DiagnosticCodes.InvalidEncoding, DiagnosticSeverity.Error,
                "the file is UTF-16 (it starts with a UTF-16 byte-order mark), not UTF-8; save it as UTF-8 (JSON files are UTF-8)", name, "", 1, 1);
        }

        var bad = FirstInvalid(bytes);
        if (bad < 0)
        {
            return null;
        }

        var (line, column) = LineAndColumn(bytes, bad);
        var offset = bad + skipped;
        return new Diagnostic(DiagnosticCodes.InvalidEncoding, DiagnosticSeverity.Error,
            string.Create(CultureInfo.InvariantCulture,
                $"not valid UTF-8: the byte 0x{bytes[bad]:X2} at byte offset {offset:N0} does not start or continue a UTF-8 character; save the file as UTF-8 (JSON files are UTF-8; other encodings such as GBK are not read)"),
            name, "", line, column);
    }

    /// <summary>The byte offset where the 0-based line <paramref name="line"/> starts (the end of the bytes when there are fewer lines).</summary>
    public static int LineStart(ReadOnlySpan<byte> bytes, long line)
    {
        var start = 0;
        for (var i = 0; i < line && start < bytes.Length; i++)
        {
            var next = bytes[start..].IndexOf((byte)'\n');
            start = next < 0 ? bytes.Length : start + next + 1;
        }

        return start;
    }

    /// <summary>The 1-based line and column (in UTF-16 characters, as everywhere in diagnostics) of a byte offset into valid UTF-8 up to that offset.</summary>
    public static (int Line, int Column) LineAndColumn(ReadOnlySpan<byte> bytes, int offset)
    {
        var before = bytes[..offset];
        var line = before.Count((byte)'\n') + 1;
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return (line, Encoding.UTF8.GetCharCount(before[lineStart..]) + 1);
    }

    /// <summary>The offset of the first byte that is not part of a valid UTF-8 character, or -1 when all are.</summary>
    private static int FirstInvalid(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return -1;
        }

        var offset = 0;
        while (offset < bytes.Length)
        {
            var status = Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed);
            if (status != OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return -1;
    }
}
