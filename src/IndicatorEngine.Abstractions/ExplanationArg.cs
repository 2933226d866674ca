using System.Globalization;

namespace IndicatorEngine;

/// <summary>
/// One value filled into an <see cref="Explanation"/>: a number (shown invariant, thousands grouped, at most
/// four decimals and no trailing zeros, e.g. <c>12,000</c>, <c>0.57</c>), a date (shown <c>YYYY-MM-DD</c>) or a
/// text shown as it is. Converts implicitly from <see cref="decimal"/>, <see cref="int"/>, <see cref="DateOnly"/>
/// and <see cref="string"/>. Holds no copy of anything, so building one allocates nothing.
/// </summary>
public readonly struct ExplanationArg
{
    private const byte NumberKind = 0;
    private const byte TextKind = 1;
    private const byte DateKind = 2;

    private readonly decimal _number;
    private readonly string? _text;
    private readonly byte _kind;

    private ExplanationArg(decimal number, string? text, byte kind)
    {
        _number = number;
        _text = text;
        _kind = kind;
    }

    /// <summary>A number.</summary>
    /// <param name="number">The number.</param>
    public static implicit operator ExplanationArg(decimal number) => new(number, null, NumberKind);

    /// <summary>A whole number.</summary>
    /// <param name="number">The number.</param>
    public static implicit operator ExplanationArg(int number) => new(number, null, NumberKind);

    /// <summary>A date.</summary>
    /// <param name="date">The date.</param>
    public static implicit operator ExplanationArg(DateOnly date) => new(date.DayNumber, null, DateKind);

    /// <summary>A text, shown as it is (null shows as nothing).</summary>
    /// <param name="text">The text.</param>
    public static implicit operator ExplanationArg(string? text) => new(0m, text, TextKind);

    /// <summary>A number from <see cref="decimal"/>.</summary>
    /// <param name="number">The number.</param>
    /// <returns>The argument.</returns>
    public static ExplanationArg FromDecimal(decimal number) => number;

    /// <summary>A date from <see cref="DateOnly"/>.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The argument.</returns>
    public static ExplanationArg FromDateOnly(DateOnly date) => date;

    /// <summary>A text from <see cref="string"/>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The argument.</returns>
    public static ExplanationArg FromString(string? text) => text;

    /// <summary>The value as it appears in the explanation.</summary>
    /// <returns>The text, or the number or date formatted as described on the type.</returns>
    public override string ToString() => _kind switch
    {
        TextKind => _text ?? "",
        DateKind => DateOnly.FromDayNumber((int)_number).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => _number.ToString("#,0.####", CultureInfo.InvariantCulture),
    };
}
