namespace IndicatorEngine.Cli.Tests;

/// <summary>
/// An independent, deliberately simple terminal width for the characters the shipped samples use, so that
/// the alignment tests do not check the renderer with its own ruler.
/// </summary>
internal static class TerminalWidth
{
    public static int Of(string text) => text.EnumerateRunes().Sum(r => r.Value switch
    {
        >= 0x3000 and <= 0x303E => 2, // CJK punctuation
        >= 0x4E00 and <= 0x9FFF => 2, // CJK ideographs
        >= 0xFF01 and <= 0xFF60 => 2, // fullwidth forms
        _ => 1,
    });
}
