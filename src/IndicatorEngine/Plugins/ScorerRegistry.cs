
namespace IndicatorEngine;

/// <summary>
/// The scorers that plugin rules (<c>"type": "plugin"</c>) can name, by <see cref="IScorer.Name"/>. Fill it
/// with <see cref="Add"/> or <see cref="AddPlugins"/> and pass it in <see cref="LoadOptions.Scorers"/>;
/// each rule resolves its scorer once, when its definition loads.
/// </summary>
/// <remarks>
/// Thread-safe: scorers may be added while definitions load on other threads (a definition sees the scorers
/// present when it loads). Names are compared ordinally. A name two plugin assemblies both provide is
/// ambiguous: neither scorer is used, and a definition naming it fails to load with a message naming both.
/// </remarks>
public sealed class ScorerRegistry
{
    private readonly object _gate = new();
    private readonly Dictionary<string, (IScorer Scorer, string Origin)> _scorers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _ambiguous = new(StringComparer.Ordinal);
    private readonly List<Diagnostic> _diagnostics = [];

    /// <summary>Creates an empty registry.</summary>
    public ScorerRegistry()
    {
    }

    /// <summary>Creates a registry holding the scorers given.</summary>
    /// <param name="scorers">The scorers; their names must differ.</param>
    /// <exception cref="ArgumentException">Two scorers have the same name, or a name is empty or has white space.</exception>
    public ScorerRegistry(IEnumerable<IScorer> scorers)
    {
        ArgumentNullException.ThrowIfNull(scorers);
        foreach (var scorer in scorers)
        {
            Add(scorer);
        }
    }

    /// <summary>
    /// Called when a scorer throws, with the exception, so that a host can log it (the scorecard only shows its
    /// message). Called on the thread that was compiling or scoring, possibly on many threads at once; it must
    /// be thread-safe and must not throw. Null (the default) to ignore.
    /// </summary>
    public Action<ScorerFailure>? OnFailure { get; init; }

    /// <summary>The names of the scorers registered, in ordinal order.</summary>
    public IReadOnlyList<string> Names
    {
        get
        {
            lock (_gate)
            {
                return _scorers.Keys.Order(StringComparer.Ordinal).ToList();
            }
        }
    }

    /// <summary>Every problem <see cref="AddPlugins"/> has found so far (IE401–IE403), in the order found.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics
    {
        get
        {
            lock (_gate)
            {
                return _diagnostics.ToList();
            }
        }
    }

    /// <summary>Registers a scorer under its <see cref="IScorer.Name"/>.</summary>
    /// <param name="scorer">The scorer; one instance serves every rule and thread.</param>
    /// <returns>This registry, to chain calls.</returns>
    /// <exception cref="ArgumentException">A scorer with the same name is registered already, or the name is empty or has white space.</exception>
    public ScorerRegistry Add(IScorer scorer)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        var name = CheckedName(scorer.Name, scorer.GetType());
        if (!TryAdd(scorer, name, OriginOf(scorer.GetType()), out var existing))
        {
            throw new ArgumentException($"two scorers are named '{name}': {existing} and {OriginOf(scorer.GetType())}; rename one", nameof(scorer));
        }

        return this;
    }

    /// <summary>
    /// Loads every plugin assembly of a folder, each in its own load context that shares IndicatorEngine.Abstractions
    /// with the host, and registers the scorers it exports: every <c>*.dll</c> directly in the folder, and for
    /// each subfolder <c>NAME/</c>, its <c>NAME.dll</c> (a plugin published with its dependencies beside it).
    /// A plugin that cannot be loaded is reported, and the others are loaded all the same.
    /// </summary>
    /// <param name="directory">The plugin folder.</param>
    /// <param name="createScorer">
    /// Creates an instance of a public, non-abstract scorer type found in a plugin; null to require a public
    /// parameterless constructor. The dependency-injection adapter passes one that resolves constructor
    /// parameters from the container.
    /// </param>
    /// <returns>
    /// The problems found (also added to <see cref="Diagnostics"/>), each naming the file: IE401 a plugin or a
    /// scorer in it could not be loaded, IE402 two plugins provide the same scorer name, IE403 (warning) an
    /// assembly holds no scorer; IE001 when the folder does not exist.
    /// </returns>
    public IReadOnlyList<Diagnostic> AddPlugins(string directory, Func<Type, IScorer>? createScorer = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var found = new PluginFolder(this, createScorer).Load(directory);
        lock (_gate)
        {
            _diagnostics.AddRange(found);
        }

        return found;
    }

    /// <summary>Finds a scorer by name.</summary>
    /// <param name="name">The name a rule gives in <c>"scorer"</c>.</param>
    /// <returns>The scorer, or null when none (or more than one plugin) has that name.</returns>
    public IScorer? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        lock (_gate)
        {
            return _scorers.TryGetValue(name, out var entry) ? entry.Scorer : null;
        }
    }

    /// <summary>Why a name is not usable because two plugins provide it, or null.</summary>
    internal string? AmbiguityOf(string name)
    {
        lock (_gate)
        {
            return _ambiguous.GetValueOrDefault(name);
        }
    }

    /// <summary>Registers a scorer unless its name is taken; gives the origin of the one holding it.</summary>
    internal bool TryAdd(IScorer scorer, string name, string origin, out string? existing)
    {
        lock (_gate)
        {
            if (_ambiguous.TryGetValue(name, out existing))
            {
                _ambiguous[name] = $"{existing}, {origin}";
                return false;
            }

            if (_scorers.TryGetValue(name, out var entry))
            {
                existing = entry.Origin;
                return false;
            }

            _scorers[name] = (scorer, origin);
            existing = null;
            return true;
        }
    }

    /// <summary>Withdraws a name two plugins provide, so that neither is picked by accident of load order.</summary>
    internal void MarkAmbiguous(string name, string origins)
    {
        lock (_gate)
        {
            _scorers.Remove(name);
            _ambiguous[name] = origins;
        }
    }

    internal void ReportFailure(string scorer, string indicatorId, bool whileCompiling, Exception exception)
    {
        try
        {
            OnFailure?.Invoke(new ScorerFailure(scorer, indicatorId, whileCompiling, exception));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A failing listener must not turn one failed observation point into a failed batch.
        }
    }

    /// <summary>A scorer type and the assembly file (or name) it comes from, for messages.</summary>
    internal static string OriginOf(Type type)
    {
        var assembly = type.Assembly;
        var where = string.IsNullOrEmpty(assembly.Location) ? assembly.GetName().Name : assembly.Location;
        return $"{type.FullName} ({where})";
    }

    internal static string CheckedName(string? name, Type type)
    {
        if (string.IsNullOrEmpty(name) || name.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException($"scorer {type.FullName} has the name '{name}'; a scorer's name must be non-empty and have no white space");
        }

        return name;
    }
}
