namespace IndicatorEngine.Cli.Arguments;

/// <summary>One option a command accepts: its long name, an optional one-letter alias, and whether it takes a value.</summary>
internal sealed record OptionSpec(string Name, char? Alias = null, string? ValueName = null)
{
    public bool TakesValue => ValueName is not null;
}
