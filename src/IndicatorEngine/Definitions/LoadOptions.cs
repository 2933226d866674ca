namespace IndicatorEngine.Definitions;

/// <summary>
/// Limits and settings for loading definitions and evidence. A plain options object: create one, set what
/// you need, pass it in; the defaults are those documented on each property.
/// </summary>
public sealed class LoadOptions
{
    /// <summary>The default limit on one file: 16 MiB.</summary>
    public const long DefaultMaxFileBytes = 16L * 1024 * 1024;

    /// <summary>A new instance with every setting at its default (each call returns a fresh one, so no caller can change another's defaults).</summary>
    public static LoadOptions Default => new();

    /// <summary>Largest file (or stream) accepted, in bytes; larger input is reported as IE002. Default 16 MiB.</summary>
    public long MaxFileBytes { get; set; } = DefaultMaxFileBytes;

    /// <summary>Limits of the sandbox that runs formulas; see <see cref="Scripting.FormulaOptions"/> for each default. Checked when a definition is compiled.</summary>
    public Scripting.FormulaOptions Formulas { get; set; } = new();

    /// <summary>
    /// The scorers that plugin rules (<c>"type": "plugin"</c>) may name; null (the default) when there are none,
    /// so that every plugin rule is reported as IE103. See <c>docs/plugins.md</c>.
    /// </summary>
    public Plugins.ScorerRegistry? Scorers { get; set; }
}
