using IndicatorEngine.Rules;
using IndicatorEngine.Scripting;

namespace IndicatorEngine.Benchmarks;

/// <summary>
/// One rule — Henan's exit bandwidth, 3 points at 0.7 Mbps per head, pro rata below — written four ways in
/// one small system: the built-in linear scorer, a formula compiled to a delegate, the same formula in Jint,
/// and (in the benchmarks) a hand-written C# lambda.
/// </summary>
internal sealed class FormulaBench
{
    public const string Formula = "min(1, exitBandwidthGbps * 1000 / campusHeadcount / 0.7) * points";

    private const string Definition = """
    {
      "id": "bench", "version": "1", "title": { "zh": "基准" }, "points": 9,
      "evidence": [
        { "key": "exitBandwidthGbps", "type": "number", "min": 0 },
        { "key": "campusHeadcount", "type": "integer", "min": 0 }
      ],
      "profiles": [ { "id": "p", "title": { "zh": "p" }, "passThreshold": 0 } ],
      "indicators": [
        { "id": "linear", "title": { "zh": "内置" }, "points": 3,
          "rule": { "type": "linear", "evidence": "exitBandwidthGbps", "scale": 1000, "per": "campusHeadcount", "target": 0.7 } },
        { "id": "formula", "title": { "zh": "公式" }, "points": 3,
          "rule": { "type": "formula", "expression": "FORMULA" } },
        { "id": "spare", "title": { "zh": "备用" }, "points": 3,
          "rule": { "type": "linear", "evidence": "exitBandwidthGbps", "target": 10 } }
      ]
    }
    """;

    public FormulaBench()
    {
        var text = Definition.Replace("FORMULA", Formula, StringComparison.Ordinal);
        var compiled = IndicatorSystem.Parse(text, "bench.json").GetValueOrThrow();
        var jint = IndicatorSystem.Parse(text, "bench.json", new LoadOptions { Formulas = { CompileExpressions = false } }).GetValueOrThrow();
        Linear = Leaf(compiled, "linear");
        CompiledScorer = (FormulaScorer)Leaf(compiled, "formula");
        JintScorer = (FormulaScorer)Leaf(jint, "formula");
        Slots = compiled.ReadEvidence("""{ "id": "s", "values": { "exitBandwidthGbps": 10, "campusHeadcount": 16850 } }"""u8).Slots;
        if (!CompiledScorer.Formula.IsCompiled || JintScorer.Formula.IsCompiled)
        {
            throw new InvalidOperationException("the benchmark formula should compile in one system and not in the other");
        }
    }

    public RuleScorer Linear { get; }

    public FormulaScorer CompiledScorer { get; }

    public FormulaScorer JintScorer { get; }

    public EvidenceValue[] Slots { get; }

    private static RuleScorer Leaf(IndicatorSystem system, string id) => system.Plan.Nodes.Single(n => n.Indicator.Id == id).Scorer!;
}
