using System.Text;
using Jint;
using Jint.Native;
using Jint.Native.Function;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;

namespace IndicatorEngine.Scripting;

/// <summary>
/// Built-in calls bounded before they do their work. One call of a built-in runs inside one statement, where the
/// memory limit is not looked at, and can build a string or array of any size or go through millions of
/// elements (<c>a.replaceAll('a', b)</c> on a long string allocated 4 GB in one call). Each guarded call works
/// out, from its arguments, the size of what it will build and the elements or characters it will go through:
/// a string longer than <see cref="SandboxLimits.MaxChars"/> or an array longer than
/// <see cref="SandboxLimits.MaxArrayLength"/> is refused with a <c>RangeError</c> before anything is allocated,
/// and the work is charged to the statement budget (<see cref="SandboxBudget"/>). Arguments are converted to
/// primitives once, in the order JavaScript converts them, and the native built-in is called with those, so an
/// object's <c>toString</c> cannot answer one size to the guard and another to the built-in.
/// </summary>
internal sealed class SandboxGuards
{
    [ThreadStatic]
    private static HashSet<JsArray>? t_joinPath;

    [ThreadStatic]
    private static Stack<(JsArray Array, uint Next, int Separator)>? t_joinPending;

    private readonly Engine _engine;
    private readonly SandboxBudget _budget;
    private readonly long _maxChars;
    private readonly long _maxItems;
    private readonly Jint.Native.Error.ErrorConstructor _rangeError;
    private readonly Jint.Native.Error.ErrorConstructor _typeError;

    public SandboxGuards(Engine engine, SandboxBudget budget, SandboxLimits limits)
    {
        _engine = engine;
        _budget = budget;
        _maxChars = limits.MaxChars;
        _maxItems = limits.MaxArrayLength;
        _rangeError = (Jint.Native.Error.ErrorConstructor)engine.Global.Get("RangeError");
        _typeError = (Jint.Native.Error.ErrorConstructor)engine.Global.Get("TypeError");

        // Template literals and spreads are rewritten by FormulaAnalyzer into calls of these, given to each
        // formula's function as parameters (they are on no object a formula can reach otherwise).
        Template = new ClrFunction(engine, "template", (_, args) => TemplateString(args), 0, PropertyFlag.Configurable);
        Spread = new ClrFunction(engine, "spread", (_, args) => Charged(args.Length > 0 ? args[0] : JsValue.Undefined), 1, PropertyFlag.Configurable);
    }

    /// <summary><c>`a${x}b`</c> runs as <c>template("a", x, "b")</c>: the substitutions converted to strings, the length checked before the string is built.</summary>
    public ClrFunction Template { get; }

    /// <summary>
    /// <c>...x</c> runs as <c>...spread(x)</c> (and <c>for (k in x)</c> as <c>for (k in spread(x))</c>): the elements of an
    /// array or characters of a string it will go through are charged, and more than the longest array are refused.
    /// </summary>
    public ClrFunction Spread { get; }

    /// <summary>Puts the guarded methods in place of the native ones (before the realm is frozen).</summary>
    public void Install()
    {
        var strings = Prototype("String");
        Replace(strings, "concat", 1, (self, args, _) => Concat(self, args));
        Replace(strings, "repeat", 1, Repeat);
        Replace(strings, "padStart", 2, (self, args, native) => Pad("padStart", self, args, native));
        Replace(strings, "padEnd", 2, (self, args, native) => Pad("padEnd", self, args, native));
        Replace(strings, "replace", 2, (self, args, native) => Replace(self, args, native, all: false));
        Replace(strings, "replaceAll", 2, (self, args, native) => Replace(self, args, native, all: true));
        Replace(strings, "split", 2, Split);
        foreach (var name in new[] { "includes", "indexOf", "lastIndexOf" })
        {
            Replace(strings, name, 1, (self, args, native) => Search(name, self, args, native, scansAll: true));
        }

        foreach (var name in new[] { "startsWith", "endsWith" })
        {
            Replace(strings, name, 1, (self, args, native) => Search(name, self, args, native, scansAll: false));
        }

        var arrays = Prototype("Array");
        Replace(arrays, "join", 1, Join);
        Replace(arrays, "concat", 1, ConcatArrays);
        Replace(arrays, "flat", 0, (self, args, _) => Flat(self, args));
        Replace(arrays, "flatMap", 1, (self, args, _) => FlatMap(self, args));
        foreach (var name in new[]
        {
            "every", "fill", "filter", "find", "findIndex", "findLast", "findLastIndex", "forEach", "includes", "indexOf", "lastIndexOf",
            "map", "reduce", "reduceRight", "reverse", "shift", "slice", "some", "splice", "toReversed", "toSpliced", "unshift", "with",
        })
        {
            Replace(arrays, name, NativeLength(arrays, name), (self, args, native) => Iterate(name, self, args, native, sorts: false));
        }

        foreach (var name in new[] { "sort", "toSorted" })
        {
            Replace(arrays, name, 1, (self, args, native) => Iterate(name, self, args, native, sorts: true));
        }

        Replace((ObjectInstance)_engine.Global.Get("Array"), "from", 1, ArrayFrom);
        Replace(Prototype("Function"), "apply", 2, Apply);

        // A string or an array used as an object has a property per character or element, made all at once.
        var objects = (ObjectInstance)_engine.Global.Get("Object");
        foreach (var name in new[] { "keys", "values", "entries" })
        {
            Replace(objects, name, 1, (self, args, native) => Properties(name, self, args, native, from: 0));
        }

        Replace(objects, "assign", 2, (self, args, native) => Properties("assign", self, args, native, from: 1));
    }

