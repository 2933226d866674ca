namespace IndicatorEngine.Tests.Reporting;

public class SafeTextTests
{
    [Theory]
    [InlineData("中原数智职业技术学院", "中原数智职业技术学院")]
    [InlineData("a\u202Eb", @"a\u202Eb")] // right-to-left override
    [InlineData("\u202A\u202B\u202C\u202D", @"\u202A\u202B\u202C\u202D")] // embeddings and pop
    [InlineData("\u2066\u2067\u2068\u2069", @"\u2066\u2067\u2068\u2069")] // isolates
    [InlineData("\u200E\u200F\u061C", @"\u200E\u200F\u061C")] // marks
    [InlineData("\u001b[31m", @"\u001B[31m")] // ESC: no colour, no cursor movement
    [InlineData("bell\u0007", @"bell\u0007")]
    [InlineData("c1\u009B", @"c1\u009B")] // a C1 control (CSI)
    [InlineData("del\u007F", @"del\u007F")]
    [InlineData("a\u2028b\u2029c", @"a\u2028b\u2029c")] // line and paragraph separators
    [InlineData("two\nlines\r\nand\ttab\rcr", "two lines and tab cr")]
    [InlineData("𠀀 pair kept", "𠀀 pair kept")]
    [InlineData("[red]markup[/] stays text", "[red]markup[/] stays text")]
    [InlineData(null, "")]
    public void Line(string? text, string expected)
    {
        Assert.Equal(expected, SafeText.Line(text));
    }

    [Theory]
    [InlineData("{\n  \"name\": \"a\u202Eb\"\n}\n", "{\n  \"name\": \"a\\u202Eb\"\n}\n")]
    [InlineData("crlf\r\nkept\tand tab", "crlf\r\nkept\tand tab")]
    [InlineData("lone\rcarriage return", @"lone\u000Dcarriage return")] // would let text overwrite the line
    public void Document_KeepsLineBreaks(string text, string expected)
    {
        Assert.Equal(expected, SafeText.Document(text));
    }

    [Fact]
    public void LoneSurrogate_BecomesTheReplacementCharacter()
    {
        // Built here: a lone surrogate does not survive xunit's serialization of inline data.
        var text = "lone " + (char)0xD800 + " high, lone " + (char)0xDC00 + " low";

        Assert.Equal("lone \uFFFD high, lone \uFFFD low", SafeText.Line(text));
    }

    [Fact]
    public void CleanText_IsReturnedAsItIs()
    {
        const string text = "出口带宽 (0.7 Mbps/人): exitBandwidthGbps = 10 → 2.54 of 3";

        Assert.Same(text, SafeText.Line(text));
        Assert.Same(text, SafeText.Document(text));
    }
}
