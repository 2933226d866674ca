namespace IndicatorEngine.Cli.Tests;

/// <summary>Finds the repository's files from the test's output folder (walks up to IndicatorEngine.sln).</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string HenanHigher => Path.Combine(Root, "indicators", "henan-higher-vocational.json");

    public static string ResultSchema => Path.Combine(Root, "indicators", "schema", "result.schema.json");

    public static string Sample(string sample) => Sample("henan-higher-vocational", sample);

    public static string Definition(string system) => Path.Combine(Root, "indicators", system + ".json");

    public static string Sample(string system, string sample) =>
        Path.Combine(Root, "indicators", "samples", system, sample + ".json");

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
