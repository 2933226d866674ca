namespace IndicatorEngine.Scripting;

/// <summary>
/// A checked formula made ready once per compiled plan: compiled to a delegate when it is in the
/// pure-expression subset (and compiling is on), and always prepared for Jint. The delegates are made when
/// first called (see <see cref="TieredDelegate{T}"/>), so loading a definition compiles nothing. Thread-safe.
/// </summary>
internal sealed class PreparedFormula
{
    private readonly TieredDelegate<Func<double[], object?[], double>>? _compiled;
    private readonly TieredDelegate<Func<double, double, double, double, double>>? _fast;
    // Prepared for Jint only when first needed: a compiled formula seldom is, and preparing costs tens of
    // milliseconds when Jint is still cold, which a one-off CLI run would pay for nothing.
    private readonly Lazy<JintFormula> _jint;
    private readonly bool _veto;

    /// <param name="shape">The checked formula.</param>
    /// <param name="limits">The sandbox limits for Jint.</param>
    /// <param name="compile">Whether to compile it when it is in the subset.</param>
    /// <param name="points">The leaf's points, compiled in as a constant; callers must then pass the same value.</param>
    /// <param name="owner">What the formula belongs to (a loaded system's catalogue): formulas of one owner share sandbox engines, no others do.</param>
    public PreparedFormula(FormulaShape shape, SandboxLimits limits, bool compile, decimal? points = null, object? owner = null)
    {
        Shape = shape;
        _veto = shape.Use == FormulaUse.Veto;
        CompiledPoints = points;
        _compiled = compile && FormulaCompiler.TryBuild(shape, (double?)points) is { } lambda ? new(lambda) : null;
        _fast = _compiled is not null && FormulaCompiler.TryBuildWithArguments(shape, (double?)points) is { } fast ? new(fast) : null;
        _jint = new Lazy<JintFormula>(() => new JintFormula(shape, FormulaSandbox.For(limits, owner)));
    }

    public FormulaShape Shape { get; }

    /// <summary>The points compiled into the delegates as a constant, or null.</summary>
    public decimal? CompiledPoints { get; }

    /// <summary>True when evaluations run as a compiled delegate rather than in Jint.</summary>
    public bool IsCompiled => _compiled is not null;

    /// <summary>True when evaluations need a <see cref="FormulaFrame"/>; false when the inputs go as arguments (see <see cref="Run(ReadOnlySpan{double}, FormulaFrame?)"/>).</summary>
    public bool NeedsFrame => _fast is null;

    /// <summary>Runs the formula on inputs already in <paramref name="numbers"/> (at least four) or, when <see cref="NeedsFrame"/>, in the frame.</summary>
    public FormulaResult Run(ReadOnlySpan<double> numbers, FormulaFrame? frame) =>
        _fast is { } fast ? Result(fast.Current(numbers[0], numbers[1], numbers[2], numbers[3])) : Run(frame!);

    /// <summary>The fast form (inputs as arguments), or null; see <see cref="FormulaCompiler.TryCompileWithArguments"/>. Ask for <see cref="TieredDelegate{T}.Current"/> at each call.</summary>
    public TieredDelegate<Func<double, double, double, double, double>>? Fast => _fast;

    public FormulaResult Run(FormulaFrame frame) => _compiled is { } compiled ? Result(compiled.Current(frame.Numbers, frame.Texts)) : _jint.Value.Run(frame);

    /// <summary>Runs the compiled delegate, compiled now if it was still interpreted (tests compare it with Jint); the formula must be compiled.</summary>
    public FormulaResult RunCompiled(FormulaFrame frame) => Result(_compiled!.Compiled(frame.Numbers, frame.Texts));

    /// <summary>Runs the expression tree in the interpreter, as the first calls do (tests compare it with Jint); the formula must be compiled.</summary>
    public FormulaResult RunInterpreted(FormulaFrame frame) => Result(_compiled!.Interpreted(frame.Numbers, frame.Texts));

    /// <summary>Runs the formula in Jint even when it is compiled (tests and benchmarks compare the two).</summary>
    public FormulaResult RunInJint(FormulaFrame frame) => _jint.Value.Run(frame);

    private FormulaResult Result(double value) => _veto ? FormulaResult.Of(value != 0) : FormulaResult.Of(value);
}
