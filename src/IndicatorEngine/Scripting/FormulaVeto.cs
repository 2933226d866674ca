using IndicatorEngine.Evidence;

namespace IndicatorEngine.Scripting;

/// <summary>
/// A veto whose condition is a formula returning true (the veto fires) or false. It does not fire when a value
/// it reads is missing or invalid; a formula that fails is reported (IE302) and the veto is not applied.
/// </summary>
internal sealed class FormulaVeto(PreparedFormula formula, FormulaEvidence evidence)
{
    public IReadOnlyList<int> Reads => evidence.Slots;

    public string Text => formula.Shape.Text;

    /// <summary>Whether it fires, the values it read, and the failure when it could not be checked.</summary>
    public (bool Fired, string Reason, string? Failure) Check(ReadOnlySpan<EvidenceValue> slots)
    {
        var frame = FormulaFrame.Rent(formula.Shape.Inputs.Count);
        if (!evidence.Fill(slots, frame))
        {
            return (false, "", null);
        }

        var reason = evidence.Describe(slots);
        var result = formula.Run(frame);
        if (result.Failure is { } failure)
        {
            return (false, reason, failure);
        }

        return result.IsBoolean
            ? (result.Number != 0, reason, null)
            : (false, reason, $"the formula returned {result.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)}, not true or false");
    }
}
