using System.Text.RegularExpressions;
using IndicatorEngine.Scripting;
using Jint;
using Jint.Native;
using Jint.Native.Object;

namespace IndicatorEngine.Tests.Scripting;

/// <summary>
/// The capability list is what the sandbox has, and what indicators/README.md says it has: every object a
/// formula can reach, with exactly the properties listed, and the guarded built-ins marked (\*) in the table.
/// </summary>
public partial class SandboxCapabilityTests
{
    private static readonly SandboxEngine Engine = new(new FormulaOptions().Freeze());

    // The object a capability names, found in a set-up engine (where Function and Symbol are no longer globals).
    private static ObjectInstance Resolve(string name) => name switch
    {
        "globalThis" => Engine.Engine.Global,
        "Function.prototype" => ((ObjectInstance)Engine.Engine.Evaluate("(() => 0)")).Prototype!,
        "Array.prototype[Symbol.unscopables]" => (ObjectInstance)Resolve("Array.prototype").GetOwnProperty(
            Resolve("Array.prototype").GetOwnPropertyKeys(Jint.Runtime.Types.Symbol).Single(k => k.ToString() == "Symbol(Symbol.unscopables)")).Value,
        _ => (ObjectInstance)Engine.Engine.Evaluate(name),
    };

    private static IEnumerable<string> Documented((string Object, string[] Keeps) capability) =>
        capability.Keeps.Where(k => !SandboxCapabilities.Plumbing.Contains(k) && !k.StartsWith("@@", StringComparison.Ordinal) && k != "*");

    // The README's table: object (as the capability list names it) → (names listed, names marked as guarded).
    private static Dictionary<string, (HashSet<string> Names, HashSet<string> Guarded)> ReadmeTable()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Indicators, "README.md"));
        var section = readme[readme.IndexOf("**What a formula can use (capabilities).**", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n\n", section.IndexOf("| object |", StringComparison.Ordinal), StringComparison.Ordinal)];
        var table = new Dictionary<string, (HashSet<string>, HashSet<string>)>(StringComparer.Ordinal);
        foreach (var line in section.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| object", StringComparison.Ordinal)))
        {
            var cells = line.Split('|');
            var names = Name().Matches(cells[2]).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
            var guarded = Name().Matches(cells[2]).Where(m => m.Groups[2].Success).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
            var objects = cells[1].Trim() == "the global names" ? ["globalThis"] : Name().Matches(cells[1]).Select(m => m.Groups[1].Value);
            foreach (var name in objects)
            {
                table[name] = (names, guarded);
            }
        }

        return table;
    }

    [Fact]
    public void TheReadme_ListsEveryCapability_AndNothingElse()
    {
        var table = ReadmeTable();
        var listed = SandboxCapabilities.Objects.Where(c => Documented(c).Any()).ToList();
        Assert.Equal(listed.Select(c => c.Object).Order(StringComparer.Ordinal), table.Keys.Order(StringComparer.Ordinal));
        foreach (var capability in listed)
        {
            Assert.Equal(Documented(capability).Order(StringComparer.Ordinal), table[capability.Object].Names.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void TheReadme_MarksExactlyTheGuardedBuiltIns()
    {
        var table = ReadmeTable();
        foreach (var (name, (names, guarded)) in table)
        {
            var target = Resolve(name);

            // Guarded built-ins are put in place as host functions; so is Math.round, which is not a guard.
            var hosted = names.Where(n => target.GetOwnProperty(n).Value is Jint.Runtime.Interop.ClrFunction && !(name == "Math" && n == "round"));
            Assert.Equal(hosted.Order(StringComparer.Ordinal), guarded.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void TheSandbox_HasExactlyTheListedProperties()
    {
        foreach (var (name, keeps) in SandboxCapabilities.Objects.Where(c => !c.Keeps.Contains("*")))
        {
            var target = Resolve(name);
            var own = target.GetOwnPropertyKeys(Jint.Runtime.Types.String).Select(k => k.ToString())
                .Concat(target.GetOwnPropertyKeys(Jint.Runtime.Types.Symbol).Select(k => "@@" + k.ToString()["Symbol(Symbol.".Length..^1]));
            Assert.Equal(keeps.Order(StringComparer.Ordinal), own.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void EveryReachableObject_IsFrozen()
    {
        var frozen = (Jint.Native.Function.Function)Engine.Engine.Evaluate("Object.isFrozen");
        foreach (var (name, _) in SandboxCapabilities.Objects)
        {
            Assert.True(frozen.Call(JsValue.Undefined, [Resolve(name)]).AsBoolean(), name);
        }
    }

    [Fact]
    public void EveryDeniedName_IsAbsent_AndNoneIsAlsoAllowed()
    {
        var names = SandboxCapabilities.Denied.Keys.ToList();
        Assert.Empty(names.Intersect(SandboxCapabilities.Globals));
        Assert.All(names, n => Assert.True(Engine.Engine.Global.Get(n).IsUndefined(), n));
    }

    [GeneratedRegex(@"`([A-Za-z_$][A-Za-z0-9_$.]*)`(\\\*)?")]
    private static partial Regex Name();
}