    private ObjectInstance Prototype(string constructor) => (ObjectInstance)((ObjectInstance)_engine.Global.Get(constructor)).Get("prototype");

    private static int NativeLength(ObjectInstance target, string name) => (int)TypeConverter.ToNumber(((ObjectInstance)target.Get(name)).Get("length"));

    private void Replace(ObjectInstance target, string name, int arity, Func<JsValue, JsValue[], Function, JsValue> guarded)
    {
        var native = (Function)target.Get(name);
        var function = new ClrFunction(_engine, name, (self, args) => guarded(self, args, native), arity, PropertyFlag.Configurable);
        target.DefineOwnProperty(name, new PropertyDescriptor(function, PropertyFlag.NonEnumerable | PropertyFlag.Writable | PropertyFlag.Configurable));
    }

    // ---- strings -------------------------------------------------------------------------------------------

    private JsValue Concat(JsValue self, JsValue[] args)
    {
        var s = ThisString(self, "concat");
        var parts = new string[args.Length];
        long total = s.Length;
        for (var i = 0; i < args.Length; i++)
        {
            parts[i] = TypeConverter.ToString(args[i]);
            total += parts[i].Length;
        }

        Fits(total, "concat");
        _budget.Charge(total);
        return JsString.Create(s + string.Concat(parts));
    }

    private JsValue Repeat(JsValue self, JsValue[] args, Function native)
    {
        var s = ThisString(self, "repeat");
        var count = Primitive(Arg(args, 0), Types.Number);
        var n = TypeConverter.ToIntegerOrInfinity(count);
        if (s.Length > 0 && n > 0)
        {
            Fits(s.Length * n, "repeat");
            _budget.Charge(s.Length * n);
        }

        return native.Call(JsString.Create(s), [count]);
    }

    private JsValue Pad(string name, JsValue self, JsValue[] args, Function native)
    {
        var s = ThisString(self, name);
        var length = Primitive(Arg(args, 0), Types.Number);
        var filler = Arg(args, 1);
        var fill = filler.IsUndefined() ? JsValue.Undefined : JsString.Create(TypeConverter.ToString(filler));
        double target = TypeConverter.ToLength(length);
        var fills = (fill.IsUndefined() || ((JsString)fill).Length > 0) && target > s.Length;
        if (fills)
        {
            Fits(target, name);
            _budget.Charge(target);
        }

        return native.Call(JsString.Create(s), [length, fill]);
    }

