using System.Text.Json.Nodes;

namespace IndicatorEngine.Tests.Scripting;

/// <summary>
/// The attacks of the issue "a sandbox that holds under attack and under load", one test each. Each hostile
/// formula runs through a whole system on net.ipv6, beside a benign formula on net.bandwidth that runs in the
/// same sandbox engine: the benign point, and every other point, must score exactly as they do without the
/// hostile one, and so must a different system scored next on the same thread. A hostile formula the analyzer
/// can see is refused when the definition loads; one written to get past it fails only its own point.
/// </summary>
public class HostileFormulaTests
{
    // Runs in Jint (statements are not compiled): 14,000 Mbps for 20,000 people is 0.7 per head, 4 of 4 points.
    private const string Benign = "{ const perHead = bandwidthMbps / people; return Math.min(1, perHead / 0.7) * points; }";

    // The issue's "different point" and "different system": a formula of another system, on the same thread.
    private const string Other = "{ return Math.sqrt(points * points); }";

    private static JsonObject WithBenign()
    {
        var json = FormulaSystems.WithLeafFormula(Benign, FormulaSystems.Bandwidth);
        json["id"] = "with-benign";
        return json;
    }

    private static JsonObject WithHostile(string hostile)
    {
        var json = WithBenign();
        FormulaSystems.Set(json, FormulaSystems.Ipv6, new JsonObject { ["type"] = "formula", ["expression"] = hostile });
        return json;
    }

    private static List<(string Id, decimal Score, ScoreStatus Status, string Explanation)> Points(Scorecard card, string? except = null) =>
        card.ObservationPoints().Where(p => p.Id != except).Select(p => (p.Id, p.Score, p.Status, p.Explanation)).ToList();

    /// <summary>Scores the hostile system (twice, as two subjects) and holds everything but its own point to the system without it.</summary>
    private static IndicatorScore ScoreBeside(string hostile, LoadOptions? options = null)
    {
        var alone = FormulaSystems.Load(WithBenign(), options);
        var other = FormulaSystems.Load(FormulaSystems.WithLeafFormula(Other, FormulaSystems.Ipv6), options);
        var expected = alone.Score(FormulaSystems.Evidence());
        var otherExpected = other.Score(FormulaSystems.Evidence());
        Assert.Equal(4m, expected.Find("net.bandwidth")!.Score);

        var system = FormulaSystems.Load(WithHostile(hostile), options);
        var first = system.Score(FormulaSystems.Evidence());
        var second = system.Score(FormulaSystems.Evidence(id: "s2"));
        foreach (var card in new[] { first, second })
        {
            Assert.Equal(Points(expected, except: "net.ipv6"), Points(card, except: "net.ipv6"));
            Assert.Equal(ScoreStatus.Error, card.Find("net.ipv6")!.Status);
            Assert.Equal(0m, card.Find("net.ipv6")!.Score);
        }

        // The benign system and a different one, scored next on the same thread, are untouched.
        Assert.Equal(Points(expected), Points(alone.Score(FormulaSystems.Evidence())));
        Assert.Equal(Points(otherExpected), Points(other.Score(FormulaSystems.Evidence())));
        Assert.Equal(2m, other.Score(FormulaSystems.Evidence()).Find("net.ipv6")!.Score);
        return first.Find("net.ipv6")!;
    }

    private static Diagnostic Refused(string hostile)
    {
        var result = FormulaSystems.Parse(WithHostile(hostile));
        Assert.False(result.Succeeded);
        var d = result.Diagnostics.First(d => d.IsError);
        Assert.Equal(DiagnosticCodes.FormulaError, d.Code);
        Assert.EndsWith("/rule/expression", d.Pointer, StringComparison.Ordinal);
        return d;
    }

    // ---- 1. Memory past the limit inside one built-in call ----------------------------------------------------

