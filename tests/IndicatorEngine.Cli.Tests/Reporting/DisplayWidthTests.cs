using System.Text;
using IndicatorEngine.Reporting;

namespace IndicatorEngine.Cli.Tests.Reporting;

public class DisplayWidthTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("total", 5)]
    [InlineData("基础设施", 8)] // CJK Unified Ideographs
    [InlineData("网络信息安全 cybersecurity", 26)]
    [InlineData("、。「」《》", 12)] // CJK Symbols and Punctuation
    [InlineData("：（）！", 8)] // fullwidth forms
    [InlineData("ＡＢＣ１２３", 12)] // fullwidth Latin and digits
    [InlineData("ｶﾀｶﾅ", 4)] // halfwidth katakana stay narrow
    [InlineData("한국어", 6)] // Hangul syllables
    [InlineData("ひらがなカタカナ", 16)] // kana
    [InlineData("𠀀𪚥", 4)] // Extension B, outside the BMP
    [InlineData("e\u0301", 1)] // a combining accent takes no column
    [InlineData("a\u200Bb", 2)] // zero-width space
    [InlineData("≥ 480 → 良好", 12)] // East Asian Ambiguous counts as narrow
    [InlineData("\u001b[31m", 4)] // ESC is a control character: no column; "[31m" is plain text
    public void Of_CountsTerminalColumns(string text, int expected)
    {
        Assert.Equal(expected, DisplayWidth.Of(text));
    }

    [Fact]
    public void Of_Rune_IsTwoForEveryCjkIdeograph()
    {
        for (var value = 0x4E00; value <= 0x9FFF; value += 97)
        {
            Assert.Equal(2, DisplayWidth.Of(new Rune(value)));
        }
    }

    [Fact]
    public void Of_Null_IsZero()
    {
        Assert.Equal(0, DisplayWidth.Of((string?)null));
    }
}
