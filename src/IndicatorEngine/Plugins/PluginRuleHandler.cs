using System.Runtime.CompilerServices;
using IndicatorEngine.Definitions;
using IndicatorEngine.Definitions.Model;
using IndicatorEngine.Diagnostics;
using IndicatorEngine.Scoring.Rules;

namespace IndicatorEngine.Plugins;

/// <summary>
/// The <c>plugin</c> rule type: the rule names a scorer of <see cref="LoadOptions.Scorers"/>, which checks and
/// compiles the rule's options once, when the definition loads.
/// </summary>
internal sealed class PluginRuleHandler : IRuleHandler
{
    public static readonly PluginRuleHandler Instance = new();

    // Checking runs the scorer's Compile (that is where its diagnostics come from); what it compiled waits here
    // for the plan, which takes it out, so a scorer compiles each rule once. Keyed by the rule object, so an entry
    // whose definition never compiles (another error) goes with its model.
    private static readonly ConditionalWeakTable<RuleDto, CompiledRule> Compiled = new();

    private PluginRuleHandler()
    {
    }

    public void Check(RuleCheckContext context)
    {
        var rule = context.Rule;
        var registry = context.Options.Scorers;
        var name = rule.Scorer ?? "";
        if (registry?.Find(name) is not { } scorer)
        {
            context.Error(DiagnosticCodes.UnknownRuleType, UnknownScorer(name, registry), "/scorer");
            return;
        }

        var setup = new RuleScorerSetup(name, context.Node.Id, context.Points, rule.Label, rule.Options,
            key => context.Evidence.TryGetValue(key, out var d) ? new DeclaredEvidence(d.Type, d.Title ?? d.Key, d.Unit) : null,
            (code, severity, message, suffix) => context.Report(code, severity, message, suffix));
        object? settings;
        try
        {
            settings = scorer.Compile(setup);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            registry.ReportFailure(name, context.Node.Id, whileCompiling: true, e);
            context.Error(DiagnosticCodes.InvalidRule, $"scorer '{name}' failed while compiling its options: {e.GetType().Name}: {e.Message}", "/scorer");
            return;
        }

        if (!setup.HasErrors)
        {
            Compiled.AddOrUpdate(rule, new CompiledRule(scorer, settings, setup.Keys));
        }
    }

    public LeafScorer Compile(RuleCompileContext context)
    {
        var rule = context.Rule;
        var name = rule.Scorer ?? "";
        if (Compiled.TryGetValue(rule, out var compiled))
        {
            Compiled.Remove(rule);
        }
        else
        {
            compiled = CompileUnchecked(context, name);
        }

        var slots = compiled.Keys.Select(context.SlotOf).ToArray();
        return new PluginLeafScorer(name, compiled.Scorer, compiled.Settings, slots, context.Node.Id, context.Options.Scorers);
    }

    /// <summary>For a rule that reached the plan without <see cref="Check"/>: compile it now, and refuse if it has errors.</summary>
    private static CompiledRule CompileUnchecked(RuleCompileContext context, string name)
    {
        var scorer = context.Options.Scorers?.Find(name) ?? throw new InvalidOperationException(UnknownScorer(name, context.Options.Scorers));
        var byKey = context.Catalogue.ToDictionary(d => d.Key, StringComparer.Ordinal);
        var problems = new List<string>();
        var setup = new RuleScorerSetup(name, context.Node.Id, context.Points, context.Rule.Label, context.Rule.Options,
            key => byKey.TryGetValue(key, out var d) ? new DeclaredEvidence(d.Type.ToString().ToLowerInvariant(), d.Title, d.Unit) : null,
            (_, severity, message, _) =>
            {
                if (severity == DiagnosticSeverity.Error)
                {
                    problems.Add(message);
                }
            });
        var settings = scorer.Compile(setup);
        return problems.Count == 0 ? new CompiledRule(scorer, settings, setup.Keys) : throw new InvalidOperationException(string.Join("; ", problems));
    }

    private static string UnknownScorer(string name, ScorerRegistry? registry)
    {
        if (registry?.AmbiguityOf(name) is { } origins)
        {
            return $"scorer '{name}' is provided by more than one plugin ({origins}); remove or rename all but one";
        }

        var names = registry?.Names ?? [];
        var message = names.Count == 0
            ? $"no scorer is named '{name}': no plugin scorers are registered; load a plugin folder (indicator --plugins DIR, ScorerRegistry.AddPlugins) or register scorers (AddScorer)"
            : $"no scorer is named '{name}'; the registered scorers are {string.Join(", ", names)}";
        var failed = registry?.Diagnostics.Where(d => d.IsError).ToList() ?? [];
        return failed.Count == 0 ? message : $"{message}. Loading plugins also failed {failed.Count} time(s), first: {failed[0]}";
    }

    private sealed record CompiledRule(IScorer Scorer, object? Settings, IReadOnlyList<string> Keys);
}