    [Theory]
    [InlineData("{ const a = 'a'.repeat(1e6), b = 'a'.repeat(500); return [a.replaceAll('a', b), a.replaceAll('a', b), a.replaceAll('a', b), a.replaceAll('a', b)].length; }", "replaceAll would build a string longer")]
    [InlineData("{ const a = 'a'.repeat(1e6); return a.replace('a', \"$'$'\").length; }", "replace would build a string longer")]
    [InlineData("{ const a = 'a'.repeat(1e6); return a.concat(a).length; }", "concat would build a string longer")]
    [InlineData("{ const a = 'a'.repeat(1e6); return `${a}${a}`.length; }", "a template literal would build a string longer")]
    [InlineData("{ let a = [1, 1]; for (let i = 0; i < 24; i++) { a = [a, a]; } return a.flat(Infinity).length; }", "flat would build an array longer")]
    [InlineData("{ const a = new Array(100000).fill(0); return a.concat(a).length; }", "concat would build an array longer")]
    [InlineData("{ const b = new Array(50000).fill(0); return [1, 2, 3].flatMap(() => b).length; }", "flatMap would build an array longer than the sandbox allows (131,072 items)")]
    [InlineData("{ return 'a'.repeat(1e6).split('').length; }", "split would build an array longer")]
    [InlineData("{ return 'x'.padStart(2e6, 'ab').length; }", "padStart would build a string longer")]
    [InlineData("{ const inner = new Array(1000).fill('x'.repeat(1000)); return new Array(100).fill(inner).join().length; }", "join would build a string longer")]
    [InlineData("{ const inner = new Array(1000).fill('x'.repeat(1000)); return `${[inner, inner]}`.length; }", "join would build a string longer")]
    [InlineData("{ return new Array(1e7).length; }", "larger than maximum allowed")]
    [InlineData("{ return Array.from({ length: 1e7 }).length; }", "Array.from would build an array longer")]
    [InlineData("{ return ({ ...'x'.repeat(1e6) }) ? 1 : 0; }", "a spread (or for-in, or ...rest) would go through more items")]
    [InlineData("{ for (const k in 'x'.repeat(1e6)) { return 1; } return 0; }", "would go through more items than the longest array the sandbox allows (131,072)")]
    [InlineData("{ return Object.assign({}, 'x'.repeat(1e6)) ? 1 : 0; }", "Object.assign would go through more items")]
    [InlineData("{ return Object.keys('x'.repeat(1e6)).length; }", "Object.keys would go through more items")]
    [InlineData("{ return Math.max(...'1'.repeat(1e6)); }", "a spread (or for-in, or ...rest) would go through more items")]
    public void OneBuiltInCall_CannotAllocatePastTheLimits(string hostile, string reason)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var point = ScoreBeside(hostile);
        Assert.Contains(reason, point.Explanation, StringComparison.Ordinal);

