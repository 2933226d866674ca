using System.Globalization;
using System.Text.RegularExpressions;
using Jint;
using Jint.Native;
using Jint.Native.Function;
using Jint.Runtime;

namespace IndicatorEngine.Scripting;

/// <summary>
/// A formula run by Jint: its function prepared (parsed and analysed) once, defined once in each thread's
/// sandbox engine and then only called, with the inputs as arguments. Thread-safe.
/// </summary>
internal sealed class JintFormula
{
    private readonly FormulaShape _shape;
    private readonly FormulaSandbox _sandbox;
    private readonly Prepared<Acornima.Ast.Script> _script;
    private readonly ThreadLocal<Bound?> _bound = new();

    // Outcomes of evaluations near the memory limit, decided canonically, by inputs (see Run).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, FormulaResult> _decided = new(StringComparer.Ordinal);
    private const int MaxDecided = 1024;
    private const int MaxKeyChars = 256;

    public JintFormula(FormulaShape shape, FormulaSandbox sandbox)
    {
        _shape = shape;
        _sandbox = sandbox;
        _script = Engine.PrepareScript(shape.JintSource, strict: true);
    }

    public FormulaResult Run(FormulaFrame frame)
    {
        var engine = _sandbox.Current;
        var bound = _bound.Value;
        if (bound is null || bound.Engine != engine)
        {
            _bound.Value = bound = new Bound(engine, engine.Define(_script));
        }

        var (outcome, allocated, discard) = Evaluate(engine, bound.Function, frame);
        if (discard)
        {
            _sandbox.DiscardCurrent();
            return outcome;
        }

        // Memory is counted as bytes allocated, and that count depends on more than the formula and its inputs:
        // a function's first call builds its interpreted body (up to some hundred kilobytes for a long formula),
        // and Jint rents buffers from pools and caches of the engine, the thread and the process, which hold more
        // or less depending on what ran before (a loop of 2,080 pushes measured 915 KB on one engine, 1,048 KB on
        // another). Far below the limit that cannot change the outcome. Near or past it, the outcome is decided
        // once per formula and inputs in the process: by a canonical evaluation, on a new engine after one call
        // to warm it, on one thread kept for this; and remembered, so that the same evidence always gets that
        // outcome, on any thread, whatever ran there before.
        var limit = _sandbox.Limits.MemoryLimitBytes;
        if (allocated > limit - (limit / 4))
        {
            outcome = Canonical(frame);
        }

        return outcome;
    }

    private FormulaResult Canonical(FormulaFrame frame)
    {
        var key = Key(frame);
        if (key is not null && _decided.TryGetValue(key, out var decided))
        {
            return decided;
        }

        var copy = frame.Copy();
        var outcome = CanonicalThread.Run(() =>
        {
            var fresh = new SandboxEngine(_sandbox.Limits);
            var function = fresh.Define(_script);
            Evaluate(fresh, function, copy);
            return Evaluate(fresh, function, copy).Outcome;
        });

        // Keep at most so many outcomes per formula; past that, later inputs are decided canonically each time.
        return key is not null && _decided.Count < MaxDecided ? _decided.GetOrAdd(key, outcome) : outcome;
    }

    // The inputs as one string (numbers by their bits), or null when they are too long to keep.
    private string? Key(FormulaFrame frame)
    {
        var key = new System.Text.StringBuilder();
        for (var i = 0; i < _shape.Inputs.Count; i++)
        {
            switch (_shape.Inputs[i].Type)
            {
                case JsType.Number or JsType.Boolean:
                    key.Append(BitConverter.DoubleToInt64Bits(frame.Numbers[i]).ToString(CultureInfo.InvariantCulture));
                    break;
                case JsType.String:
                    key.Append((string)frame.Texts[i]!);
                    break;
                default:
                    key.AppendJoin('\u001f', (IReadOnlyList<string>)frame.Texts[i]!);
                    break;
            }

            key.Append('\u001e');
            if (key.Length > MaxKeyChars)
            {
                return null;
            }
        }

        return key.ToString();
    }

