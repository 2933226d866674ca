using System.Reflection;
using System.Runtime.Loader;

namespace IndicatorEngine;

/// <summary>
/// The load context of one plugin assembly: its own dependencies come from beside it (as its .deps.json or
/// folder says), IndicatorEngine.Abstractions and everything else the host has come from the host, so that
/// the plugin's <see cref="IScorer"/> is the host's.
/// </summary>
internal sealed class PluginLoadContext(string path) : AssemblyLoadContext($"plugin:{Path.GetFileName(path)}")
{
    /// <summary>The name of the one assembly every plugin must share with the host.</summary>
    public static readonly string ContractName = typeof(IScorer).Assembly.GetName().Name!;

    private readonly AssemblyDependencyResolver _resolver = new(path);

    protected override Assembly? Load(AssemblyName name)
    {
        if (string.Equals(name.Name, ContractName, StringComparison.Ordinal))
        {
            return null;
        }

        return _resolver.ResolveAssemblyToPath(name) is { } file ? LoadFromAssemblyPath(file) : null;
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
        _resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } file ? LoadUnmanagedDllFromPath(file) : IntPtr.Zero;
}
