
namespace IndicatorEngine.Rules;

/// <summary>
/// <c>"plugin"</c>: a rule scored by a C# <see cref="IScorer"/> the host registered (<see cref="LoadOptions.Scorers"/>).
/// Binding runs the scorer's Compile once: its diagnostics and its settings come from that one call.
/// </summary>
internal sealed class PluginRule : IRuleType
{
    public string Name => "plugin";

    public RuleScorer? Bind(RuleBinding binding)
    {
        var rule = binding.Rule;
        var registry = binding.Options.Scorers;
        var name = rule.Scorer ?? "";
        if (registry?.Find(name) is not { } scorer)
        {
            binding.Error(DiagnosticCodes.UnknownRuleType, UnknownScorer(name, registry), "/scorer");
            return null;
        }

        var setup = new RuleScorerSetup(name, binding.Node.Id, binding.Points, rule.Label, rule.Options, binding.Catalogue,
            (code, severity, message, suffix) => binding.Report(code, severity, message, suffix));
        object? settings;
        try
        {
            settings = scorer.Compile(setup);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            registry.ReportFailure(name, binding.Node.Id, whileCompiling: true, e);
            binding.Error(DiagnosticCodes.InvalidRule, $"scorer '{name}' failed while compiling its options: {e.GetType().Name}: {e.Message}", "/scorer");
            return null;
        }

        return setup.HasErrors ? null : new PluginScorer(name, scorer, settings, setup.Slots, binding.Node.Id, registry);
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
}
