using System.IO.Compression;

namespace IndicatorEngine.Package.Tests;

/// <summary>
/// Every package of the repository packed once into a local folder (a feed), under a version of this run's own
/// so that no copy of an earlier run in the machine's package cache can stand in for it.
/// </summary>
public sealed class PackedFeed : IDisposable
{
    /// <summary>The packable projects, in the order they depend on each other.</summary>
    public static readonly string[] Packages = ["IndicatorEngine.Abstractions", "IndicatorEngine", "IndicatorEngine.DependencyInjection", "IndicatorEngine.Cli"];

    public PackedFeed()
    {
        Version = "0.1.0-ci." + Guid.NewGuid().ToString("N")[..12];
        Feed = Work.File("feed");
        foreach (var package in Packages)
        {
            Pack(package, Feed, Work.File("build"));
        }

        // A nuget.config naming the feed; the packages' own dependencies come from the machine's usual sources.
        NuGetConfig = Work.Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="indicator-engine-local" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
    }

    internal TempFolder Work { get; } = new();

    public string Version { get; }

    public string Feed { get; }

    public string NuGetConfig { get; }

    public static Dictionary<string, string> Environment => [];

    /// <summary>Packs one project of src/ into <paramref name="output"/>, built under <paramref name="artifacts"/> (never the repository's bin/obj).</summary>
    public void Pack(string project, string output, string artifacts) =>
        DotnetCommand.Run(Work.Path, Environment, "pack", Path.Combine(RepoPaths.Root, "src", project), "-c", "Release", "-o", output,
            "--artifacts-path", artifacts, $"-p:Version={Version}", "-p:CI=true", "-nodeReuse:false", "-p:UseSharedCompilation=false");

    /// <summary>The bytes of one file inside a package of the feed.</summary>
    public static byte[] Entry(string nupkg, string entryName)
    {
        using var zip = ZipFile.OpenRead(nupkg);
        using var stream = zip.GetEntry(entryName)!.Open();
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }

    public void Dispose() => Work.Dispose();
}
