namespace IndicatorEngine.Scripting;

/// <summary>Where a formula sits, which decides the names it can read and what it must return.</summary>
internal enum FormulaUse : byte
{
    /// <summary>An observation point's rule: reads evidence and <c>points</c>, returns the points earned.</summary>
    Leaf,

    /// <summary>A node's aggregation: reads <c>points</c>, <c>total</c> and <c>score("child-id")</c>, returns the node's points.</summary>
    Aggregation,

    /// <summary>A veto's condition: reads evidence, returns true (the veto fires) or false.</summary>
    Veto,
}
