using Jint;
using Jint.Constraints;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;

namespace IndicatorEngine.Scripting;

/// <summary>
/// One Jint engine set up as a sandbox: strict mode, no eval or Function, no CLR, every limit of
/// <see cref="SandboxLimits"/>, the helpers of <see cref="SandboxPrelude"/>, and then a frozen realm — every
/// object reachable from the global object is frozen, so no evaluation can leave anything behind for the
/// next. Not thread-safe: <see cref="FormulaSandbox"/> keeps one per thread.
/// </summary>
internal sealed class SandboxEngine
{
    // Intrinsics not reachable from a global property, frozen as well so that no evaluation can change them.
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
          Object.getPrototypeOf(/a/[Symbol.matchAll]("")),
          Object.getPrototypeOf((function* () {})()),
          Object.getPrototypeOf(Object.getPrototypeOf(Int8Array)),
        ]
        """;

    // Globals a formula has no use for: shared memory and blocking waits, weak references, nested realms.
    private static readonly string[] Removed = ["Atomics", "SharedArrayBuffer", "ShadowRealm", "WeakRef", "FinalizationRegistry"];

    private static readonly Prepared<Acornima.Ast.Script> PreludeScript = Engine.PrepareScript(SandboxPrelude.Source);

    private readonly Engine _engine;

    public SandboxEngine(SandboxLimits limits)
    {
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
            options.Constraints.MaxArraySize = (uint)Math.Min(limits.MaxChars, 1_000_000);
            options.TimeoutInterval(limits.TimeLimit);
            options.LimitMemory(limits.MemoryLimitBytes);

            // Setting up the realm takes more statements than a formula may; the real budget is set afterwards.
            options.MaxStatements(int.MaxValue - 1);
        });

        _engine.Execute(PreludeScript);
        var global = _engine.Global;
        foreach (var name in Removed)
        {
            global.Delete(name);
        }

        GuardStringBuilders(limits.MaxChars);
        FreezeRealm(_engine.Evaluate(HiddenIntrinsics));
        _engine.Constraints.Find<MaxStatementsConstraint>()!.MaxStatements = limits.MaxStatements;
    }

    public Engine Engine => _engine;

    /// <summary>The names the global object defines after setup (standard globals and helpers).</summary>
    public IReadOnlyCollection<string> GlobalNames() =>
        _engine.Global.GetOwnPropertyKeys(Types.String).Select(k => k.ToString()).ToHashSet(StringComparer.Ordinal);

    /// <summary>Evaluates a prepared <c>(function (…) { … })</c> and returns the function.</summary>
    public Jint.Native.Function.Function Define(in Prepared<Acornima.Ast.Script> script) => (Jint.Native.Function.Function)_engine.Evaluate(script);

    // One call to repeat, padStart, padEnd or join can build a string of any size inside a single statement,
    // before the memory limit is next checked: refuse those up front.
    private void GuardStringBuilders(long maxChars)
    {
        var rangeError = (Jint.Native.Error.ErrorConstructor)_engine.Global.Get("RangeError");
        var strings = (ObjectInstance)_engine.Evaluate("String.prototype");
        Wrap(strings, "repeat", 1, (self, args) => TypeConverter.ToString(self).Length * Count(args, 0));
        Wrap(strings, "padStart", 2, (self, args) => Count(args, 0));
        Wrap(strings, "padEnd", 2, (self, args) => Count(args, 0));
        Wrap((ObjectInstance)_engine.Evaluate("Array.prototype"), "join", 1, (self, args) =>
        {
            if (self is not ObjectInstance array)
            {
                return 0;
            }

            var length = TypeConverter.ToNumber(array.Get("length"));
            var separator = args.Length == 0 || args[0].IsUndefined() ? 1 : TypeConverter.ToString(args[0]).Length;
            double total = separator * Math.Max(0, length - 1);
            for (uint i = 0; i < length && total <= maxChars; i++)
            {
                if (array.Get(i) is JsString s)
                {
                    total += s.Length;
                }
            }

            return total;
        });

        void Wrap(ObjectInstance prototype, string name, int arity, Func<JsValue, JsValue[], double> resultLength)
        {
            var native = prototype.Get(name);
            var guarded = new ClrFunction(_engine, name, (self, args) =>
            {
                if (resultLength(self, args) > maxChars)
                {
                    var message = $"{name} would build a string longer than the sandbox allows ({maxChars:N0} characters)";
                    throw new JavaScriptException(rangeError, message, new InvalidOperationException(message));
                }

                return _engine.Call(native, self, args);
            }, arity, PropertyFlag.Configurable);
            prototype.DefineOwnProperty(name, new PropertyDescriptor(guarded, PropertyFlag.NonEnumerable));
        }

        static double Count(JsValue[] args, int index) =>
            args.Length > index ? Math.Max(0, TypeConverter.ToNumber(args[index])) : 0;
    }

    private void FreezeRealm(JsValue hidden)
    {
        var freeze = _engine.Evaluate("Object.freeze");
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
