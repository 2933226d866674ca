using System.Text;
using IndicatorEngine.Definitions;
using IndicatorEngine.Diagnostics;
using IndicatorEngine.Evidence;

namespace IndicatorEngine.Tests.Definitions;

/// <summary>
/// Text that is not UTF-8 is IE007 at its first bad byte (never silently replaced), for definitions and evidence,
/// from files and from streams.
/// </summary>
public class EncodingAndDepthTests
{
    private const string Evidence = """
        {
          "id": "school-1",
          "name": "测试学校",
          "values": { "ipv6": true }
        }
        """;

    /// <summary>The text's UTF-8 bytes with one byte replaced by 0xFF at the first occurrence of the marker character.</summary>
    private static byte[] WithBadByte(string text, char marker)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var at = Array.IndexOf(bytes, (byte)marker);
        bytes[at] = 0xFF;
        return bytes;
    }

    private static void AssertBadByte(IReadOnlyList<Diagnostic> diagnostics, string file, int line, int column, int offset, byte bad = 0xFF)
    {
        var d = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.InvalidEncoding, DiagnosticSeverity.Error, file, line, column), (d.Code, d.Severity, d.File, d.Line, d.Column));
        Assert.Contains($"not valid UTF-8: the byte 0x{bad:X2} at byte offset " + offset.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), d.Message);
        Assert.Contains("save the file as UTF-8", d.Message);
    }

    [Fact]
    public void InvalidUtf8_InADefinitionFile_IsIE007_AtTheFirstBadByte()
    {
        // "小体系" is on line 4: the bad byte replaces the 'M' of "Mini", after 3 Chinese characters (9 bytes).
        var text = MiniSystem.Text;
        var bytes = WithBadByte(text, 'M');
        var lineStart = text.IndexOf("  \"title\"", StringComparison.Ordinal);
        Assert.Equal(4, text[..lineStart].Count(c => c == '\n') + 1);
        var column = text[lineStart..].IndexOf('M', StringComparison.Ordinal) + 1;

        using var files = new TestFiles();
        var path = Path.Combine(files.Folder, "mini.json");
        File.WriteAllBytes(path, bytes);

        AssertBadByte(IndicatorSystem.Load(path).Diagnostics, path, 4, column, Array.IndexOf(bytes, (byte)0xFF));
    }

    [Fact]
    public void InvalidUtf8_InADefinitionStream_IsIE007()
    {
        var bytes = WithBadByte(MiniSystem.Text, 'M');
        using var stream = new MemoryStream(bytes);
        var d = Assert.Single(IndicatorSystem.Load(stream, "mini.json").Diagnostics);
        Assert.Equal((DiagnosticCodes.InvalidEncoding, 4), (d.Code, d.Line));
    }

    [Fact]
    public void InvalidUtf8_InAnEvidenceFileAndStream_IsIE007_WithLineColumnAndOffset()
    {
        // A GBK-encoded name is the real-world case: 0xB2 0xE2 is "测" in GBK and not UTF-8.
        var bytes = Encoding.UTF8.GetBytes(Evidence);
        var at = Array.IndexOf(bytes, (byte)0xE6); // the first byte of 测 in UTF-8
        bytes[at] = 0xB2;
        bytes[at + 1] = 0xE2;
        var column = Evidence.Split('\n')[2].IndexOf('测', StringComparison.Ordinal) + 1;

        using var files = new TestFiles();
        var path = Path.Combine(files.Folder, "school.json");
        File.WriteAllBytes(path, bytes);
        AssertBadByte(SubjectEvidence.Load(path).Diagnostics, path, 3, column, at, 0xB2);

        bytes[at] = 0xFF;
        using var stream = new MemoryStream(bytes);
        AssertBadByte(SubjectEvidence.Load(stream, "upload.json").Diagnostics, "upload.json", 3, column, at);
    }

    [Fact]
    public void TruncatedCharacterAtTheEnd_IsIE007()
    {
        var bytes = Encoding.UTF8.GetBytes(Evidence + "测")[..^1];
        using var stream = new MemoryStream(bytes);
        var d = Assert.Single(SubjectEvidence.Load(stream, "cut.json").Diagnostics);
        Assert.Equal(DiagnosticCodes.InvalidEncoding, d.Code);
        Assert.Equal(5, d.Line);
    }

    [Fact]
    public void Utf8ByteOrderMark_IsSkipped_AndOffsetsCountIt()
    {
        using var files = new TestFiles();
        var path = Path.Combine(files.Folder, "mini.json");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(MiniSystem.Text)]);
        Assert.True(IndicatorSystem.Load(path).Succeeded);

        var bad = WithBadByte(MiniSystem.Text, 'M');
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. bad]);
        var d = Assert.Single(IndicatorSystem.Load(path).Diagnostics);
        Assert.Contains($"at byte offset {Array.IndexOf(bad, (byte)0xFF) + 3:N0}", d.Message);
    }

    [Fact]
    public void Utf16File_IsIE007_SayingToSaveItAsUtf8()
    {
        using var files = new TestFiles();
        var path = Path.Combine(files.Folder, "mini.json");
        File.WriteAllText(path, MiniSystem.Text, Encoding.Unicode);
        var d = Assert.Single(IndicatorSystem.Load(path).Diagnostics);
        Assert.Equal(DiagnosticCodes.InvalidEncoding, d.Code);
        Assert.Contains("UTF-16", d.Message);
        Assert.Contains("save it as UTF-8", d.Message);
    }
}
