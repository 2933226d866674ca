using IndicatorEngine.Scripting;

namespace IndicatorEngine.Tests.Scripting;

/// <summary>The names formulas are checked against at load are exactly those a real sandbox engine defines.</summary>
public class SandboxGlobalsTests
{
    [Fact]
    public void WrittenOutGlobalNames_AreExactlyThoseOfARealSandboxEngine()
    {
        var engine = new SandboxEngine(new FormulaOptions().Freeze());
        Assert.Equal(engine.GlobalNames().Order(StringComparer.Ordinal), FormulaSandbox.GlobalNames.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryHelper_IsAGlobalName()
    {
        Assert.All(SandboxPrelude.Helpers.Keys, helper => Assert.Contains(helper, FormulaSandbox.GlobalNames));
    }
}
