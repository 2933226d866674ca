using System.Collections.Concurrent;

namespace IndicatorEngine.Scripting;

/// <summary>
/// The sandbox engines for one set of limits: one engine per thread, made on the thread's first formula
/// and kept (an engine is not thread-safe, and making one costs far more than an evaluation). Shared by every
/// plan compiled with the same limits. Thread-safe.
/// </summary>
internal sealed class FormulaSandbox
{
    private static readonly ConcurrentDictionary<SandboxLimits, FormulaSandbox> Pools = new();
    private static readonly Lazy<IReadOnlySet<string>> Globals = new(() =>
        new SandboxEngine(new FormulaOptions().Freeze()).GlobalNames().ToHashSet(StringComparer.Ordinal));

    private readonly ThreadLocal<SandboxEngine?> _engines = new();

    private FormulaSandbox(SandboxLimits limits) => Limits = limits;

    public SandboxLimits Limits { get; }

    /// <summary>The names a formula can use without declaring them: JavaScript's globals and the helpers.</summary>
    public static IReadOnlySet<string> GlobalNames => Globals.Value;

    public static FormulaSandbox For(SandboxLimits limits) => Pools.GetOrAdd(limits, l => new FormulaSandbox(l));

    /// <summary>This thread's engine, made when first needed.</summary>
    public SandboxEngine Current => _engines.Value ??= new SandboxEngine(Limits);

    /// <summary>
    /// Drops this thread's engine after a failure the engine might not recover from cleanly (an exception that
    /// is neither a JavaScript error nor a limit); the next formula gets a fresh one.
    /// </summary>
    public void DiscardCurrent() => _engines.Value = null;
}
