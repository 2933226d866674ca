using System.Diagnostics;
using IndicatorEngine.Scripting;

namespace IndicatorEngine.Tests.Scripting;

/// <summary>
/// Hostile formulas fail their own observation point within the limit; every other point and subject is still
/// scored, and nothing one evaluation does is seen by the next.
/// </summary>
public class SandboxTests
{
    // The deterministic limits decide; the time limit (CPU time, 10 s by default) is a safety net none of these reach.
    private static LoadOptions Patient => new();

    // net.ipv6 (2 points) gets the hostile formula; the rest of the mini system earns 8 of 10. No test here
    // depends on how fast the machine is: each says which limit stopped the formula, not how soon.
    private static Scorecard ScoreHostile(string formula, LoadOptions? options = null, string contains = "")
    {
        var system = FormulaSystems.Load(FormulaSystems.WithLeafFormula(formula, FormulaSystems.Ipv6), options);
        var card = system.Score(FormulaSystems.Evidence());
        var leaf = card.Find("net.ipv6")!;
        Assert.Equal(ScoreStatus.Error, leaf.Status);
        Assert.Equal(0m, leaf.Score);
        Assert.Contains(contains, leaf.Explanation);
        Assert.Equal(8m, card.Total);
        Assert.All(card.ObservationPoints().Where(s => s.Id != "net.ipv6"), s => Assert.NotEqual(ScoreStatus.Error, s.Status));

        // The same system scores the next subject normally, on the same thread's engine.
        Assert.Equal(8m, system.Score(FormulaSystems.Evidence(id: "s2")).Total);
        return card;
    }

    [Fact]
    public void EndlessLoop_FailsItsLeaf_AtTheStatementLimit()
    {
        ScoreHostile("{ while (true) {} return 2; }", Patient, "statements");
    }

    [Fact]
    public void EndlessLoop_WithNoStatementLimit_FailsItsLeaf_AtTheTimeLimit_ASafetyNetInCpuTime()
    {
        var options = new LoadOptions { Formulas = { MaxStatements = int.MaxValue - 1, TimeLimit = TimeSpan.FromMilliseconds(100) } };
        ScoreHostile("{ let x = 0; while (true) { x = x + 1; } return x; }", options, "time limit of 100 ms of CPU time");
    }

    [Fact]
    public void TheTimeLimit_CountsCpuTime_SoWaitingDoesNotCount()
    {
        Assert.True(ThreadCpuTime.IsCpuTime || !(OperatingSystem.IsLinux() || OperatingSystem.IsWindows() || OperatingSystem.IsMacOS()));
        if (ThreadCpuTime.IsCpuTime)
        {
            var before = ThreadCpuTime.Now();
            Thread.Sleep(300);
            Assert.True(ThreadCpuTime.Now() - before < TimeSpan.FromMilliseconds(150).Ticks);
        }
    }

    [Fact]
    public void MemoryBomb_FailsItsLeaf_AtTheMemoryLimit()
    {
        ScoreHostile("{ const a = []; while (true) { a.push(new Array(1000).fill(1)); } return a.length; }", Patient, "memory limit");
    }

