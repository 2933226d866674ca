
namespace IndicatorEngine.Scripting;

/// <summary>
/// A node's aggregation written as a formula over its children: <c>points</c>, <c>total</c> (the base children's
/// scores added) and <c>score("child-id")</c>. Extension (bonus) children still add on top, as with <c>sum</c>.
/// </summary>
internal sealed class FormulaAggregation
{
    private readonly PreparedFormula _formula;
    private readonly int[] _childNodes;

    /// <param name="formula">The prepared formula.</param>
    /// <param name="nodeOf">The plan index of a child, by id.</param>
    public FormulaAggregation(PreparedFormula formula, Func<string, int> nodeOf)
    {
        _formula = formula;
        _childNodes = formula.Shape.Inputs.Select(i => i.Source == InputSource.ChildScore ? nodeOf(i.Key) : -1).ToArray();
    }

    /// <summary>The formula as written.</summary>
    public string Source => _formula.Shape.Text;

    /// <summary>Runs the formula on the children's scores; the inputs are described only when explaining.</summary>
    public (decimal Score, string? Failure, string? Inputs) Aggregate(ReadOnlySpan<decimal> scores, decimal points, decimal total, ExplainLanguage language)
    {
        var inputs = _formula.Shape.Inputs;
        var frame = FormulaFrame.Rent(inputs.Count);
        var shown = language != ExplainLanguage.None ? new List<string>(inputs.Count) : null;
        for (var i = 0; i < inputs.Count; i++)
        {
            var value = inputs[i].Source switch
            {
                InputSource.Points => points,
                InputSource.Total => total,
                _ => scores[_childNodes[i]],
            };
            frame.Numbers[i] = (double)value;
            shown?.Add($"{(inputs[i].Source == InputSource.ChildScore ? $"score(\"{inputs[i].Key}\")" : inputs[i].Name)} = {Text.Short(value)}");
        }

        var described = shown is null ? null
            : shown.Count == 0 ? Text.Pick(language, "公式", "formula")
            : Text.Pick(language, "公式，代入 ", "formula with ") + string.Join(Text.Comma(language), shown);
        var result = _formula.Run(frame);
        return result.NotAScore(language) is { } failure ? (0m, failure, described) : (result.ToDecimal(), null, described);
    }
}
