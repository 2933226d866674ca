namespace IndicatorEngine.Testing;

/// <summary>Finds the repository's files from a test's output folder (walks up to IndicatorEngine.sln). Shared by every test project.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Indicators => Path.Combine(Root, "indicators");

    public static string HenanHigher => Definition("henan-higher-vocational");

    public static string ResultSchema => Path.Combine(Indicators, "schema", "result.schema.json");

    /// <summary>NetworkCoverage.dll and DocumentCurrency.dll, built from plugins/ and copied beside the tests by the projects that load them.</summary>
    public static string ExamplePlugins => Path.Combine(AppContext.BaseDirectory, "example-plugins");

    public static string Definition(string id) => Path.Combine(Indicators, id + ".json");

    public static string Sample(string sample) => Sample("henan-higher-vocational", sample);

    public static string Sample(string system, string sample) => Path.Combine(Indicators, "samples", system, sample + ".json");

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
