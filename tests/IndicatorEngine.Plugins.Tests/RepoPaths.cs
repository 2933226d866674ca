namespace IndicatorEngine.Plugins.Tests;

/// <summary>Finds files of the repository, and the example plugins the build copied beside the tests.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>NetworkCoverage.dll and DocumentCurrency.dll, built from plugins/ and copied here by the test project.</summary>
    public static string ExamplePlugins => Path.Combine(AppContext.BaseDirectory, "example-plugins");

    public static string Example(string file) => Path.Combine(Root, "plugins", "example", file);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "IndicatorEngine.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("IndicatorEngine.sln not found above " + AppContext.BaseDirectory);
    }
}