    // One call: the result, the bytes it allocated (the limit's worth and more when it went past it), and whether
    // the engine must be dropped.
    private (FormulaResult Outcome, long Allocated, bool Discard) Evaluate(SandboxEngine engine, Function function, FormulaFrame frame)
    {
        var arguments = Arguments(engine.Engine, frame);
        var before = GC.GetAllocatedBytesForCurrentThread();
        FormulaResult outcome;
        try
        {
            var result = function.Call(JsValue.Undefined, arguments);
            outcome = result switch
            {
                JsNumber n => FormulaResult.Of(n.AsNumber()),
                JsBoolean b => FormulaResult.Of(b.AsBoolean()),
                _ => FormulaResult.Failed($"the formula returned {Describe(result)}, not {(_shape.Use == FormulaUse.Veto ? "true or false" : "a number")}"),
            };
        }
        catch (JavaScriptException e)
        {
            var at = e.Location.Start.Line > 1 ? $" (line {e.Location.Start.Line - 1}, column {e.Location.Start.Column + 1} of the formula)" : "";
            outcome = FormulaResult.Failed($"the formula threw: {Truncate(e.Message)}{at}");
        }
        catch (SandboxLimitException e)
        {
            outcome = FormulaResult.Failed(e.Message);
        }
        catch (RegexMatchTimeoutException)
        {
            outcome = FormulaResult.Failed($"a regular expression in the formula ran past its limit of {Ms(_sandbox.Limits.RegexTimeout)}");
        }
        catch (MemoryLimitExceededException e)
        {
            // Jint's "Script has allocated N bytes" is not shown: N depends on where the limit was seen, not on the formula alone.
            var limit = _sandbox.Limits.MemoryLimitBytes;
            var detail = e.Message.StartsWith("Script has allocated", StringComparison.Ordinal) ? "" : $": {Truncate(e.Message)}";
            return (FormulaResult.Failed($"the formula went past the memory limit of {limit:N0} bytes{detail}"), detail.Length == 0 ? long.MaxValue : 0, false);
        }
        catch (RecursionDepthOverflowException)
        {
            outcome = FormulaResult.Failed($"the formula nested calls deeper than {_sandbox.Limits.MaxRecursionDepth}");
        }
        catch (Exception e) when (e is not StackOverflowException)
        {
            // Anything else (out of memory, an engine fault): fail this formula and start the next on a fresh engine.
            return (FormulaResult.Failed($"the formula failed: {e.GetType().Name}: {Truncate(e.Message)}"), 0, true);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Nothing a formula can reach leaves work to run later; should anything have, it must not run in (or
        // hold memory for) a later evaluation: the engine is dropped and this evaluation fails.
        return engine.HasPendingWork
            ? (FormulaResult.Failed("the formula left work to run after it (a promise job), which formulas may not"), 0, true)
            : (outcome, allocated, false);
    }

    private JsValue[] Arguments(Engine engine, FormulaFrame frame)
    {
        var inputs = _shape.Inputs;
        var args = new JsValue[inputs.Count];
        for (var i = 0; i < args.Length; i++)
        {
            args[i] = inputs[i].Type switch
            {
                JsType.Number => new JsNumber(frame.Numbers[i]),
                JsType.Boolean => frame.Numbers[i] != 0 ? JsBoolean.True : JsBoolean.False,
                JsType.String => new JsString((string)frame.Texts[i]!),
                _ => new JsArray(engine, ((IReadOnlyList<string>)frame.Texts[i]!).Select(s => (JsValue)new JsString(s)).ToArray()),
            };
        }

        return args;
    }

    private static string Describe(JsValue value) => value switch
    {
        JsString s => $"the string \"{Truncate(s.ToString())}\"",
        _ when value.IsUndefined() => "undefined (no value)",
        _ when value.IsNull() => "null",
        _ => $"an {value.Type.ToString().ToLowerInvariant()}",
    };

    private static string Ms(TimeSpan time) => time.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) + " ms";

    private static string Truncate(string text) => text.Length <= 120 ? text : text[..120] + "…";

    private sealed record Bound(SandboxEngine Engine, Function Function);
}
