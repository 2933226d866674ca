namespace IndicatorEngine.Scripting;

/// <summary>Where the value of a formula input comes from.</summary>
internal enum InputSource : byte
{
    /// <summary>An evidence value, by catalogue key.</summary>
    Evidence,

    /// <summary>The points of the observation point or node the formula belongs to.</summary>
    Points,

    /// <summary>The sum of a node's base children's scores.</summary>
    Total,

    /// <summary>One child's score, by id.</summary>
    ChildScore,
}

/// <summary>
/// One value a formula reads, passed to it as an argument on every evaluation (never spliced into its text).
/// </summary>
/// <param name="Source">Where the value comes from.</param>
/// <param name="Name">The parameter name the script sees.</param>
/// <param name="Key">The evidence key or child id; the name itself for points and total.</param>
/// <param name="Type">The JavaScript type of the value.</param>
internal sealed record FormulaInput(InputSource Source, string Name, string Key, JsType Type);