    [Theory]
    [InlineData("'x'.repeat(1e8).length")]
    [InlineData("'x'.padEnd(5e8).length")]
    [InlineData("{ const s = 'y'.repeat(5000); return new Array(90000).join(s).length; }")]
    [InlineData("{ const a = 'a'.repeat(1e6), b = 'a'.repeat(500); return [a.replaceAll('a', b), a.replaceAll('a', b)].length; }")]
    [InlineData("{ const a = 'a'.repeat(1e5); return a.replace('a', \"$'$'$'$'$'$'$'$'$'$'$'$'\").length; }")]
    [InlineData("{ const a = 'a'.repeat(5e5); return a.concat(a, a, a).length; }")]
    [InlineData("{ const a = 'a'.repeat(5e5); return `${a}${a}${a}${a}`.length; }")]
    public void OneCallStringBomb_IsRefused_BeforeItAllocates(string formula)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        ScoreHostile(formula, Patient, "longer than the sandbox allows");
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 64_000_000);
    }

    [Fact]
    public void GrowingAStringInsideOneExpression_IsRejectedWhenTheDefinitionLoads()
    {
        var result = FormulaSystems.Parse(FormulaSystems.WithLeafFormula("{ let s = 'x'; return (s += s, s += s, s += s).length; }", FormulaSystems.Ipv6));
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FormulaError && d.Message.Contains("assignment must be a statement", StringComparison.Ordinal));
    }

    [Fact]
    public void DeepRecursion_FailsItsLeaf_AtTheRecursionLimit()
    {
        ScoreHostile("{ function f(n) { return f(n + 1) + 1; } return f(0); }", Patient, "deeper than 64");
    }

    [Fact]
    public void DeepRecursion_AtTheLargestLimit_OnASmallStack_FailsItsLeaf_InsteadOfEndingTheProcess()
    {
        var options = new LoadOptions { Formulas = { MaxRecursionDepth = FormulaOptions.MaxRecursionDepthLimit } };
        var system = FormulaSystems.Load(FormulaSystems.WithLeafFormula("{ const f = (n) => [n].map((x) => f(x + 1))[0]; return f(0); }", FormulaSystems.Ipv6), options);
        Scorecard? card = null;
        var thread = new Thread(() => card = system.Score(FormulaSystems.Evidence()), 256 * 1024);
        thread.Start();
        thread.Join();
        Assert.Equal(ScoreStatus.Error, card!.Find("net.ipv6")!.Status);
        Assert.Equal(8m, card.Total);
    }

    [Theory]
    [InlineData("/^(a+)+$/.test('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!') ? 2 : 0", "regular expressions are not available")]
    [InlineData("RegExp('^(a+)+$').test('aaaa!') ? 2 : 0", "'RegExp' is not available")]
    public void RegularExpressions_AreRefused_WhenTheDefinitionLoads(string formula, string message)
    {
        var result = FormulaSystems.Parse(FormulaSystems.WithLeafFormula(formula, FormulaSystems.Ipv6));
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FormulaError && d.Message.Contains(message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("'aaaa!'.match('^(a+)+$') ? 2 : 0")]
    [InlineData("'aaaa!'.search('a+') >= 0 ? 2 : 0")]
    [InlineData("'aaaa!'.matchAll('a+') ? 2 : 0")]
    public void StringMethodsThatMakeRegularExpressions_AreNotThere(string formula)
    {
        ScoreHostile(formula, contains: "is not a function");
    }

    [Theory]
    [InlineData("importNamespace('System.IO')")]
    [InlineData("System.IO.File.ReadAllText('/etc/passwd').length")]
    [InlineData("clr.System.Environment.Exit(1)")]
    public void ClrAccess_ByName_IsAnUnknownName_WhenTheDefinitionLoads(string formula)
    {
        var result = FormulaSystems.Parse(FormulaSystems.WithLeafFormula(formula, FormulaSystems.Ipv6));
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.UndeclaredEvidence && d.Pointer.EndsWith("/rule/expression", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("globalThis['importNamespace']('System.IO')", "not a function")]
    [InlineData("globalThis['System'].IO.File", "")]
    [InlineData("globalThis['ev' + 'al']('2')", "not a function")]
    [InlineData("(() => 0).constructor('return globalThis')()", "not a function")]
    [InlineData("globalThis['Atomics'].wait(0)", "")]
    public void ClrAccessAndStringCompilation_AtRunTime_FailTheLeaf(string formula, string contains)
    {
        ScoreHostile(formula, contains: contains);
    }

    [Theory]
    [InlineData("eval('2')")]
    [InlineData("Function('return 2')()")]
    public void StringCompilation_IsRefused_WhenTheDefinitionLoads(string formula)
    {
        var result = FormulaSystems.Parse(FormulaSystems.WithLeafFormula(formula, FormulaSystems.Ipv6));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FormulaError && d.Message.Contains("formulas cannot compile code", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{ globalThis.leak = 1; return 2; }")]
    [InlineData("{ Object.prototype.leak = 1; return 2; }")]
    [InlineData("{ Math.max = () => 99; return 2; }")]
    [InlineData("{ Array.prototype.push = null; return 2; }")]
    [InlineData("{ (() => 0).bind.leak = 1; return 2; }")]
    [InlineData("{ [].constructor.prototype.leak = 1; return 2; }")]
    [InlineData("{ clamp.leak = 1; return 2; }")]
    public void WritingGlobalsOrPrototypes_FailsTheLeaf_AndLeavesNothingForTheNextEvaluation(string formula)
    {
        ScoreHostile(formula, contains: "the formula threw");
        var canary = FormulaSystems.Load(FormulaSystems.WithLeafFormula(
            "{ return globalThis.leak === undefined && ({}).leak === undefined && Math.max(1, 2) === 2 && clamp.leak === undefined"
            + " && typeof Array.prototype.push === 'function' && (() => 0).bind.leak === undefined && [].leak === undefined ? 2 : 0; }",
            FormulaSystems.Ipv6));
        Assert.Equal(2m, FormulaSystems.Leaf(canary, "net.ipv6").Score);
    }

    [Fact]
    public void Formulas_RunInStrictMode()
    {
        var system = FormulaSystems.Load(FormulaSystems.WithLeafFormula("(function () { return this; })() === undefined ? 2 : 0", FormulaSystems.Ipv6));
        Assert.Equal(2m, FormulaSystems.Leaf(system, "net.ipv6").Score);
    }

    [Fact]
    public void HostileFormula_FailsOnlyItsOwnSubjects_InParallel()
    {
        var system = FormulaSystems.Load(FormulaSystems.WithLeafFormula("ipv6 ? 2 : (() => { while (true) {} })()", FormulaSystems.Ipv6));
        var totals = Enumerable.Range(0, 40).AsParallel().Select(i =>
        {
            var values = FormulaSystems.Full();
            values["ipv6"] = i % 2 == 0;
            return system.Score(FormulaSystems.Evidence(values, $"s{i}")).Total;
        }).ToList();
        Assert.Equal(20, totals.Count(t => t == 10m));
        Assert.Equal(20, totals.Count(t => t == 8m));
    }

    [Theory]
    [InlineData(nameof(FormulaOptions.TimeLimit))]
    [InlineData(nameof(FormulaOptions.MaxStatements))]
    [InlineData(nameof(FormulaOptions.MemoryLimitBytes))]
    [InlineData(nameof(FormulaOptions.MaxRecursionDepth))]
    [InlineData(nameof(FormulaOptions.RegexTimeout))]
    public void OutOfRangeLimits_AreRejected_WhenTheDefinitionIsCompiled(string name)
    {
        var formulas = new FormulaOptions();
        switch (name)
        {
            case nameof(FormulaOptions.TimeLimit): formulas.TimeLimit = TimeSpan.Zero; break;
            case nameof(FormulaOptions.MaxStatements): formulas.MaxStatements = 0; break;
            case nameof(FormulaOptions.MemoryLimitBytes): formulas.MemoryLimitBytes = -1; break;
            case nameof(FormulaOptions.MaxRecursionDepth): formulas.MaxRecursionDepth = 100_000; break;
            default: formulas.RegexTimeout = TimeSpan.FromMinutes(2); break;
        }

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => FormulaSystems.Parse(FormulaSystems.WithLeafFormula("1", FormulaSystems.Ipv6), new LoadOptions { Formulas = formulas }));
        Assert.Contains(name, e.Message);
    }

    [Fact]
    public void Defaults_AreTheDocumentedOnes()
    {
        var o = new FormulaOptions();
        Assert.Equal(TimeSpan.FromSeconds(10), o.TimeLimit);
        Assert.Equal(100_000, o.MaxStatements);
        Assert.Equal(4L * 1024 * 1024, o.MemoryLimitBytes);
        Assert.Equal(64, o.MaxRecursionDepth);
        Assert.Equal(TimeSpan.FromMilliseconds(20), o.RegexTimeout);
        Assert.True(o.CompileExpressions);
    }
}
