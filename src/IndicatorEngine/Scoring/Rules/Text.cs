using System.Globalization;

namespace IndicatorEngine.Scoring.Rules;

/// <summary>Number formatting for explanations: invariant, thousands grouped, no trailing zeros.</summary>
internal static class Text
{
    public static string Num(decimal value) => value.ToString("#,0.####", CultureInfo.InvariantCulture);

    public static string Short(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    public static string Of(decimal score, decimal max) => $"{Short(score)} of {Short(max)}";

    public static string WithUnit(decimal value, string? unit) => unit is null ? Num(value) : $"{Num(value)} {unit}";
}
