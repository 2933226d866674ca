using System.Runtime.CompilerServices;

namespace IndicatorEngine.Scripting;

/// <summary>
/// The numbers of a formula whose inputs go as arguments, on the stack (a fixed-size buffer: no allocation,
/// and none of the cost of <c>stackalloc</c>). Used as a <see cref="Span{T}"/> of <see cref="FormulaCompiler.MaxArguments"/> doubles.
/// </summary>
[InlineArray(FormulaCompiler.MaxArguments)]
internal struct FormulaArguments
{
    private double _first;
}