    private JsValue Replace(JsValue self, JsValue[] args, Function native, bool all)
    {
        var name = all ? "replaceAll" : "replace";
        var s = ThisString(self, name);

        // No value a formula can make has its own Symbol.replace (there are no regular expressions): the search is a string.
        var search = TypeConverter.ToString(Arg(args, 0));
        var replacement = Arg(args, 1);
        var function = replacement.IsCallable();
        var with = function ? null : TypeConverter.ToString(replacement);
        _budget.Charge((double)s.Length * Math.Max(1, search.Length));

        // Where it matches, as replaceAll advances (by the search's length, at least one) or replace stops (once).
        long matches = 0;
        double positions = 0;
        var advance = Math.Max(1, search.Length);
        for (var at = s.IndexOf(search, StringComparison.Ordinal); at >= 0; at = at + advance > s.Length ? -1 : s.IndexOf(search, at + advance, StringComparison.Ordinal))
        {
            matches++;
            positions += at;
            if (!all)
            {
                break;
            }
        }

        if (with is not null && matches > 0)
        {
            // The exact length: the replacement's literal text, and $& (the match), $` (what precedes it) and $' (what follows) per match.
            var (literal, whole, before, after) = Substitution(with);
            var length = s.Length - (double)matches * search.Length
                + matches * (literal + (double)whole * search.Length)
                + before * positions
                + after * (matches * (double)(s.Length - search.Length) - positions);
            Fits(length, name);
            _budget.Charge(length);
        }

        return native.Call(JsString.Create(s), [JsString.Create(search), function ? replacement : JsString.Create(with!)]);
    }

    // The parts of a replacement string with no capture groups (GetSubstitution): literal characters, and how many $&, $` and $'.
    private static (long Literal, long Whole, long Before, long After) Substitution(string replacement)
    {
        long literal = 0, whole = 0, before = 0, after = 0;
        for (var i = 0; i < replacement.Length; i++)
        {
            if (replacement[i] != '$' || i + 1 == replacement.Length)
            {
                literal++;
                continue;
            }

            switch (replacement[i + 1])
            {
                case '$':
                    literal++;
                    i++;
                    break;
                case '&':
                    whole++;
                    i++;
                    break;
                case '`':
                    before++;
                    i++;
                    break;
                case '\'':
                    after++;
                    i++;
                    break;
                default:
                    // $1, $<name> and a lone $ stay as written when there are no groups.
                    literal++;
                    break;
            }
        }

        return (literal, whole, before, after);
    }

    private JsValue Split(JsValue self, JsValue[] args, Function native)
    {
        var s = ThisString(self, "split");
        var separator = Arg(args, 0);
        var limit = Primitive(Arg(args, 1), Types.Number);
        var separatorText = separator.IsUndefined() ? null : TypeConverter.ToString(separator);
        double most = limit.IsUndefined() ? uint.MaxValue : TypeConverter.ToUint32(limit);
        double items;
        if (separatorText is null || most == 0)
        {
            items = Math.Min(1, most);
        }
        else if (separatorText.Length == 0)
        {
            items = Math.Min(s.Length, most);
        }
        else
        {
            _budget.Charge((double)s.Length * separatorText.Length);
            var found = 1L;
            for (var at = s.IndexOf(separatorText, StringComparison.Ordinal); at >= 0 && found <= _maxItems; at = s.IndexOf(separatorText, at + separatorText.Length, StringComparison.Ordinal))
            {
                found++;
            }

            items = Math.Min(found, most);
        }

        FitsItems(items, "split");
        _budget.Charge(s.Length);
        return native.Call(JsString.Create(s), [separatorText is null ? JsValue.Undefined : JsString.Create(separatorText), limit]);
    }

    private JsValue Search(string name, JsValue self, JsValue[] args, Function native, bool scansAll)
    {
        var s = ThisString(self, name);
        var search = TypeConverter.ToString(Arg(args, 0));
        var position = Primitive(Arg(args, 1), Types.Number);

        // A search goes through the string, comparing up to the search's length at each place (worst case).
        _budget.Charge(scansAll ? (double)s.Length * Math.Max(1, search.Length) : search.Length);
        return native.Call(JsString.Create(s), [JsString.Create(search), position]);
    }

    private JsValue TemplateString(JsValue[] parts)
    {
        // Texts and substitutions alternate; each substitution becomes a string (in order) before anything is joined.
        var texts = new string[parts.Length];
        long total = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            texts[i] = TypeConverter.ToString(parts[i]);
            total += texts[i].Length;
        }

