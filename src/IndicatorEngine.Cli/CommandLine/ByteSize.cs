using System.Globalization;

namespace IndicatorEngine.Cli.CommandLine;

/// <summary>A size in bytes as written on the command line: a whole number, optionally with k, m or g (KiB, MiB, GiB).</summary>
internal static class ByteSize
{
    public static bool TryParse(string? text, out long bytes)
    {
        bytes = 0;
        var digits = text?.Trim() ?? "";
        var multiplier = 1L;
        if (digits.Length > 1)
        {
            multiplier = char.ToLowerInvariant(digits[^1]) switch
            {
                'k' => 1024L,
                'm' => 1024L * 1024,
                'g' => 1024L * 1024 * 1024,
                _ => 1L,
            };
            if (multiplier > 1)
            {
                digits = digits[..^1];
            }
        }

        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0 || value > long.MaxValue / multiplier)
        {
            return false;
        }

        bytes = value * multiplier;
        return true;
    }
}
