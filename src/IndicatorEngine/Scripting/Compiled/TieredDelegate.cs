using System.Linq.Expressions;

namespace IndicatorEngine.Scripting;

/// <summary>
/// A compiled formula's delegate, made when first needed and in two steps: the first calls run the expression
/// tree in the interpreter of System.Linq.Expressions (about 15 µs to make, under a microsecond a call), and
/// after <see cref="CallsBeforeCompiling"/> calls it is compiled to IL (about 150 µs to make, a few nanoseconds
/// a call). Loading a definition then costs no compiling at all, and a system of 100,000 formulas scores its
/// first subject in about a second instead of first compiling for half a minute. Both give the same doubles.
/// Thread-safe: racing threads may each make a delegate; any of them is right.
/// </summary>
internal sealed class TieredDelegate<T>(Expression<T> lambda)
    where T : Delegate
{
    /// <summary>Calls run by the interpreter before the delegate is compiled.</summary>
    public const int CallsBeforeCompiling = 16;

    private T? _compiled;
    private T? _interpreted;
    private int _calls;

    /// <summary>The delegate to call now (counts as one call).</summary>
    public T Current => _compiled ?? Warming();

    /// <summary>The compiled delegate, compiled now if it was not yet (tests and benchmarks).</summary>
    public T Compiled => _compiled ??= lambda.Compile();

    /// <summary>The interpreted delegate (tests compare it with the compiled one).</summary>
    public T Interpreted => _interpreted ??= lambda.Compile(preferInterpretation: true);

    private T Warming() => Interlocked.Increment(ref _calls) >= CallsBeforeCompiling ? Compiled : Interpreted;
}
