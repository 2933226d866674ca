namespace IndicatorEngine.Scripting;

/// <summary>
/// The helpers every formula can call, written in JavaScript and run once in each sandbox engine before its
/// realm is frozen. <see cref="FormulaCompiler"/> gives the same results for the compiled subset; the property
/// test in tests/…/Scripting holds the two to that.
/// </summary>
internal static class SandboxPrelude
{
    /// <summary>Helper names a formula may call, with the argument counts each accepts.</summary>
    public static readonly IReadOnlyDictionary<string, (int Min, int Max)> Helpers = new Dictionary<string, (int, int)>(StringComparer.Ordinal)
    {
        ["clamp"] = (3, 3),
        ["ratio"] = (2, 3),
        ["tiers"] = (1, int.MaxValue),
        ["min"] = (0, int.MaxValue),
        ["max"] = (0, int.MaxValue),
    };

    // Arrow functions: they have no prototype object (nothing more to reach) and cannot be called with new.
    public const string Source = """
        "use strict";
        var min = Math.min;
        var max = Math.max;
        var clamp = (value, low, high) => Math.min(Math.max(value, low), high);
        var ratio = (numerator, denominator, whenZero) => {
          const n = +numerator, d = +denominator;
          return d === 0 ? (whenZero === undefined ? 0 : +whenZero) : n / d;
        };
        var tiers = (value, ...bands) => {
          const v = +value;
          let i = 0;
          for (; i + 1 < bands.length; i += 2) {
            if (v >= +bands[i]) return +bands[i + 1];
          }
          return i < bands.length ? +bands[i] : 0;
        };
        """;
}
