using System.Globalization;
using System.Text;

namespace IndicatorEngine.Reporting;

/// <summary>
/// How many terminal columns text takes. East Asian Wide and Fullwidth characters (CJK ideographs, CJK
/// punctuation such as 、。「」, fullwidth forms such as ：（）, kana, Hangul, most emoji) take two; combining
/// marks, zero-width and control characters take none; everything else takes one. East Asian Ambiguous
/// characters (° ± → …) count as one, as terminals outside CJK legacy locales show them. Thread-safe.
/// </summary>
public static class DisplayWidth
{
    // Inclusive ranges of East Asian Wide (W) and Fullwidth (F) code points, sorted, from Unicode's
    // EastAsianWidth.txt; close neighbours merged where nothing narrow lies between them.
    private static readonly (int First, int Last)[] Wide =
    [
        (0x1100, 0x115F), // Hangul Jamo leading consonants
        (0x231A, 0x231B), (0x2329, 0x232A), (0x23E9, 0x23EC), (0x23F0, 0x23F0), (0x23F3, 0x23F3),
        (0x25FD, 0x25FE), (0x2614, 0x2615), (0x2648, 0x2653), (0x267F, 0x267F), (0x2693, 0x2693),
        (0x26A1, 0x26A1), (0x26AA, 0x26AB), (0x26BD, 0x26BE), (0x26C4, 0x26C5), (0x26CE, 0x26CE),
        (0x26D4, 0x26D4), (0x26EA, 0x26EA), (0x26F2, 0x26F3), (0x26F5, 0x26F5), (0x26FA, 0x26FA),
        (0x26FD, 0x26FD), (0x2705, 0x2705), (0x270A, 0x270B), (0x2728, 0x2728), (0x274C, 0x274C),
        (0x274E, 0x274E), (0x2753, 0x2755), (0x2757, 0x2757), (0x2795, 0x2797), (0x27B0, 0x27B0),
        (0x27BF, 0x27BF), (0x2B1B, 0x2B1C), (0x2B50, 0x2B50), (0x2B55, 0x2B55),
        (0x2E80, 0x303E), // CJK radicals, Kangxi radicals, ideographic description, CJK symbols and punctuation
        (0x3041, 0x33FF), // kana, Bopomofo, Hangul compatibility jamo, Kanbun, CJK strokes, enclosed CJK, CJK compatibility
        (0x3400, 0x4DBF), // CJK Unified Ideographs Extension A
        (0x4E00, 0x9FFF), // CJK Unified Ideographs
        (0xA000, 0xA4CF), // Yi
        (0xA960, 0xA97F), // Hangul Jamo Extended-A
        (0xAC00, 0xD7A3), // Hangul syllables
        (0xF900, 0xFAFF), // CJK Compatibility Ideographs
        (0xFE10, 0xFE19), // vertical forms
        (0xFE30, 0xFE6F), // CJK compatibility forms, small form variants
        (0xFF00, 0xFF60), // fullwidth ASCII variants and fullwidth brackets
        (0xFFE0, 0xFFE6), // fullwidth signs (￥ ￡ …)
        (0x16FE0, 0x16FE4), (0x17000, 0x18CFF), (0x1AFF0, 0x1B2FF), // Tangut, Khitan, kana supplements
        (0x1F004, 0x1F004), (0x1F0CF, 0x1F0CF), (0x1F18E, 0x1F18E), (0x1F191, 0x1F19A),
        (0x1F200, 0x1F202), (0x1F210, 0x1F23B), (0x1F240, 0x1F248), (0x1F250, 0x1F251), (0x1F260, 0x1F265),
        (0x1F300, 0x1F320), (0x1F32D, 0x1F335), (0x1F337, 0x1F37C), (0x1F37E, 0x1F393), (0x1F3A0, 0x1F3CA),
        (0x1F3CF, 0x1F3D3), (0x1F3E0, 0x1F3F0), (0x1F3F4, 0x1F3F4), (0x1F3F8, 0x1F43E), (0x1F440, 0x1F440),
        (0x1F442, 0x1F4FC), (0x1F4FF, 0x1F53D), (0x1F54B, 0x1F54E), (0x1F550, 0x1F567), (0x1F57A, 0x1F57A),
        (0x1F595, 0x1F596), (0x1F5A4, 0x1F5A4), (0x1F5FB, 0x1F64F), (0x1F680, 0x1F6C5), (0x1F6CC, 0x1F6CC),
        (0x1F6D0, 0x1F6D2), (0x1F6D5, 0x1F6D7), (0x1F6DC, 0x1F6DF), (0x1F6EB, 0x1F6EC), (0x1F6F4, 0x1F6FC),
        (0x1F7E0, 0x1F7EB), (0x1F7F0, 0x1F7F0), (0x1F90C, 0x1F93A), (0x1F93C, 0x1F945), (0x1F947, 0x1F9FF),
        (0x1FA70, 0x1FAFF),
        (0x20000, 0x2FFFD), // CJK Unified Ideographs Extensions B–F, compatibility supplement
        (0x30000, 0x3FFFD), // Extensions G–H
    ];

    /// <summary>The number of terminal columns <paramref name="text"/> takes.</summary>
    /// <param name="text">The text; null counts as empty. Should not contain line breaks.</param>
    /// <returns>The sum of the widths of its characters.</returns>
    public static int Of(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += Of(rune);
        }

        return width;
    }

    /// <summary>The number of terminal columns one character takes: 0, 1 or 2.</summary>
    /// <param name="rune">The Unicode scalar value.</param>
    /// <returns>2 for East Asian Wide and Fullwidth, 0 for combining, zero-width and control characters, else 1.</returns>
    public static int Of(Rune rune)
    {
        var value = rune.Value;
        if (value < 0x7F)
        {
            return value < 0x20 ? 0 : 1;
        }

        if (value < 0xA0)
        {
            return 0; // DEL and C1 controls
        }

        if (value is >= 0x1160 and <= 0x11FF or 0x200B)
        {
            return 0; // Hangul medial vowels and final consonants join the syllable before them; zero-width space
        }

        switch (Rune.GetUnicodeCategory(rune))
        {
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.EnclosingMark:
            case UnicodeCategory.Format:
                return 0;
        }

        return IsWide(value) ? 2 : 1;
    }

    private static bool IsWide(int value)
    {
        if (value < Wide[0].First)
        {
            return false;
        }

        int low = 0, high = Wide.Length - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            if (value < Wide[middle].First)
            {
                high = middle - 1;
            }
            else if (value > Wide[middle].Last)
            {
                low = middle + 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }
}
