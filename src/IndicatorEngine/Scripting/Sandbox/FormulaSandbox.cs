using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace IndicatorEngine.Scripting;

/// <summary>
/// The sandbox engines of one loaded system: one engine per thread, made on the thread's first formula and
/// kept (an engine is not thread-safe, and making one costs far more than an evaluation). Each system has its
/// own, so one system's formulas can never affect another's, whatever they leave in an engine. Thread-safe.
/// </summary>
internal sealed class FormulaSandbox
{
    // Sandboxes by owner (a loaded system's catalogue), kept while the owner lives; formulas prepared without
    // an owner (tests, benchmarks) share one sandbox per set of limits.
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<SandboxLimits, FormulaSandbox>> Owned = new();
    private static readonly ConcurrentDictionary<SandboxLimits, FormulaSandbox> Shared = new();
    private static readonly IReadOnlySet<string> Globals = new HashSet<string>(SandboxCapabilities.Globals, StringComparer.Ordinal);

    private readonly ThreadLocal<SandboxEngine?> _engines = new();

    private FormulaSandbox(SandboxLimits limits) => Limits = limits;

    public SandboxLimits Limits { get; }

    /// <summary>The names a formula can use without declaring them: the globals of <see cref="SandboxCapabilities"/> (helpers included).</summary>
    public static IReadOnlySet<string> GlobalNames => Globals;

    /// <summary>The sandbox for formulas of one owner (a loaded system) with these limits; null owner: shared by limits.</summary>
    public static FormulaSandbox For(SandboxLimits limits, object? owner = null) =>
        (owner is null ? Shared : Owned.GetValue(owner, _ => new ConcurrentDictionary<SandboxLimits, FormulaSandbox>())).GetOrAdd(limits, l => new FormulaSandbox(l));

    /// <summary>This thread's engine, made when first needed.</summary>
    public SandboxEngine Current => _engines.Value ??= new SandboxEngine(Limits);

    /// <summary>
    /// Drops this thread's engine after a failure the engine might not recover from cleanly (an exception that
    /// is neither a JavaScript error nor a limit, or work left pending); the next formula gets a fresh one.
    /// </summary>
    public void DiscardCurrent() => _engines.Value = null;
}
