namespace IndicatorEngine.Scripting;

/// <summary>
/// What a formula can reach in the sandbox, as an allowlist (like OPA's capabilities): every object reachable
/// from the global object, by the expression that finds it while the engine is set up, with the own properties
/// it keeps. <see cref="SandboxEngine"/> deletes every other property, refuses to start when it finds a
/// reachable object that is not listed (or a listed property that is missing), and then freezes it all.
/// indicators/README.md documents the same list (a test holds the two together).
/// </summary>
/// <remarks>
/// Functions that are not listed keep only <c>length</c> and <c>name</c>. Keys starting with <c>@@</c> are
/// well-known symbols (<c>@@iterator</c> is <c>Symbol.iterator</c>), reachable by the engine (for-of, spread)
/// but not by a formula, which has no <c>Symbol</c>. "*" keeps every property (plain data).
/// </remarks>
internal static class SandboxCapabilities
{
    /// <summary>Properties an object keeps that are plumbing, not capabilities: not listed in the documentation.</summary>
    public static readonly IReadOnlySet<string> Plumbing = new HashSet<string>(StringComparer.Ordinal) { "length", "name", "prototype", "constructor" };

    /// <summary>The reachable objects, the global object first.</summary>
    public static readonly IReadOnlyList<(string Object, string[] Keeps)> Objects =
    [
        ("globalThis", [
            "Infinity", "NaN", "undefined", "globalThis", "isFinite", "isNaN", "parseFloat", "parseInt",
            "Array", "Boolean", "Number", "String", "Object", "Math", "Error", "RangeError", "TypeError", "ReferenceError", "SyntaxError",
            "clamp", "ratio", "tiers", "min", "max",
        ]),
        ("Math", [
            "E", "LN10", "LN2", "LOG10E", "LOG2E", "PI", "SQRT1_2", "SQRT2",
            "abs", "acos", "acosh", "asin", "asinh", "atan", "atan2", "atanh", "cbrt", "ceil", "clz32", "cos", "cosh", "exp", "expm1",
            "f16round", "floor", "fround", "hypot", "imul", "log", "log10", "log1p", "log2", "max", "min", "pow", "round", "sign", "sin",
            "sinh", "sqrt", "tan", "tanh", "trunc", "@@toStringTag",
        ]),
        ("Number", [
            "length", "name", "prototype", "EPSILON", "MAX_SAFE_INTEGER", "MAX_VALUE", "MIN_SAFE_INTEGER", "MIN_VALUE", "NEGATIVE_INFINITY",
            "NaN", "POSITIVE_INFINITY", "isFinite", "isInteger", "isNaN", "isSafeInteger", "parseFloat", "parseInt",
        ]),
        ("Number.prototype", ["constructor", "toExponential", "toFixed", "toPrecision", "toString", "valueOf"]),
        ("Boolean", ["length", "name", "prototype"]),
        ("Boolean.prototype", ["constructor", "toString", "valueOf"]),
        ("String", ["length", "name", "prototype", "fromCharCode", "fromCodePoint"]),
        ("String.prototype", [
            "length", "constructor", "at", "charAt", "charCodeAt", "codePointAt", "concat", "endsWith", "includes", "indexOf", "lastIndexOf",
            "padEnd", "padStart", "repeat", "replace", "replaceAll", "slice", "split", "startsWith", "substring", "toLowerCase", "toString",
            "toUpperCase", "trim", "trimEnd", "trimStart", "valueOf", "@@iterator",
        ]),
        ("Array", ["length", "name", "prototype", "from", "isArray", "of", "@@species"]),
        ("Array.prototype", [
            "length", "constructor", "at", "concat", "every", "fill", "filter", "find", "findIndex", "findLast", "findLastIndex", "flat",
            "flatMap", "forEach", "includes", "indexOf", "join", "lastIndexOf", "map", "pop", "push", "reduce", "reduceRight", "reverse",
            "shift", "slice", "some", "sort", "splice", "toReversed", "toSorted", "toSpliced", "toString", "unshift", "with", "@@iterator",
            "@@unscopables",
        ]),
        ("Array.prototype[Symbol.unscopables]", ["*"]),
        ("Object", ["length", "name", "prototype", "assign", "entries", "freeze", "fromEntries", "hasOwn", "is", "isFrozen", "keys", "values"]),
        ("Object.prototype", ["constructor", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "toString", "valueOf"]),
        ("Function.prototype", ["length", "name", "apply", "bind", "call", "toString", "arguments", "caller", "@@hasInstance"]),
        ("Error", ["length", "name", "prototype"]),
        ("Error.prototype", ["constructor", "message", "name", "toString"]),
        ("RangeError", ["length", "name", "prototype"]),
        ("RangeError.prototype", ["constructor", "message", "name"]),
        ("TypeError", ["length", "name", "prototype"]),
        ("TypeError.prototype", ["constructor", "message", "name"]),
        ("ReferenceError", ["length", "name", "prototype"]),
        ("ReferenceError.prototype", ["constructor", "message", "name"]),
        ("SyntaxError", ["length", "name", "prototype"]),
        ("SyntaxError.prototype", ["constructor", "message", "name"]),
    ];

    /// <summary>The names a formula can use without declaring them: the global object's properties.</summary>
    public static IReadOnlyList<string> Globals => Objects[0].Keeps;

    /// <summary>
    /// Standard JavaScript names formulas cannot use, with the reason given when a formula names one (IE120 when
    /// the definition loads). A score is a function of the evidence: no clock, no chance, no work left to run later.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Denied = Reasons(
        ("a score cannot depend on the clock", ["Date", "Temporal"]),
        ("a formula gives its value now, with nothing left to run after it", ["Promise", "AsyncIterator", "AsyncDisposableStack", "queueMicrotask", "setTimeout", "setInterval"]),
        ("formulas have no symbols, weak references, proxies or reflection", ["Symbol", "WeakRef", "FinalizationRegistry", "WeakMap", "WeakSet", "Proxy", "Reflect"]),
        ("regular expressions are not available (their running time has no deterministic bound); compare strings with ===, includes, startsWith or split", ["RegExp"]),
        ("formulas cannot compile code", ["eval", "Function", "ShadowRealm"]),
        ("formulas work with numbers, strings, booleans and arrays", [
            "JSON", "Map", "Set", "Intl", "Iterator", "Generator", "BigInt", "ArrayBuffer", "SharedArrayBuffer", "DataView", "Atomics",
            "TypedArray", "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array",
            "Float16Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array", "DisposableStack", "SuppressedError",
            "AggregateError", "EvalError", "URIError", "encodeURI", "encodeURIComponent", "decodeURI", "decodeURIComponent", "escape",
            "unescape"]));

    /// <summary>Members formulas cannot use on objects they can use, with the reason.</summary>
    public static readonly IReadOnlyDictionary<string, string> DeniedMembers = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Math.random"] = "a score cannot depend on chance",
    };

    private static Dictionary<string, string> Reasons(params (string Reason, string[] Names)[] groups)
    {
        var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (reason, names) in groups)
        {
            foreach (var name in names)
            {
                reasons[name] = reason;
            }
        }

        return reasons;
    }
}
