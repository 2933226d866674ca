namespace IndicatorEngine.Cli.Arguments;

/// <summary>A command's operands and the options given, by long name.</summary>
internal sealed class ParsedArguments(IReadOnlyList<string> operands, IReadOnlyDictionary<string, string?> options)
{
    public IReadOnlyList<string> Operands { get; } = operands;

    public bool Has(string name) => options.ContainsKey(name);

    public string? Value(string name) => options.GetValueOrDefault(name);
}
