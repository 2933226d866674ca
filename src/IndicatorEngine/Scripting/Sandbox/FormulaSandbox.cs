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
    // What a sandbox engine's global object holds after setup. Written out rather than read from an engine
    // because making a sandbox engine costs ~150 ms cold, and checking a formula at load needs only the names;
    // a test holds this list equal to a real engine's.
    private static readonly IReadOnlySet<string> Globals = new HashSet<string>(
    [
        "AggregateError", "Array", "ArrayBuffer", "AsyncDisposableStack", "AsyncIterator", "BigInt", "BigInt64Array", "BigUint64Array",
        "Boolean", "DataView", "Date", "DisposableStack", "Error", "EvalError", "Float16Array", "Float32Array", "Float64Array", "Function",
        "Generator", "Infinity", "Int16Array", "Int32Array", "Int8Array", "Intl", "Iterator", "JSON", "Map", "Math", "NaN", "Number",
        "Object", "Promise", "Proxy", "RangeError", "ReferenceError", "Reflect", "RegExp", "Set", "String", "SuppressedError", "Symbol",
        "SyntaxError", "Temporal", "TypeError", "TypedArray", "URIError", "Uint16Array", "Uint32Array", "Uint8Array", "Uint8ClampedArray",
        "WeakMap", "WeakSet", "clamp", "decodeURI", "decodeURIComponent", "encodeURI", "encodeURIComponent", "escape", "eval", "globalThis",
        "isFinite", "isNaN", "max", "min", "parseFloat", "parseInt", "ratio", "tiers", "toString", "undefined", "unescape",
    ], StringComparer.Ordinal);

    private readonly ThreadLocal<SandboxEngine?> _engines = new();

    private FormulaSandbox(SandboxLimits limits) => Limits = limits;

    public SandboxLimits Limits { get; }

    /// <summary>The names a formula can use without declaring them: JavaScript's globals and the helpers.</summary>
    public static IReadOnlySet<string> GlobalNames => Globals;

    public static FormulaSandbox For(SandboxLimits limits) => Pools.GetOrAdd(limits, l => new FormulaSandbox(l));

    /// <summary>This thread's engine, made when first needed.</summary>
    public SandboxEngine Current => _engines.Value ??= new SandboxEngine(Limits);

    /// <summary>
    /// Drops this thread's engine after a failure the engine might not recover from cleanly (an exception that
    /// is neither a JavaScript error nor a limit); the next formula gets a fresh one.
    /// </summary>
    public void DiscardCurrent() => _engines.Value = null;
}
