
namespace IndicatorEngine.Rules;

/// <summary>The table of rule kinds: adding one is a new <see cref="IRuleType"/> and a line here.</summary>
internal static class RuleTypes
{
    private static readonly Dictionary<string, IRuleType> Table = new IRuleType[]
    {
        new BooleanRule(),
        new ThresholdRule(),
        new LinearRule(),
        new TiersRule(),
        new ChecklistRule(),
        new ManualRule(),
        new FormulaRule(),
        new PluginRule(),
    }.ToDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>The kind with that name, or null.</summary>
    public static IRuleType? Find(string name) => Table.GetValueOrDefault(name);
}
