
namespace IndicatorEngine.Scripting;

/// <summary>
/// A veto whose condition is a formula returning true (the veto fires) or false. It is not run when a value it
/// reads is missing or invalid; the caller decides what a veto that cannot be checked means (undecided).
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

    /// <summary>The keys that are missing and those that are invalid, each as one line (empty when none).</summary>
    public (string Missing, string Invalid) Problems(ReadOnlySpan<EvidenceValue> slots, ExplainLanguage language) => evidence.Problems(slots, language);

    /// <summary>The values the formula read, for the reason shown.</summary>
    public string Describe(ReadOnlySpan<EvidenceValue> slots, ExplainLanguage language = ExplainLanguage.English) => evidence.Describe(slots, language);
}
