using System.Text;

namespace IndicatorEngine.Reporting;

/// <summary>Padding by terminal columns (<see cref="DisplayWidth"/>) rather than by UTF-16 units.</summary>
internal static class TextColumns
{
    public static string PadRight(string text, int width)
    {
        var missing = width - DisplayWidth.Of(text);
        return missing > 0 ? text + new string(' ', missing) : text;
    }

    public static string PadLeft(string text, int width)
    {
        var missing = width - DisplayWidth.Of(text);
        return missing > 0 ? new string(' ', missing) + text : text;
    }

    /// <summary>Strips control characters (an escape sequence in evidence must not drive the terminal) and line breaks.</summary>
    public static string Clean(string? text)
    {
        var line = ReportText.OneLine(text);
        if (!line.Any(char.IsControl))
        {
            return line;
        }

        var clean = new StringBuilder(line.Length);
        foreach (var c in line)
        {
            clean.Append(char.IsControl(c) ? '?' : c);
        }

        return clean.ToString();
    }
}
