namespace IndicatorEngine;

/// <summary>
/// Limits and settings for loading definitions and evidence. A plain options object: create one, set what
/// you need, pass it in; the defaults are those documented on each property.
/// </summary>
public sealed class LoadOptions
{
    /// <summary>The default limit on one file: 16 MiB.</summary>
    public const long DefaultMaxFileBytes = 16L * 1024 * 1024;

    /// <summary>The default limit on nesting: 64 levels of JSON objects and arrays (a six-level indicator tree needs about 16).</summary>
    public const int DefaultMaxDepth = 64;

    /// <summary>The largest <see cref="MaxDepth"/> accepted: 256 levels.</summary>
    public const int MaxDepthLimit = 256;

    private int _maxDepth = DefaultMaxDepth;

    /// <summary>A new instance with every setting at its default (each call returns a fresh one, so no caller can change another's defaults).</summary>
    public static LoadOptions Default => new();

    /// <summary>
    /// Largest file (or stream) accepted, in bytes; larger input is reported as IE002. Default 16 MiB. The limit
    /// holds whatever the file is: reading stops after one byte more than the limit, whatever size the file system
    /// reports.
    /// </summary>
    public long MaxFileBytes { get; set; } = DefaultMaxFileBytes;

    /// <summary>
    /// Deepest nesting of JSON objects and arrays accepted in a definition or evidence file, counting the
    /// outermost object as level 1; deeper input is reported as IE008 (not as malformed JSON). Default
    /// <see cref="DefaultMaxDepth"/> (64); each level of indicators adds two (its <c>children</c> array and the
    /// node's object).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set below 1 or above <see cref="MaxDepthLimit"/>.</exception>
    public int MaxDepth
    {
        get => _maxDepth;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxDepthLimit);
            _maxDepth = value;
        }
    }

    /// <summary>
    /// Folders, besides the extending definition's own folder and its subfolders, from which an overlay's
    /// <c>extends</c> may read its base definition (each folder's subfolders included). Empty by default, so an
    /// overlay can extend only a file beside it or below it. A relative folder is taken from the current folder
    /// when a definition is loaded; symbolic links and <c>..</c> are resolved before the check, in both the
    /// folders and the path <c>extends</c> names. A base outside every allowed folder is IE113 and is not read.
    /// </summary>
    public IList<string> AllowedRoots { get; } = new List<string>();

    /// <summary>Limits of the sandbox that runs formulas; see <see cref="FormulaOptions"/> for each default. Checked when a definition is compiled.</summary>
    public FormulaOptions Formulas { get; set; } = new();

    /// <summary>
    /// The scorers that plugin rules (<c>"type": "plugin"</c>) may name; null (the default) when there are none,
    /// so that every plugin rule is reported as IE103. See <c>docs/plugins.md</c>.
    /// </summary>
    public ScorerRegistry? Scorers { get; set; }
}
