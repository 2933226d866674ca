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

        FormulaResult outcome;
        try
        {
            var result = bound.Function.Call(JsValue.Undefined, Arguments(engine.Engine, frame));
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
            outcome = FormulaResult.Failed($"the formula went past the memory limit of {_sandbox.Limits.MemoryLimitBytes:N0} bytes: {Truncate(e.Message)}");
        }
        catch (RecursionDepthOverflowException)
        {
            outcome = FormulaResult.Failed($"the formula nested calls deeper than {_sandbox.Limits.MaxRecursionDepth}");
        }
        catch (Exception e) when (e is not StackOverflowException)
        {
            // Anything else (out of memory, an engine fault): fail this formula and start the next on a fresh engine.
            _sandbox.DiscardCurrent();
            return FormulaResult.Failed($"the formula failed: {e.GetType().Name}: {Truncate(e.Message)}");
        }

        // Nothing a formula can reach leaves work to run later; should anything have, it must not run in (or
        // hold memory for) a later evaluation: the engine is dropped and this evaluation fails.
        if (engine.HasPendingWork)
        {
            _sandbox.DiscardCurrent();
            return FormulaResult.Failed("the formula left work to run after it (a promise job), which formulas may not");
        }

        return outcome;
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
