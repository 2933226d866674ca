using System.Globalization;

namespace IndicatorEngine;

/// <summary>
/// The parts of a one-line explanation: a composite format such as <c>"coverage {0}% of target {1}% → {2} of {3}"</c>
/// and up to six values for its placeholders. Scoring keeps the parts; the text is put together only when
/// somebody reads it (<see cref="ToString"/>), so a batch that never shows explanations never pays for them.
/// An immutable value; the default has no text.
/// </summary>
/// <remarks>
/// Keep formats in <c>static readonly</c> fields or literals and pass numbers as values: then building an
/// explanation allocates nothing. A plain string converts implicitly (a fixed line, or one you have already
/// formatted yourself). Placeholders are <c>{0}</c> to <c>{5}</c>; write <c>{{</c> and <c>}}</c> for braces.
/// </remarks>
public readonly struct Explanation
{
    private readonly ExplanationArg _a0;
    private readonly ExplanationArg _a1;
    private readonly ExplanationArg _a2;
    private readonly ExplanationArg _a3;
    private readonly ExplanationArg _a4;
    private readonly ExplanationArg _a5;

    /// <summary>An explanation from a format and the values for its placeholders.</summary>
    /// <param name="format">The composite format, placeholders <c>{0}</c> to <c>{5}</c>.</param>
    /// <param name="a0">The value of <c>{0}</c>.</param>
    /// <param name="a1">The value of <c>{1}</c>.</param>
    /// <param name="a2">The value of <c>{2}</c>.</param>
    /// <param name="a3">The value of <c>{3}</c>.</param>
    /// <param name="a4">The value of <c>{4}</c>.</param>
    /// <param name="a5">The value of <c>{5}</c>.</param>
    public Explanation(string format, ExplanationArg a0 = default, ExplanationArg a1 = default, ExplanationArg a2 = default, ExplanationArg a3 = default, ExplanationArg a4 = default, ExplanationArg a5 = default)
    {
        Format = format;
        _a0 = a0;
        _a1 = a1;
        _a2 = a2;
        _a3 = a3;
        _a4 = a4;
        _a5 = a5;
    }

    /// <summary>The composite format; null for the default (no explanation).</summary>
    public string? Format { get; }

    /// <summary>Whether there is no text (the default, or an empty format).</summary>
    public bool IsEmpty => string.IsNullOrEmpty(Format);

    /// <summary>A fixed line (or one formatted already).</summary>
    /// <param name="text">The line; braces in it are shown as they are.</param>
    public static implicit operator Explanation(string? text) => text is null ? default : new Explanation("{0}", text);

    /// <summary>A fixed line, from <see cref="string"/>.</summary>
    /// <param name="text">The line.</param>
    /// <returns>The explanation.</returns>
    public static Explanation FromString(string? text) => text;

    /// <summary>The explanation's text.</summary>
    /// <returns>The format with its placeholders filled in; "" for the default.</returns>
    /// <exception cref="FormatException">The format is not a valid composite format for six values.</exception>
    public override string ToString() => Format is null
        ? ""
        : string.Format(CultureInfo.InvariantCulture, Format, _a0.ToString(), _a1.ToString(), _a2.ToString(), _a3.ToString(), _a4.ToString(), _a5.ToString());
}
