namespace IndicatorEngine.Tests;

/// <summary>Finds files of the repository from the test's output folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Indicators => Path.Combine(Root, "indicators");

    public static string Definition(string id) => Path.Combine(Indicators, id + ".json");

    public static string Sample(string system, string sample) => Path.Combine(Indicators, "samples", system, sample + ".json");

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
