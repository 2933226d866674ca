using System.Globalization;
using System.Text;

namespace IndicatorEngine;

/// <summary>
/// Makes untrusted text (school names, evidence values inside explanations, file names, messages) safe to put
/// on a terminal or in a page. Control characters (C0 and C1: an escape sequence could drive the terminal), bidirectional
/// controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069: they can reorder what is displayed, as in
/// "Trojan Source") and the Unicode line and paragraph separators are shown as a visible escape,
/// <c>\u202E</c>, so a reader sees that something was there and what; a lone surrogate becomes U+FFFD.
/// Everything else, Chinese text included, is kept as it is.
/// </summary>
internal static class SafeText
{
    /// <summary>One line for a table cell or a message: line breaks and tabs become spaces, the rest as <see cref="SafeText"/> says.</summary>
    public static string Line(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        return NeedsWork(text, keepLineBreaks: false) ? Neutralise(text, keepLineBreaks: false) : text;
    }

    /// <summary>A whole document (JSON, Markdown, rendered text): <c>\n</c> (and <c>\r\n</c>) kept, everything else as <see cref="Line"/>.</summary>
    public static string Document(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return NeedsWork(text, keepLineBreaks: true) ? Neutralise(text, keepLineBreaks: true) : text;
    }

    /// <summary>Whether the character is shown as an escape: a control, a bidirectional control or a line or paragraph separator.</summary>
    public static bool IsUnsafe(char c) =>
        c < 0x20 || c is >= '\u007F' and <= '\u009F'
        || c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069')
        || c is '\u2028' or '\u2029';

    private static bool NeedsWork(string text, bool keepLineBreaks)
    {
        foreach (var c in text)
        {
            if (char.IsSurrogate(c) || (IsUnsafe(c) && !(keepLineBreaks && c is '\n' or '\t')))
            {
                return true;
            }
        }

        return false;
    }

    private static string Neutralise(string text, bool keepLineBreaks)
    {
        var safe = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                safe.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                safe.Append('\uFFFD');
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                // A Windows line break is one break: kept in a document, one space on a line.
                safe.Append(keepLineBreaks ? "\r\n" : " ");
                i++;
            }
            else if (c is '\n' or '\t')
            {
                safe.Append(keepLineBreaks ? c : ' ');
            }
            else if (c == '\r' && !keepLineBreaks)
            {
                safe.Append(' ');
            }
            else if (IsUnsafe(c))
            {
                // A lone carriage return in a document lands here too: it would let text overwrite a line.
                safe.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                safe.Append(c);
            }
        }

        return safe.ToString();
    }
}
