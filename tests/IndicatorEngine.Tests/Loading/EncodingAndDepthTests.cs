using System.Text;

namespace IndicatorEngine.Tests.Loading;

/// <summary>
/// Text that is not UTF-8 is IE007 at its first bad byte (never silently replaced), and nesting past
/// <see cref="LoadOptions.MaxDepth"/> is IE008 with its own message (never "malformed JSON"), for definitions and
/// evidence, from files and from streams.
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

        using var files = new TempFolder();
        var path = Path.Combine(files.Path, "mini.json");
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

        using var files = new TempFolder();
        var path = Path.Combine(files.Path, "school.json");
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
        using var files = new TempFolder();
        var path = Path.Combine(files.Path, "mini.json");
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
        using var files = new TempFolder();
        var path = Path.Combine(files.Path, "mini.json");
        File.WriteAllText(path, MiniSystem.Text, Encoding.Unicode);
        var d = Assert.Single(IndicatorSystem.Load(path).Diagnostics);
        Assert.Equal(DiagnosticCodes.InvalidEncoding, d.Code);
        Assert.Contains("UTF-16", d.Message);
        Assert.Contains("save it as UTF-8", d.Message);
    }

    /// <summary>A valid system whose one first-level indicator is a chain of <paramref name="levels"/> nested indicators, the last a boolean leaf.</summary>
    private static string DeepSystem(int levels)
    {
        var text = new StringBuilder("""{ "id": "deep", "version": "1", "title": { "zh": "深" }, "points": 1, "evidence": [ { "key": "ok", "type": "boolean", "title": "ok" } ], "profiles": [ { "id": "p", "title": { "zh": "p" }, "passThreshold": 1 } ], "indicators": [ """);
        for (var i = 1; i < levels; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $$"""{ "id": "n{{i}}", "title": { "zh": "n" }, "points": 1, "children": [ """);
        }

        text.Append($$"""{ "id": "n{{levels}}", "title": { "zh": "n" }, "points": 1, "rule": { "type": "boolean", "evidence": "ok" } }""");
        for (var i = 1; i < levels; i++)
        {
            text.Append(" ] }");
        }

        return text.Append(" ] }").ToString();
    }

    [Fact]
    public void TwoHundredLevelTree_IsIE008_NotMalformedJson()
    {
        var result = IndicatorSystem.Parse(DeepSystem(200), "deep.json");
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.NestedTooDeep, DiagnosticSeverity.Error, 1), (d.Code, d.Severity, d.Line));
        Assert.True(d.Column > 1);
        Assert.StartsWith("nested deeper than 64 levels of objects and arrays (this is level 65); ", d.Message);
        Assert.Contains("LoadOptions.MaxDepth", d.Message);
        Assert.DoesNotContain("malformed", d.Message);
    }

    [Fact]
    public void TreeAtTheDefaultLimit_Loads_AndOneLevelMore_IsIE008()
    {
        // A chain of n indicators nests 2n + 2 levels deep (root, indicators, then a children array and an object per level, then the rule).
        Assert.True(IndicatorSystem.Parse(DeepSystem(31), "deep.json").Succeeded);
        Assert.Equal(DiagnosticCodes.NestedTooDeep, Assert.Single(IndicatorSystem.Parse(DeepSystem(32), "deep.json").Diagnostics).Code);
    }

    [Fact]
    public void DeepTree_LoadsAndScores_WhenTheHostRaisesTheLimit()
    {
        var options = new LoadOptions { MaxDepth = LoadOptions.MaxDepthLimit };
        var result = SpecialFiles.Within30Seconds(() => IndicatorSystem.Parse(DeepSystem(127), "deep.json", options));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var card = result.Value!.Score(SubjectEvidence.Create("s", new Dictionary<string, object?> { ["ok"] = true }));
        Assert.Equal(1m, card.Total);
        Assert.Equal(DiagnosticCodes.NestedTooDeep, Assert.Single(IndicatorSystem.Parse(DeepSystem(128), "deep.json", options).Diagnostics).Code);
    }

    [Fact]
    public void DeeplyNestedEvidence_IsIE008_WithAnEvidenceHint()
    {
        var nested = new string('[', 100) + new string(']', 100);
        var d = Assert.Single(SubjectEvidence.Parse($$"""{ "id": "s", "values": { "ipv6": {{nested}} } }""", "e.json").Diagnostics);
        Assert.Equal(DiagnosticCodes.NestedTooDeep, d.Code);
        Assert.Contains("evidence values are plain values or lists of strings", d.Message);

        using var stream = new MemoryStream(Encoding.UTF8.GetBytes($$"""{ "id": "s", "values": { "ipv6": [[[true]]] } }"""));
        Assert.Equal(DiagnosticCodes.NestedTooDeep, Assert.Single(SubjectEvidence.Load(stream, "e.json", new LoadOptions { MaxDepth = 4 }).Diagnostics).Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(LoadOptions.MaxDepthLimit + 1)]
    public void MaxDepth_OutsideItsRange_Throws(int depth)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LoadOptions { MaxDepth = depth });
    }

    [Fact]
    public void MaxDepth_DefaultsTo64()
    {
        Assert.Equal(64, new LoadOptions().MaxDepth);
        Assert.Equal(LoadOptions.DefaultMaxDepth, LoadOptions.Default.MaxDepth);
    }
}