        // Refused before it allocated: the attack in the issue allocated 4 GB.
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 100_000_000, $"allocated {GC.GetAllocatedBytesForCurrentThread() - before:N0} bytes");
    }

    // Work a loop of built-in calls does is stopped by a deterministic limit: the statement budget, which counts
    // the elements and characters built-ins go through, or memory, which counts what they allocate (garbage too).
    [Theory]
    [InlineData("{ const s = 'a'.repeat(100000); let n = 0; for (let i = 0; i < 100000; i++) { n = n + s.indexOf('b'); } return n; }", "more than 100,000 statements")]
    [InlineData("{ const a = new Array(100000); let n = 0; for (let i = 0; i < 100000; i++) { n = n + a.indexOf(1); } return n; }", "more than 100,000 statements")]
    [InlineData("{ const a = new Array(100000); let n = 0; for (let i = 0; i < 100000; i++) { a.forEach(x => { n = n + x; }); } return n; }", "more than 100,000 statements")]
    [InlineData("{ const s = 'ab'.repeat(50000); let n = 0; for (let i = 0; i < 100000; i++) { n = n + (s.includes('ba', 1) ? 1 : 0); } return n; }", "more than 100,000 statements")]
    [InlineData("{ const a = new Array(100000).fill(1); let n = 0; for (let i = 0; i < 2000; i++) { n = n + Math.max(...a); } return n; }", "memory limit")]
    [InlineData("{ const a = [[]]; let n = 0; for (let i = 0; i < 100000; i++) { n = n + a.flat(Infinity).length; } return n; }", "memory limit")]
    public void WorkInsideBuiltIns_IsStoppedByADeterministicLimit(string hostile, string limit)
    {
        Assert.Contains(limit, ScoreBeside(hostile).Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ let a = [1]; for (let i = 0; i < 20000; i++) { a = [a]; } return a.flat(Infinity).length; }", "→ 1 of 2")]
    [InlineData("{ let a = [1]; for (let i = 0; i < 20000; i++) { a = [a]; } return a.join().length; }", "nested calls deeper than 64")]
    [InlineData("{ let a = [1]; for (let i = 0; i < 20000; i++) { a = [a]; } return `${a}`.length; }", "nested calls deeper than 64")]
    [InlineData("{ let f = (x) => x; for (let i = 0; i < 5000; i++) { f = f.bind(null); } return f(1); }", "→ 1 of 2")]
    public void DeepNesting_OnASmallStack_NeverEndsTheProcess(string formula, string outcome)
    {
        // flat walks with a stack of its own; join recurses through the engine, which counts the depth.
        var system = FormulaSystems.Load(FormulaSystems.WithLeafFormula(formula, FormulaSystems.Ipv6));
        Scorecard? card = null;
        var thread = new Thread(() => card = system.Score(FormulaSystems.Evidence()).In(Language.English), 256 * 1024);
        thread.Start();
        thread.Join();
        Assert.Contains(outcome, card!.Find("net.ipv6")!.Explanation, StringComparison.Ordinal);
    }

    // ---- 2. Work that outlives its evaluation ------------------------------------------------------------------

    [Theory]
    [InlineData("{ Promise.resolve().then(function f() { while (true) {} }); return 1; }", "'Promise' is not available")]
    [InlineData("{ async function f() { while (true) {} } f(); return 1; }", "async functions and await are not available")]
    [InlineData("{ const f = async () => 1; return 1; }", "async functions and await are not available")]
    [InlineData("{ function* g() { yield 1; } return 1; }", "generators are not available")]
    [InlineData("{ for (let i = 0; i < 1e6; i++) { Symbol.for('k' + i); } return 1; }", "'Symbol' is not available")]
    [InlineData("{ new FinalizationRegistry(() => {}); return 1; }", "'FinalizationRegistry' is not available")]
    [InlineData("{ new WeakRef({}); return 1; }", "'WeakRef' is not available")]
    [InlineData("{ return new Proxy({}, {}) ? 1 : 0; }", "'Proxy' is not available")]
    [InlineData("{ return Reflect.ownKeys(globalThis).length; }", "'Reflect' is not available")]
    [InlineData("{ import('x'); return 1; }", "import() is not available")]
    public void WorkLeftForLater_IsRefused_WhenTheDefinitionLoads(string hostile, string reason)
    {
        Assert.Contains(reason, Refused(hostile).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ const P = globalThis['Prom' + 'ise']; P.resolve().then(function f() { while (true) {} }); return 1; }")]
    [InlineData("{ const S = globalThis['Sym' + 'bol']; for (let i = 0; i < 1e6; i++) { S.for('k' + i); } return 1; }")]
    [InlineData("{ const f = [].constructor.fromAsync; return f([1]).then(() => 1) ? 1 : 0; }")]
    [InlineData("{ const W = globalThis['Weak' + 'Ref']; return new W({}) ? 1 : 0; }")]
    [InlineData("{ return globalThis['Fin' + 'alizationRegistry'] === undefined ? null : 1; }")]
    public void WorkLeftForLater_WrittenToGetPastTheAnalyzer_FindsNothingToRunIt(string hostile)
    {
        ScoreBeside(hostile);
    }

    // ---- 3. Scores that are not a function of the evidence -----------------------------------------------------

    [Theory]
    [InlineData("Date.now() % 2", "'Date' is not available to formulas: a score cannot depend on the clock")]
    [InlineData("new Date().getSeconds() % 2", "'Date' is not available")]
    [InlineData("Temporal.Now.instant().epochMilliseconds % 2", "'Temporal' is not available")]
    [InlineData("Math.random() < 0.5 ? 2 : 0", "Math.random is not available to formulas: a score cannot depend on chance")]
    [InlineData("{ const d = new Intl.DateTimeFormat(); return 1; }", "'Intl' is not available")]
    public void ClocksAndChance_AreRefused_WhenTheDefinitionLoads(string hostile, string reason)
    {
        Assert.Contains(reason, Refused(hostile).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Math['ran' + 'dom']() < 0.5 ? 2 : 0")]
    [InlineData("new globalThis['Da' + 'te']().getSeconds() % 2")]
    [InlineData("globalThis['Temp' + 'oral'].Now.instant().epochMilliseconds % 2")]
    public void ClocksAndChance_WrittenToGetPastTheAnalyzer_AreNotThere(string hostile)
    {
        Assert.Contains("the formula threw", ScoreBeside(hostile).Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSandbox_HasNoneOfTheDeniedGlobals_NorMathRandom()
    {
        var names = string.Join(", ", IndicatorEngine.Scripting.SandboxCapabilities.Denied.Keys.Select(n => $"'{n}'"));
        var system = FormulaSystems.Load(FormulaSystems.WithLeafFormula(
            $"{{ const names = [{names}]; return names.every(n => globalThis[n] === undefined) && Math['random'] === undefined ? 2 : 0; }}", FormulaSystems.Ipv6));
        Assert.Equal(2m, FormulaSystems.Leaf(system, "net.ipv6").Score);
    }

    // ---- 4. Not quite JavaScript: Math.round --------------------------------------------------------------------

    [Theory]
    [InlineData("0.7 - 2.2", -2)] // −1.5000000000000002: Jint 4.18's own Math.round gave −1
    [InlineData("-2.5", -2)]
    [InlineData("-1.5", -1)]
    [InlineData("-0.5", 0)]
    [InlineData("2.5", 3)]
    [InlineData("-2.4999999999999996", -2)]
    [InlineData("-2.5000000000000004", -3)]
    [InlineData("0.49999999999999994", 0)]
    [InlineData("4503599627370495.5", 4503599627370496)]
    [InlineData("-4503599627370495.5", -4503599627370495)]
    public void MathRound_InTheSandbox_AgreesWithJavaScript_AndTheCompiledPath(string expression, double expected)
    {
        // Written as statements, the formula runs in Jint; as an expression, it is compiled.
        var options = new LoadOptions();
        foreach (var formula in new[] { $"{{ return Math.round({expression}) === {expected.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} ? 2 : 0; }}", $"Math.round({expression}) === {expected.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} ? 2 : 0" })
        {
            var system = FormulaSystems.Load(FormulaSystems.WithLeafFormula(formula, FormulaSystems.Ipv6), options);
            Assert.True(2m == FormulaSystems.Leaf(system, "net.ipv6").Score, formula);
        }
    }

    [Fact]
    public void MathRound_KeepsNegativeZero_AsJavaScriptDoes()
    {
        var system = FormulaSystems.Load(FormulaSystems.WithLeafFormula("{ return 1 / Math.round(-0.4) === -Infinity && 1 / Math.round(-0) === -Infinity && 1 / Math.round(0.4) === Infinity ? 2 : 0; }", FormulaSystems.Ipv6));
        Assert.Equal(2m, FormulaSystems.Leaf(system, "net.ipv6").Score);
    }

    // ---- 5. What formulas can still do ----------------------------------------------------------------------------

    [Theory]
    [InlineData("{ const parts = ['a', 'b', 'c']; return parts.join('-') === 'a-b-c' && `${parts.length}` === '3' ? 2 : 0; }")]
    [InlineData("{ const [first, ...rest] = [1, 2, 3]; return first + rest.length === 3 ? 2 : 0; }")]
    [InlineData("{ const { a, ...others } = { a: 1, b: 2, c: 3 }; return a + Object.keys(others).length === 3 ? 2 : 0; }")]
    [InlineData("{ return Math.max(...[1, 2], ...'3') === 3 && [...[1], ...[2]].length === 2 ? 2 : 0; }")]
    [InlineData("{ return 'a-b-c'.replaceAll('-', '+') === 'a+b+c' && 'abc'.replace('b', \"[$&$`$']\") === 'a[bac]c' ? 2 : 0; }")]
    [InlineData("{ return [[1, [2]], [3]].flat(Infinity).join() === '1,2,3' && [1, 2].flatMap(x => [x, x * 10]).join() === '1,10,2,20' ? 2 : 0; }")]
    [InlineData("{ return 'a,b,,c'.split(',').length === 4 && 'abc'.split('').length === 3 && 'abc'.split(',', 0).length === 0 ? 2 : 0; }")]
    [InlineData("{ return 'ab'.concat(1, true) === 'ab1true' && 'x'.padStart(3, '-') === '--x' && 'ab'.repeat(2) === 'abab' ? 2 : 0; }")]
    [InlineData("{ return Array.from('abc').length === 3 && Array.from({ length: 2 }, (_, i) => i).join() === '0,1' && Math.max.apply(null, [1, 5]) === 5 ? 2 : 0; }")]
    [InlineData("{ try { null.x; } catch (e) { return e instanceof TypeError ? 2 : 0; } return 0; }")]
    [InlineData("{ const x = 1; return `a${`b${x}c`}d` === 'ab1cd' && `\\n\\u{1F600}'\"<&` === '\\n\\u{1F600}\\'\"<&' && `${[1, 2]}` === '1,2' ? 2 : 0; }")]
    [InlineData("{ const tag = (strings, ...values) => strings.raw[0] + values.length; return tag`\\n${1}${2}` === '\\\\n2' ? 2 : 0; }")]
    [InlineData("{ const f = (...xs) => xs.length; return f(...[1, 2], ...[3]) === 3 && f?.(...[1]) === 1 && new Array(...[2]).length === 2 ? 2 : 0; }")]
    public void OrdinaryJavaScript_StillWorks(string formula)
    {
        var system = FormulaSystems.Load(FormulaSystems.WithLeafFormula(formula, FormulaSystems.Ipv6));
        var leaf = FormulaSystems.Leaf(system, "net.ipv6");
        Assert.True(leaf.Score == 2m, leaf.Explanation);
    }

    [Fact]
    public void ErrorsAfterAMultiLineTemplate_KeepTheirLineNumbers()
    {
        var system = FormulaSystems.Load(FormulaSystems.WithLeafFormula("{ const t = `one\ntwo\nthree`;\n  return t.length + null.x; }", FormulaSystems.Ipv6));
        Assert.Contains("(line 4, column", FormulaSystems.Leaf(system, "net.ipv6").Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAggregationWithATemplate_StillReadsItsChildren()
    {
        var json = WithBenign();
        json["indicators"]![0]!["aggregation"] = new JsonObject { ["type"] = "formula", ["expression"] = "{ return `${score('net.ipv6')}/${total}` === '2/6' ? points : 0; }" };
        var system = FormulaSystems.Load(json);
        Assert.Equal(6m, system.Score(FormulaSystems.Evidence()).Find("net")!.Score);
    }

    [Theory]
    [InlineData("{ class A {} return 2; }", "classes are not available")]
    [InlineData("/a/.test('a') ? 2 : 0", "regular expressions are not available")]
    [InlineData("{ const $$template = 1; return 2; }", "reserved for the sandbox")]
    [InlineData("{ function f([a, ...rest]) { return rest.length; } return f([1, 2]); }", "...rest in a destructuring pattern")]
    public void WhatTheSandboxCannotBound_IsRefused_WhenTheDefinitionLoads(string hostile, string reason)
    {
        Assert.Contains(reason, Refused(hostile).Message, StringComparison.Ordinal);
    }
}
