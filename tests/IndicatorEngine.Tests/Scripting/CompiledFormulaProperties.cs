using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using IndicatorEngine.Scripting;

namespace IndicatorEngine.Tests.Scripting;

/// <summary>The compiled fast path and Jint agree, bit for bit, on every formula of the subset.</summary>
public class CompiledFormulaProperties
{
    private static readonly IReadOnlySet<string> NoChildren = new HashSet<string>();

    public static Arbitrary<RandomFormula> Formulas() => Arb.From(
        Gen.Sized(size => Gen.Choose(0, int.MaxValue).Select(seed => RandomFormula.Create(seed, Math.Min(size, 6)))));

    [Property(MaxTest = 3000, Arbitrary = [typeof(CompiledFormulaProperties)], EndSize = 8)]
    public void CompiledFormula_ReturnsExactlyWhatJintReturns(RandomFormula formula)
    {
        var problems = new List<FormulaProblem>();
        var use = formula.IsVeto ? FormulaUse.Veto : FormulaUse.Leaf;
        var shape = FormulaAnalyzer.Analyze(formula.Text, use, TypeOf, NoChildren, problems);
        Assert.True(shape is not null, $"{formula}: {string.Join("; ", problems.Select(p => p.Message))}");
        var prepared = new PreparedFormula(shape!, new FormulaOptions().Freeze(), compile: true);
        Assert.True(prepared.IsCompiled, $"not compiled: {formula}");

        var frame = FormulaFrame.Rent(shape!.Inputs.Count);
        for (var i = 0; i < shape.Inputs.Count; i++)
        {
            var name = shape.Inputs[i].Name;
            switch (name)
            {
                case "n1" or "n2" or "n3":
                    frame.Numbers[i] = formula.NumberInputs[name[1] - '1'];
                    break;
                case "points":
                    frame.Numbers[i] = formula.NumberInputs[3];
                    break;
                case "b1" or "b2":
                    frame.Numbers[i] = formula.BooleanInputs[name[1] - '1'] ? 1 : 0;
                    break;
                default:
                    frame.Texts[i] = formula.StringInputs[name[1] - '1'];
                    break;
            }
        }

        // The first calls run the expression tree in the interpreter, later ones the compiled delegate: both must agree with Jint.
        var jint = prepared.RunInJint(frame);
        foreach (var (how, result) in new[] { ("interpreted", prepared.RunInterpreted(frame)), ("compiled", prepared.RunCompiled(frame)) })
        {
            Assert.True(Same(result, jint), $"{formula}: {how} {result.Type} {result.Number:R}, Jint {jint.Type} {jint.Number:R} {jint.Failure}");
        }
    }

    private static bool Same(FormulaResult a, FormulaResult b) =>
        a.Type == b.Type && (BitConverter.DoubleToInt64Bits(a.Number) == BitConverter.DoubleToInt64Bits(b.Number) || double.IsNaN(a.Number) && double.IsNaN(b.Number));

    private static JsType? TypeOf(string key) => key switch
    {
        "n1" or "n2" or "n3" => JsType.Number,
        "b1" or "b2" => JsType.Boolean,
        "s1" or "s2" => JsType.String,
        _ => null,
    };
}
