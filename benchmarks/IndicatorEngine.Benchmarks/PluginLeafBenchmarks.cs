using System.Globalization;
using BenchmarkDotNet.Attributes;
using IndicatorEngine.Rules;

using IndicatorEngine.Model;

namespace IndicatorEngine.Benchmarks;

/// <summary>
/// What a rule costs as a scorer plugin: the same rule (exit bandwidth per head, 3 points at 0.7 Mbps, pro
/// rata below) as the built-in linear scorer and as a plugin that reads the same two values through its
/// <see cref="EvidenceView"/> and returns the parts of its explanation. Baseline: the built-in scorer. A third
/// plugin formats its text eagerly, as plugins did before explanations were put together on demand: the
/// difference is what a batch saves by never formatting what nobody reads.
/// </summary>
[MemoryDiagnoser]
public class PluginLeafBenchmarks
{
    private const string Definition = """
    {
      "id": "bench", "version": "1", "title": { "zh": "基准" }, "points": 9,
      "evidence": [
        { "key": "exitBandwidthGbps", "type": "number", "min": 0, "title": "exit bandwidth" },
        { "key": "campusHeadcount", "type": "integer", "min": 0, "title": "people" }
      ],
      "profiles": [ { "id": "p", "title": { "zh": "p" }, "passThreshold": 0 } ],
      "indicators": [
        { "id": "linear", "title": { "zh": "内置" }, "points": 3,
          "rule": { "type": "linear", "evidence": "exitBandwidthGbps", "scale": 1000, "per": "campusHeadcount", "target": 0.7 } },
        { "id": "plugin", "title": { "zh": "插件" }, "points": 3,
          "rule": { "type": "plugin", "scorer": "per-head", "options": { "value": "exitBandwidthGbps", "per": "campusHeadcount", "scale": 1000, "target": 0.7 } } },
        { "id": "formatted", "title": { "zh": "插件" }, "points": 3,
          "rule": { "type": "plugin", "scorer": "per-head", "options": { "value": "exitBandwidthGbps", "per": "campusHeadcount", "scale": 1000, "target": 0.7, "formatted": true } } }
      ]
    }
    """;

    private RuleScorer _builtIn = null!;
    private RuleScorer _plugin = null!;
    private RuleScorer _formatted = null!;
    private EvidenceValue[] _slots = null!;

    [GlobalSetup]
    public void Setup()
    {
        var system = IndicatorSystem.Parse(Definition, "bench.json", new LoadOptions { Scorers = new ScorerRegistry([new PerHeadScorer()]) }).GetValueOrThrow();
        _builtIn = system.Plan.Nodes.Single(n => n.Indicator.Id == "linear").Scorer!;
        _plugin = system.Plan.Nodes.Single(n => n.Indicator.Id == "plugin").Scorer!;
        _formatted = system.Plan.Nodes.Single(n => n.Indicator.Id == "formatted").Scorer!;
        _slots = system.ReadEvidence("""{ "id": "s", "values": { "exitBandwidthGbps": 10, "campusHeadcount": 16850 } }"""u8).Slots;
        if (_builtIn.Score(_slots, 3m, ExplainLanguage.None).Score != _plugin.Score(_slots, 3m, ExplainLanguage.None).Score)
        {
            throw new InvalidOperationException("the plugin should score exactly as the built-in rule");
        }
    }

    [Benchmark(Baseline = true, Description = "built-in linear scorer")]
    public decimal BuiltIn() => _builtIn.Score(_slots, 3m, ExplainLanguage.None).Score;

    [Benchmark(Description = "plugin scorer, same rule")]
    public decimal Plugin() => _plugin.Score(_slots, 3m, ExplainLanguage.None).Score;

    [Benchmark(Description = "plugin scorer, text formatted eagerly")]
    public decimal Formatted() => _formatted.Score(_slots, 3m, ExplainLanguage.None).Score;

    /// <summary><c>per-head</c>: the linear rule of the built-ins, written as a plugin.</summary>
    public sealed class PerHeadScorer : Scorer<PerHeadScorer.Settings>
    {
        public override string Name => "per-head";

        protected override Settings? Compile(ScorerSetup setup)
        {
            var options = setup.BindOptions<Options>();
            return options is null ? null : new Settings(
                setup.Read(options.Value, "/value", ExpectedEvidence.Number),
                setup.Read(options.Per, "/per", ExpectedEvidence.Number),
                options.Scale,
                options.Target,
                options.Formatted);
        }

        protected override ScoreOutcome Score(EvidenceView evidence, Settings settings, decimal max)
        {
            if (!evidence.TryGetNumber(settings.Value, out var value))
            {
                return evidence.Unusable(settings.Value);
            }

            if (!evidence.TryGetNumber(settings.Per, out var per))
            {
                return evidence.Unusable(settings.Per);
            }

            var measured = value * settings.Scale / per;
            var score = max * Math.Clamp(measured / settings.Target, 0m, 1m);
            return settings.Formatted
                ? new ScoreOutcome(score, ScoreStatus.Partial, string.Create(CultureInfo.InvariantCulture,
                    $"{settings.Value.Title} {value:#,0.####} for {per:#,0.####} = {measured:#,0.##}, target {settings.Target:#,0.####} → {score:#,0.##} of {max:#,0.##}"))
                : new ScoreOutcome(score, ScoreStatus.Partial, new Explanation(
                    "{0} {1} for {2} = {3}, target {4} → {5} points", settings.Value.Title, value, per, Math.Round(measured, 2), settings.Target, Math.Round(score, 2)));
        }

        public sealed record Settings(EvidenceSlot Value, EvidenceSlot Per, decimal Scale, decimal Target, bool Formatted);

        private sealed class Options
        {
            public required string Value { get; init; }

            public required string Per { get; init; }

            public decimal Scale { get; init; } = 1m;

            public required decimal Target { get; init; }

            public bool Formatted { get; init; }
        }
    }
}
