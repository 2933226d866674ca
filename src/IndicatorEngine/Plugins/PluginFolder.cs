using System.Reflection;

namespace IndicatorEngine;

/// <summary>
/// Loads the plugin assemblies of one folder into a <see cref="ScorerRegistry"/>: each in its own
/// <see cref="PluginLoadContext"/>, its scorer types found and created, every failure a diagnostic naming the file.
/// </summary>
internal sealed class PluginFolder(ScorerRegistry registry, Func<Type, IScorer>? createScorer)
{
    private static readonly AssemblyName Contract = typeof(IScorer).Assembly.GetName();

    private readonly List<Diagnostic> _diagnostics = [];

    public List<Diagnostic> Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            _diagnostics.Add(new Diagnostic(DiagnosticCodes.FileNotFound, DiagnosticSeverity.Error,
                "plugin folder not found; give the folder that holds the plugin assemblies (*.dll)", directory));
            return _diagnostics;
        }

        foreach (var file in AssembliesIn(directory))
        {
            try
            {
                LoadAssembly(file);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Error(file, $"cannot be loaded: {Reason(e)}");
            }
        }

        return _diagnostics;
    }

    /// <summary>Every *.dll of the folder, and NAME/NAME.dll of each subfolder, in ordinal order.</summary>
    private static IEnumerable<string> AssembliesIn(string directory)
    {
        var top = Directory.EnumerateFiles(directory, "*.dll");
        var nested = Directory.EnumerateDirectories(directory)
            .Select(d => Path.Combine(d, Path.GetFileName(d) + ".dll"))
            .Where(File.Exists);
        return top.Concat(nested)
            .Where(f => !IsHostAssembly(Path.GetFileNameWithoutExtension(f)))
            .Order(StringComparer.Ordinal);
    }

    /// <summary>Copies of the engine's own assemblies that a build put beside a plugin are not plugins.</summary>
    private static bool IsHostAssembly(string name) =>
        name.Equals(PluginLoadContext.ContractName, StringComparison.OrdinalIgnoreCase)
        || name.Equals(typeof(PluginFolder).Assembly.GetName().Name, StringComparison.OrdinalIgnoreCase);

    private void LoadAssembly(string file)
    {
        // Reading a FIFO would wait for a writer for ever, and a device never ends: refuse them unopened.
        if (FileProbe.KindOf(file) is not (FileKind.Regular or FileKind.Unknown) and var kind)
        {
            Error(file, $"cannot be loaded: it is {FileProbe.Describe(kind)}, not a regular file, so it is not opened; a plugin is a .dll file built by dotnet build or publish");
            return;
        }

        if (!IsManaged(file))
        {
            Error(file, "cannot be loaded: it is not a .NET assembly (bad image); put native libraries a plugin needs in the plugin's own subfolder");
            return;
        }

        var context = new PluginLoadContext(Path.GetFullPath(file));
        var assembly = context.LoadFromAssemblyPath(Path.GetFullPath(file));
        var contract = assembly.GetReferencedAssemblies().FirstOrDefault(r => r.Name == Contract.Name);
        if (contract is null)
        {
            Warning(file, $"holds no scorer: it does not reference {Contract.Name}");
            return;
        }

        if (contract.Version is { } wanted && Contract.Version is { } have && (wanted.Major != have.Major || wanted > have))
        {
            Error(file, $"cannot be loaded: it was built against {Contract.Name} {wanted} but this host has {have}; rebuild the plugin against {have.ToString(3)} or use a newer host");
            return;
        }

        Type[] types;
        try
        {
            types = assembly.GetExportedTypes();
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or TypeLoadException or ReflectionTypeLoadException)
        {
            Error(file, $"cannot be loaded: {Reason(e)}");
            return;
        }

        var scorerTypes = types.Where(t => t is { IsClass: true, IsAbstract: false, ContainsGenericParameters: false } && typeof(IScorer).IsAssignableFrom(t)).ToList();
        if (scorerTypes.Count == 0)
        {
            Warning(file, $"holds no scorer: no public, non-abstract class implements {nameof(IScorer)} (derive a public class from Scorer<TSettings>)");
            return;
        }

        foreach (var type in scorerTypes)
        {
            Register(file, type);
        }
    }

    private void Register(string file, Type type)
    {
        IScorer scorer;
        string name;
        try
        {
            scorer = Create(type);
            name = ScorerRegistry.CheckedName(scorer.Name, type);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Error(file, $"scorer {type.FullName} cannot be created: {Reason(e)}");
            return;
        }

        var origin = ScorerRegistry.OriginOf(type);
        if (!registry.TryAdd(scorer, name, origin, out var existing))
        {
            registry.MarkAmbiguous(name, $"{existing} and {origin}");
            _diagnostics.Add(new Diagnostic(DiagnosticCodes.DuplicateScorer, DiagnosticSeverity.Error,
                $"two scorers are named '{name}': {existing} and {origin}; neither is used until one is removed or renamed", file));
        }
    }

    private IScorer Create(Type type)
    {
        if (createScorer is not null)
        {
            return createScorer(type);
        }

        if (type.GetConstructor(Type.EmptyTypes) is null)
        {
            throw new MissingMethodException(
                "it has no public parameterless constructor; give it one, or load the folder through the dependency-injection adapter (AddScorerPlugins) so that its constructor's services are resolved");
        }

        return (IScorer)Activator.CreateInstance(type)!;
    }

    private static bool IsManaged(string file)
    {
        try
        {
            AssemblyName.GetAssemblyName(file);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    /// <summary>The message a person can act on: the innermost cause, with the loader's own details for type loads.</summary>
    private static string Reason(Exception e)
    {
        while (e is TargetInvocationException { InnerException: { } inner })
        {
            e = inner;
        }

        var reason = e switch
        {
            ReflectionTypeLoadException load => string.Join("; ", load.LoaderExceptions.OfType<Exception>().Select(x => x.Message).Distinct()),
            FileNotFoundException or FileLoadException => $"a dependency is missing: {e.Message.Trim()} Put the plugin's dependencies beside it (dotnet publish does).",
            MissingMethodException => e.Message,
            _ => $"{e.GetType().Name}: {e.Message}",
        };
        return reason.ReplaceLineEndings(" ");
    }

    private void Error(string file, string message) =>
        _diagnostics.Add(new Diagnostic(DiagnosticCodes.PluginLoadFailed, DiagnosticSeverity.Error, message, file));

    private void Warning(string file, string message) =>
        _diagnostics.Add(new Diagnostic(DiagnosticCodes.PluginWithoutScorers, DiagnosticSeverity.Warning, message, file));
}