        Fits(total, "a template literal");
        _budget.Charge(total);
        return JsString.Create(string.Concat(texts));
    }

    // ---- arrays --------------------------------------------------------------------------------------------

    private JsValue Join(JsValue self, JsValue[] args, Function native)
    {
        var array = ThisArray(self, "join");
        var separator = Arg(args, 0);
        var text = separator.IsUndefined() ? "," : TypeConverter.ToString(separator);
        Fits(JoinedLength(array, text.Length), "join");
        return native.Call(array, [JsString.Create(text)]);
    }

    // How long a join will be, at least: an array inside is joined too (with commas, as its toString does) into the
    // same text, in the same native call, so it counts in full; counting stops once past the longest string, and
    // every element looked at is charged. An object's own toString is not guessed: it runs as a function, whose
    // statements the limits see.
    private double JoinedLength(JsArray array, int separator)
    {
        var total = 0d;
        var visited = 0L;

        // Depth first with a stack of its own (nesting may be deep); the arrays on the path are being joined, and
        // one met again inside itself joins to "" (the engine stops the cycle). The stack and path are kept per
        // thread: a join of nested arrays calls this again at each level, and what it allocates counts against
        // the formula's memory.
        var path = t_joinPath ??= new HashSet<JsArray>(ReferenceEqualityComparer.Instance);
        var pending = t_joinPending ??= new Stack<(JsArray, uint, int)>();
        path.Clear();
        pending.Clear();
        path.Add(array);
        pending.Push((array, 0, separator));
        while (pending.Count > 0 && total <= _maxChars)
        {
            var (current, next, between) = pending.Pop();
            var length = current.Length;
            if (next == 0)
            {
                _budget.Charge(length);
                total += between * Math.Max(0d, length - 1d);
            }

            var descended = false;
            for (var i = next; i < length && total <= _maxChars; i++)
            {
                if (++visited % SandboxBudget.WorkPerStatement == 0)
                {
                    _budget.Charge(SandboxBudget.WorkPerStatement);
                }

                switch (current.TryGetValue(i, out var element) ? element : JsValue.Undefined)
                {
                    case JsString s:
                        total += s.Length;
                        break;
                    case JsNumber:
                        total += 24;
                        break;
                    case JsBoolean:
                        total += 5;
                        break;
                    case JsArray inner when path.Add(inner):
                        pending.Push((current, i + 1, between));
                        pending.Push((inner, 0, 1));
                        descended = true;
                        break;
                }

                if (descended)
                {
                    break;
                }
            }

            if (!descended)
            {
                path.Remove(current);
            }
        }

        path.Clear();
        pending.Clear();
        return total;
    }

    private JsValue ConcatArrays(JsValue self, JsValue[] args, Function native)
    {
        var array = ThisArray(self, "concat");
        double items = array.Length;
        foreach (var arg in args)
        {
            items += arg is JsArray more ? more.Length : 1;
        }

        FitsItems(items, "concat");
        _budget.Charge(items);
        return native.Call(array, args);
    }

    private JsValue Flat(JsValue self, JsValue[] args)
    {
        var array = ThisArray(self, "flat");
        var depthArg = Primitive(Arg(args, 0), Types.Number);
        var depth = depthArg.IsUndefined() ? 1 : Math.Max(0, TypeConverter.ToIntegerOrInfinity(depthArg));
        var result = new List<JsValue>();
        var visited = 0L;

        // Depth first with a stack of its own: nesting as deep as memory allows must not overflow the native stack.
        var pending = new Stack<(JsArray Source, uint Next, double Levels)>();
        pending.Push((array, 0, depth));
        while (pending.Count > 0)
        {
            var (source, next, levels) = pending.Pop();
            var length = source.Length;
            for (var i = next; i < length; i++)
            {
                if (++visited % SandboxBudget.WorkPerStatement == 0)
                {
                    _budget.Charge(SandboxBudget.WorkPerStatement);
                }

                // Own elements only: no prototype a formula can reach has indexed properties (all are frozen without them).
                if (!source.TryGetValue(i, out var element))
                {
                    continue;
                }

                if (levels > 0 && element is JsArray inner)
                {
                    pending.Push((source, i + 1, levels));
                    pending.Push((inner, 0, levels - 1));
                    break;
                }

                Add(result, element, "flat");
            }
        }

        return new JsArray(_engine, result.ToArray());
    }

    private JsValue FlatMap(JsValue self, JsValue[] args)
    {
        var array = ThisArray(self, "flatMap");
        var mapper = Arg(args, 0);
        if (!mapper.IsCallable())
        {
            throw new JavaScriptException(_typeError, "flatMap needs a function");
        }

        var thisArg = Arg(args, 1);
        var length = array.Length;
        _budget.Charge(length);
        var result = new List<JsValue>();
        for (uint i = 0; i < length; i++)
        {
            if (!array.TryGetValue(i, out var element))
            {
                continue;
            }

            var mapped = mapper.Call(thisArg, new JsValue[] { element, JsNumber.Create((double)i), array });
            if (mapped is not JsArray inner)
            {
                Add(result, mapped, "flatMap");
                continue;
            }

            var innerLength = inner.Length;
            FitsItems(result.Count + (double)innerLength, "flatMap");
            _budget.Charge(innerLength);
            for (uint j = 0; j < innerLength; j++)
            {
                if (inner.TryGetValue(j, out var item))
                {
                    Add(result, item, "flatMap");
                }
            }
        }

        return new JsArray(_engine, result.ToArray());
    }

    private void Add(List<JsValue> result, JsValue item, string name)
    {
        if (result.Count >= _maxItems)
        {
            FitsItems(result.Count + 1d, name);
        }

        result.Add(item);
    }

    private JsValue Iterate(string name, JsValue self, JsValue[] args, Function native, bool sorts)
    {
        var array = ThisArray(self, name);
        double length = array.Length;
        _budget.Charge(sorts && length > 1 ? length * Math.Log2(length) : length);
        return native.Call(array, args);
    }

    private JsValue ArrayFrom(JsValue self, JsValue[] args, Function native)
    {
        switch (Arg(args, 0))
        {
            case JsArray array:
                _budget.Charge(array.Length);
                break;
            case JsString text:
                _budget.Charge(text.Length);
                break;
            case ObjectInstance like:
                // An array-like: its length must be plain data, read once here and once by Array.from.
                var length = like.GetOwnProperty("length");
                if (length.IsAccessorDescriptor())
                {
                    throw new JavaScriptException(_typeError, "Array.from: in formulas an array-like's length must be a plain value, not a getter");
                }

                if (length.Value is { } value && !value.IsUndefined())
                {
                    var n = TypeConverter.ToLength(Primitive(value, Types.Number));
                    FitsItems(n, "Array.from");
                    _budget.Charge(n);
                }

                break;
        }

        return native.Call(self, args);
    }

    private JsValue Apply(JsValue self, JsValue[] args, Function native)
    {
        // f.apply(thisArg, list) goes through the list to make the arguments.
        Charged(Arg(args, 1), "apply");
        return native.Call(self, args);
    }

    private JsValue Properties(string name, JsValue self, JsValue[] args, Function native, int from)
    {
        for (var i = from; i < args.Length; i++)
        {
            if (args[i] is JsString or JsArray)
            {
                Charged(args[i], $"Object.{name}");
            }
        }

        return native.Call(self, args);
    }

    // What a spread, a for-in or Object.keys-like call goes through: charged, and refused past the longest array.
    private JsValue Charged(JsValue value, string what = "a spread (or for-in, or ...rest)")
    {
        switch (value)
        {
            case JsArray array:
                FitsItems(array.Length, what, goesThrough: true);
                _budget.Charge(array.Length);
                break;
            case JsString text:
                FitsItems(text.Length, what, goesThrough: true);
                _budget.Charge(text.Length);
                break;
            case ObjectInstance other:
                // {...object}: its own properties.
                _budget.Charge(other.GetOwnPropertyKeys(Types.String).Count);
                break;
        }

        return value;
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private static JsValue Arg(JsValue[] args, int index) => args.Length > index ? args[index] : JsValue.Undefined;

    private static JsValue Primitive(JsValue value, Types hint) => value is ObjectInstance ? TypeConverter.ToPrimitive(value, hint) : value;

    private string ThisString(JsValue self, string name)
    {
        if (self.IsNull() || self.IsUndefined())
        {
            throw new JavaScriptException(_typeError, $"String.prototype.{name} called on null or undefined");
        }

        return TypeConverter.ToString(self);
    }

    private JsArray ThisArray(JsValue self, string name) => self as JsArray
        ?? throw new JavaScriptException(_typeError, $"Array.prototype.{name} works only on arrays in formulas");

    private void Fits(double length, string what)
    {
        if (length > _maxChars)
        {
            throw new JavaScriptException(_rangeError, $"{what} would build a string longer than the sandbox allows ({_maxChars:N0} characters)");
        }
    }

    private void FitsItems(double items, string what, bool goesThrough = false)
    {
        if (items > _maxItems)
        {
            throw new JavaScriptException(_rangeError, goesThrough
                ? $"{what} would go through more items than the longest array the sandbox allows ({_maxItems:N0})"
                : $"{what} would build an array longer than the sandbox allows ({_maxItems:N0} items)");
        }
    }
}
