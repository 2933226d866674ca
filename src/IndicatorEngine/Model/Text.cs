using System.Globalization;

namespace IndicatorEngine.Model;

/// <summary>Number formatting and the common lines of explanations: invariant, thousands grouped, no trailing zeros.</summary>
internal static class Text
{
    public static string Num(decimal value) => value.ToString("#,0.####", CultureInfo.InvariantCulture);

    public static string Short(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    public static string Of(decimal score, decimal max) => $"{Short(score)} of {Short(max)}";

    public static string WithUnit(decimal value, string? unit) => unit is null ? Num(value) : $"{Num(value)} {unit}";

    /// <summary>0 points, missing evidence: "<paramref name="title"/> (<paramref name="key"/>) not supplied".</summary>
    public static ScoreOutcome Missing(string title, string key, bool explain) =>
        ScoreOutcome.Missing(explain ? new Explanation("{0} ({1}) not supplied", title, key) : default);

    /// <summary>0 points, error: "<paramref name="title"/> (<paramref name="key"/>) is invalid; see the diagnostics".</summary>
    public static ScoreOutcome Invalid(string title, string key, bool explain) =>
        ScoreOutcome.Failed(explain ? new Explanation("{0} ({1}) is invalid; see the diagnostics", title, key) : default);
}
