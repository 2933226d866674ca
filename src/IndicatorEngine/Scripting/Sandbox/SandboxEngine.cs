using System.Runtime.CompilerServices;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;

namespace IndicatorEngine.Scripting;

/// <summary>
/// One Jint engine set up as a sandbox: strict mode, no eval or Function, no CLR; the statement budget
/// (<see cref="SandboxBudget"/>), memory and recursion limits and the CPU-time safety net of
/// <see cref="SandboxLimits"/>; the helpers of <see cref="SandboxPrelude"/>; JavaScript's <c>Math.round</c>;
/// built-ins that are bounded before they allocate (<see cref="SandboxGuards"/>); only what
/// <see cref="SandboxCapabilities"/> lists, everything else deleted; and then a frozen realm — every object a
/// formula can reach is frozen, so no evaluation can leave anything behind for the next. Not thread-safe:
/// <see cref="FormulaSandbox"/> keeps one per thread.
/// </summary>
internal sealed class SandboxEngine
{
    // Intrinsics not reachable from a global property, frozen as well: formulas cannot reach them (generators,
    // async functions and Symbol are refused), but nothing unfrozen should be left should one be found.
    private const string HiddenIntrinsics = """
        [
          Object.getPrototypeOf(function* () {}),
          Object.getPrototypeOf(async function () {}),
          Object.getPrototypeOf(async function* () {}),
          Object.getPrototypeOf([][Symbol.iterator]()),
          Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())),
          Object.getPrototypeOf(new Map().entries()),
          Object.getPrototypeOf(new Set().values()),
          Object.getPrototypeOf(""[Symbol.iterator]()),
          Object.getPrototypeOf((function* () {})()),
          Object.getPrototypeOf(Object.getPrototypeOf(Int8Array)),
          Promise,
          Promise.prototype,
          Symbol,
          Symbol.prototype,
          RegExp,
          RegExp.prototype,
        ]
        """;

    private static readonly HashSet<string> FunctionKeeps = new(StringComparer.Ordinal) { "length", "name" };

    private static readonly Prepared<Acornima.Ast.Script> PreludeScript = Engine.PrepareScript(SandboxPrelude.Source);

    private readonly Engine _engine;
    private readonly SandboxBudget _budget;
    private readonly SandboxGuards _guards;

    public SandboxEngine(SandboxLimits limits)
    {
        _budget = new SandboxBudget(limits.MaxStatements);
        _engine = new Engine(options =>
        {
            options.Strict();
            options.DisableStringCompilation();
            options.AgentCanSuspend = false;
            options.Interop.Enabled = false;
            options.Culture = System.Globalization.CultureInfo.InvariantCulture;
            options.TimeZone = TimeZoneInfo.Utc;
            options.LimitRecursion(limits.MaxRecursionDepth);
            options.Constraints.StackOverflowGuard = true;
            options.Constraints.RegexTimeout = limits.RegexTimeout;
            options.Constraints.MaxArraySize = (uint)Math.Min(limits.MaxArrayLength, uint.MaxValue - 1L);
            options.LimitMemory(limits.MemoryLimitBytes);

            // The statement budget and the CPU-time safety net replace Jint's statement and wall-clock limits.
            options.Constraints.Constraints.Add(_budget);
            options.Constraints.Constraints.Add(new SandboxCpuTime(limits.TimeLimit));
        });

        _engine.Execute(PreludeScript);
        var hidden = _engine.Evaluate(HiddenIntrinsics);
        var freeze = _engine.Evaluate("Object.freeze");
        var listed = new Dictionary<ObjectInstance, (string Name, HashSet<string> Keeps)>(ReferenceEqualityComparer.Instance);
        foreach (var (expression, keeps) in SandboxCapabilities.Objects)
        {
            listed[(ObjectInstance)_engine.Evaluate(expression)] = (expression, keeps.ToHashSet(StringComparer.Ordinal));
        }

        InstallRound();
        _guards = new SandboxGuards(_engine, _budget, limits);
        _guards.Install();
        KeepOnlyCapabilities(listed);
        Freeze(freeze, hidden);

        // Setting up ran statements of its own; from now on every statement counts.
        _budget.Enabled = true;
    }

    public Engine Engine => _engine;

    /// <summary>The names the global object defines after setup (the capabilities' globals).</summary>
    public IReadOnlyCollection<string> GlobalNames() =>
        _engine.Global.GetOwnPropertyKeys(Types.String).Select(k => k.ToString()).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Whether the engine holds work to run later (a promise job): none of what formulas can reach makes any,
    /// so this is a last check that no evaluation left anything for the next.
    /// </summary>
    public bool HasPendingWork => !IsEmpty(EventLoopOf(_engine));

