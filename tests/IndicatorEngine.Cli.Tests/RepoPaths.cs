namespace IndicatorEngine.Cli.Tests;

/// <summary>Finds the repository's files from the test's output folder (walks up to IndicatorEngine.sln).</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string HenanHigher => Path.Combine(Root, "indicators", "henan-higher-vocational.json");

    public static string ResultSchema => Path.Combine(Root, "indicators", "schema", "result.schema.json");

    public static string Sample(string sample) =>
        Path.Combine(Root, "indicators", "samples", "henan-higher-vocational", sample + ".json");

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
