
namespace IndicatorEngine.Scripting;

/// <summary>
/// A veto whose condition is a formula returning true (the veto fires) or false. It does not fire when a value
/// it reads is missing or invalid; a formula that fails is reported (IE302) and the veto is not applied.
/// </summary>
internal sealed class FormulaVeto(PreparedFormula formula, FormulaEvidence evidence)
{
    public int[] Reads => evidence.Slots;

    public string Text => formula.Shape.Text;

    /// <summary>Whether the veto fires; a formula that fails or returns a non-boolean does not fire and says why.</summary>
    public bool Check(ReadOnlySpan<EvidenceValue> slots, out string? failure)
    {
        failure = null;
        var frame = FormulaFrame.Rent(formula.Shape.Inputs.Count);
        if (!evidence.Fill(slots, frame))
        {
            return false;
        }

        var result = formula.Run(frame);
        if (result.Failure is { } failed)
        {
            failure = failed;
            return false;
        }

        if (!result.IsBoolean)
        {
            failure = $"the formula returned {result.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)}, not true or false";
            return false;
        }

        return result.Number != 0;
    }

    /// <summary>The values the formula read, for the reason shown.</summary>
    public string Describe(ReadOnlySpan<EvidenceValue> slots, ExplainLanguage language = ExplainLanguage.English) => evidence.Describe(slots, language);
}