    /// <summary>
    /// Evaluates a prepared <c>(function (template, spread) { return (function (…) { … }); })</c> (see
    /// <see cref="FormulaAnalyzer"/>) and returns the inner function, given this engine's guarded helpers.
    /// </summary>
    public Jint.Native.Function.Function Define(in Prepared<Acornima.Ast.Script> script)
    {
        var factory = (Jint.Native.Function.Function)_engine.Evaluate(script);
        return (Jint.Native.Function.Function)factory.Call(JsValue.Undefined, [_guards.Template, _guards.Spread]);
    }

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "get_EventLoop")]
    [return: UnsafeAccessorType("Jint.Runtime.EventLoop, Jint")]
    private static extern object EventLoopOf(Engine engine);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "get_IsEmpty")]
    private static extern bool IsEmpty([UnsafeAccessorType("Jint.Runtime.EventLoop, Jint")] object loop);

    // Jint 4.18's Math.round is one too high just past a negative tie (Math.round(0.7 - 2.2) gave −1, not −2):
    // the sandbox uses the rounding compiled formulas use, which follows ECMAScript (ties toward +∞, −0 kept).
    private void InstallRound()
    {
        var math = (ObjectInstance)_engine.Global.Get("Math");
        var round = new ClrFunction(_engine, "round", (_, args) => JsNumber.Create(JsNumbers.Round(TypeConverter.ToNumber(args.Length > 0 ? args[0] : JsValue.Undefined))), 1, PropertyFlag.Configurable);
        math.DefineOwnProperty("round", new PropertyDescriptor(round, PropertyFlag.NonEnumerable | PropertyFlag.Writable | PropertyFlag.Configurable));
    }

    // Walks everything reachable from the global object (property values, getters, setters, prototypes) and
    // deletes what the capability list does not keep; an unlisted object, or a listed property that is missing,
    // stops the setup (so a Jint upgrade that adds something reachable is noticed, not silently allowed).
    private void KeepOnlyCapabilities(Dictionary<ObjectInstance, (string Name, HashSet<string> Keeps)> listed)
    {
        var seen = new HashSet<ObjectInstance>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<(ObjectInstance Target, string Path)>();
        pending.Push((_engine.Global, "globalThis"));
        while (pending.Count > 0)
        {
            var (target, path) = pending.Pop();
            if (!seen.Add(target))
            {
                continue;
            }

            var keeps = listed.TryGetValue(target, out var entry) ? entry.Keeps
                : target is Jint.Native.Function.Function ? FunctionKeeps
                : throw new InvalidOperationException($"sandbox setup: {path} is reachable but not in the capability list (SandboxCapabilities)");
            var everything = keeps.Contains("*");
            var kept = new HashSet<string>(StringComparer.Ordinal);
            foreach (var key in target.GetOwnPropertyKeys(Types.String).Concat(target.GetOwnPropertyKeys(Types.Symbol)))
            {
                var label = Label(key);
                if (!everything && !keeps.Contains(label))
                {
                    if (!target.Delete(key))
                    {
                        throw new InvalidOperationException($"sandbox setup: {path}.{label} is not in the capability list and cannot be deleted");
                    }

                    continue;
                }

                kept.Add(label);
                var descriptor = target.GetOwnProperty(key);
                Push(descriptor.Value, $"{path}.{label}");
                Push(descriptor.Get, $"{path}.{label} (getter)");
                Push(descriptor.Set, $"{path}.{label} (setter)");
            }

            if (!everything && keeps.Except(kept).FirstOrDefault() is { } missing)
            {
                throw new InvalidOperationException($"sandbox setup: the capability list keeps {path}.{missing}, which the engine does not have");
            }

            Push(target.Prototype, $"{path}.[[Prototype]]");
        }

        void Push(JsValue? value, string path)
        {
            if (value is ObjectInstance o)
            {
                pending.Push((o, path));
            }
        }
    }

    private static string Label(JsValue key)
    {
        if (key is not JsSymbol symbol)
        {
            return key.ToString();
        }

        // "Symbol(Symbol.iterator)" is @@iterator.
        var text = symbol.ToString();
        const string WellKnown = "Symbol(Symbol.";
        return text.StartsWith(WellKnown, StringComparison.Ordinal) ? "@@" + text[WellKnown.Length..^1] : text;
    }

    private void Freeze(JsValue freeze, JsValue hidden)
    {
        var seen = new HashSet<ObjectInstance>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<ObjectInstance>();
        pending.Push(_engine.Global);
        pending.Push((ObjectInstance)hidden);
        while (pending.Count > 0)
        {
            var target = pending.Pop();
            if (!seen.Add(target))
            {
                continue;
            }

            _engine.Call(freeze, JsValue.Undefined, [target]);
            foreach (var (_, descriptor) in target.GetOwnProperties())
            {
                Push(descriptor.Value);
                Push(descriptor.Get);
                Push(descriptor.Set);
            }

            Push(target.Prototype);
        }

        void Push(JsValue? value)
        {
            if (value is ObjectInstance o)
            {
                pending.Push(o);
            }
        }
    }
}
