using Acornima.Ast;

namespace IndicatorEngine.Scripting;

/// <summary>
/// A formula that parsed and passed the checks: its syntax tree, the inputs it reads, and the JavaScript
/// function Jint runs (the formula's own text wrapped as the body of a function of its inputs). Immutable.
/// </summary>
internal sealed class FormulaShape(string text, FormulaUse use, Node root, IReadOnlyList<FormulaInput> inputs, string jintSource)
{
    public string Text => text;

    public FormulaUse Use => use;

    /// <summary>True when the formula is one expression (only those can be compiled); false for statements with <c>return</c>.</summary>
    public bool IsExpression => root is Expression;

    /// <summary>The expression, or the script of statements.</summary>
    public Node Root => root;

    public IReadOnlyList<FormulaInput> Inputs => inputs;

    /// <summary><c>(function (input, …) { "use strict"; … })</c>; the formula starts on its second line.</summary>
    public string JintSource => jintSource;

    public int IndexOf(InputSource source, string key)
    {
        for (var i = 0; i < inputs.Count; i++)
        {
            if (inputs[i].Source == source && inputs[i].Key == key)
            {
                return i;
            }
        }

        return -1;
    }
}
