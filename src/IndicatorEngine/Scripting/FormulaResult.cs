namespace IndicatorEngine.Scripting;

/// <summary>What one evaluation of a formula gave: a number, a boolean (as 1 or 0), or why it failed.</summary>
internal readonly record struct FormulaResult(JsType? Type, double Number, string? Failure)
{
    public static FormulaResult Failed(string why) => new(null, double.NaN, why);

    public static FormulaResult Of(double number) => new(JsType.Number, number, null);

    public static FormulaResult Of(bool value) => new(JsType.Boolean, value ? 1 : 0, null);

    public bool IsNumber => Type == JsType.Number;

    public bool IsBoolean => Type == JsType.Boolean;

    /// <summary>The number as a decimal (at most 15 significant digits, as .NET converts), saturated far outside any score.</summary>
    /// <summary>Whether the result is a score: a finite number. Decided here only, for leaf and aggregation formulas alike.</summary>
    public bool IsScore => IsNumber && double.IsFinite(Number);

    /// <summary>Why the result is not a score (e.g. "the formula returned NaN, not a finite number"); null when it is one.</summary>
    /// <param name="language">The language of the words (a run's own failure message is the engine's, in English).</param>
    public string? NotAScore(ExplainLanguage language = ExplainLanguage.English)
    {
        if (Failure is not null || IsScore)
        {
            return Failure;
        }

        var shown = IsBoolean ? (Number != 0 ? "true" : "false") : Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return language == ExplainLanguage.Chinese ? $"公式结果为 {shown}，不是有限数值" : $"the formula returned {shown}, not a finite number";
    }

    public decimal ToDecimal()
    {
        const double limit = 1e27;
        var value = Math.Clamp(Number, -limit, limit);
        return value == 0 ? 0m : (decimal)value;
    }
}
