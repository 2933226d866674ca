using System.Runtime.CompilerServices;

namespace IndicatorEngine.Scripting;

/// <summary>
/// JavaScript's number semantics where C# differs, for compiled formulas: truthiness, <c>Math.min</c>/<c>max</c>
/// (NaN wins, −0 is below +0), <c>Math.round</c> (halves toward +∞, −0 kept) and the helpers of
/// <see cref="SandboxPrelude"/>. Arithmetic and comparisons of doubles already agree with JavaScript.
/// </summary>
internal static class JsNumbers
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Truthy(double value) => !(value == 0 || double.IsNaN(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Min(double a, double b) => a < b ? a : b < a ? b : MinSlow(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Max(double a, double b) => a > b ? a : b > a ? b : MaxSlow(a, b);

    // Equal, or at least one NaN: NaN wins, and −0 is below +0.
    private static double MinSlow(double a, double b)
    {
        if (double.IsNaN(a) || double.IsNaN(b))
        {
            return double.NaN;
        }

        return double.IsNegative(a) ? a : b;
    }

    private static double MaxSlow(double a, double b)
    {
        if (double.IsNaN(a) || double.IsNaN(b))
        {
            return double.NaN;
        }

        return double.IsNegative(a) ? b : a;
    }

    public static double Round(double value)
    {
        if (!double.IsFinite(value))
        {
            return value;
        }

        var floor = Math.Floor(value);
        var rounded = value - floor >= 0.5 ? floor + 1 : floor;
        return rounded == 0 && (value < 0 || double.IsNegative(value)) ? -0.0 : rounded;
    }

    public static double Clamp(double value, double low, double high) => Min(Max(value, low), high);

    public static double Ratio(double numerator, double denominator, double whenZero) =>
        denominator == 0 ? whenZero : numerator / denominator;
}
