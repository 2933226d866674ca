using System.Globalization;

namespace IndicatorEngine;

/// <summary>
/// One value filled into an <see cref="Explanation"/>: a number (shown invariant, thousands grouped, at most
/// four decimals and no trailing zeros, e.g. <c>12,000</c>, <c>0.57</c>) or a text shown as it is. Converts
/// implicitly from <see cref="decimal"/>, <see cref="int"/> and <see cref="string"/>. Holds no copy of
/// anything, so building one allocates nothing.
/// </summary>
public readonly struct ExplanationArg
{
    private readonly decimal _number;
    private readonly string? _text;
    private readonly bool _isText;

    private ExplanationArg(decimal number, string? text, bool isText)
    {
        _number = number;
        _text = text;
        _isText = isText;
    }

    /// <summary>A number.</summary>
    /// <param name="number">The number.</param>
    public static implicit operator ExplanationArg(decimal number) => new(number, null, false);

    /// <summary>A whole number.</summary>
    /// <param name="number">The number.</param>
    public static implicit operator ExplanationArg(int number) => new(number, null, false);

    /// <summary>A text, shown as it is (null shows as nothing).</summary>
    /// <param name="text">The text.</param>
    public static implicit operator ExplanationArg(string? text) => new(0m, text, true);

    /// <summary>A number from <see cref="decimal"/>.</summary>
    /// <param name="number">The number.</param>
    /// <returns>The argument.</returns>
    public static ExplanationArg FromDecimal(decimal number) => number;

    /// <summary>A text from <see cref="string"/>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The argument.</returns>
    public static ExplanationArg FromString(string? text) => text;

    /// <summary>The value as it appears in the explanation.</summary>
    /// <returns>The text, or the number formatted as described on the type.</returns>
    public override string ToString() => _isText ? _text ?? "" : _number.ToString("#,0.####", CultureInfo.InvariantCulture);
}
