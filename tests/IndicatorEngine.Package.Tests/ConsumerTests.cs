using System.Text.RegularExpressions;

namespace IndicatorEngine.Package.Tests;

/// <summary>
/// What a consumer does in the first hour, against the packed packages only: a new console app runs the
/// README's library example unchanged, the tool installs and scores a shipped system by id, a plugin built
/// against the packed contract loads through <c>--plugins</c>; and the packages are what the issue asks of them
/// (metadata, XML docs, symbols, the shipped systems inside, the same bytes from the same sources).
/// </summary>
public sealed partial class ConsumerTests(PackedFeed feed) : IClassFixture<PackedFeed>
{
    [Fact]
    public void TheReadmesLibraryExample_CompilesAndRuns_UnchangedInANewConsoleApp()
    {
        var app = feed.Work.File("app");
        DotnetCommand.Run(feed.Work.Path, PackedFeed.Environment, "new", "console", "-o", app, "--framework", "net10.0");
        DotnetCommand.Run(app, PackedFeed.Environment, "add", "package", "IndicatorEngine", "--version", feed.Version);
        File.WriteAllText(Path.Combine(app, "Program.cs"), LibraryExample());

        // The example reads the repository's sample files by relative path: run it from the repository's root.
        var output = DotnetCommand.Run(RepoPaths.Root, PackedFeed.Environment, "run", "--project", app, "-c", "Release");
        Assert.Contains("536.29 / 600", output, StringComparison.Ordinal);
        Assert.Contains("verdict: Passed", output, StringComparison.Ordinal);
    }

    [Fact]
    public void TheTool_Installs_ScoresAShippedSystemById_WithNoDefinitionOnDisk_AndRunsABatch()
    {
        var indicator = InstallTool();
        var card = DotnetCommand.RunProgram(feed.Work.Path, PackedFeed.Environment, indicator,
            "score", "henan-higher-vocational", Path.Combine(RepoPaths.Root, "indicators", "samples", "henan-higher-vocational", "passing.json"), "--format", "json");
        Assert.Contains("\"total\": 536.29,", card, StringComparison.Ordinal);
        Assert.Contains("\"verdict\": \"passed\"", card, StringComparison.Ordinal);
        Assert.Contains(feed.Version, DotnetCommand.RunProgram(feed.Work.Path, PackedFeed.Environment, indicator, "--version"), StringComparison.Ordinal);

        // A batch: schools generated for the shipped system, scored into one line each.
        var schools = feed.Work.File("schools.ndjson");
        DotnetCommand.RunProgram(feed.Work.Path, PackedFeed.Environment, indicator, "generate", "henan-higher-vocational", "--count", "40", "--seed", "7", "--out", schools);
        var results = feed.Work.File("results.ndjson");
        DotnetCommand.RunProgram(feed.Work.Path, PackedFeed.Environment, indicator, "batch", "henan-higher-vocational", schools, "--out", results, "--quiet");
        var lines = File.ReadAllLines(results);
        Assert.Equal(40, lines.Length);
        Assert.All(lines, line => Assert.Contains("\"rank\":", line, StringComparison.Ordinal));
    }

    [Fact]
    public void APluginBuiltAgainstThePackedContract_LoadsThroughThePluginsOption()
    {
        // The two example plugins' sources, built as one assembly against the packed IndicatorEngine.Abstractions.
        var plugin = feed.Work.File("plugin");
        Directory.CreateDirectory(plugin);
        File.WriteAllText(Path.Combine(plugin, "ExamplePlugins.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="IndicatorEngine.Abstractions" Version="{feed.Version}" ExcludeAssets="runtime" />
                <Compile Include="{Path.Combine(RepoPaths.Root, "plugins", "NetworkCoverage")}/*.cs" />
                <Compile Include="{Path.Combine(RepoPaths.Root, "plugins", "DocumentCurrency")}/*.cs" />
              </ItemGroup>
            </Project>
            """);
        DotnetCommand.Run(plugin, PackedFeed.Environment, "build", "-c", "Release", "-o", Path.Combine(plugin, "out"), "-nodeReuse:false", "-p:UseSharedCompilation=false");
        var folder = feed.Work.File("plugins");
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(plugin, "out", "ExamplePlugins.dll"), Path.Combine(folder, "ExamplePlugins.dll"));
        Assert.False(File.Exists(Path.Combine(plugin, "out", "IndicatorEngine.Abstractions.dll")));

        var example = Path.Combine(RepoPaths.Root, "plugins", "example");
        var card = DotnetCommand.RunProgram(feed.Work.Path, PackedFeed.Environment, InstallTool(),
            "score", Path.Combine(example, "campus-it.json"), Path.Combine(example, "school.json"), "--plugins", folder, "--format", "json");
        Assert.Contains("\"total\": 7.66,", card, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void EveryPackage_CarriesItsMetadata_Readme_Docs_AndSymbols(string package)
    {
        var nupkg = Path.Combine(feed.Feed, $"{package}.{feed.Version}.nupkg");
        var nuspec = System.Text.Encoding.UTF8.GetString(PackedFeed.Entry(nupkg, $"{package}.nuspec"));
        foreach (var element in new[] { "<description>", "<authors>", "<license type=\"expression\">MIT</license>", "<readme>README.md</readme>", "<tags>", "<repository type=\"git\"" })
        {
            Assert.Contains(element, nuspec, StringComparison.Ordinal);
        }

        Assert.True(File.Exists(Path.ChangeExtension(nupkg, ".snupkg")), $"{package}: no symbol package");
        Assert.NotEmpty(PackedFeed.Entry(nupkg, "README.md"));
        if (package != "IndicatorEngine.Cli")
        {
            Assert.NotEmpty(PackedFeed.Entry(nupkg, $"lib/net10.0/{package}.xml"));
        }
    }

    [Fact]
    public void TheShippedSystemsAndSchemas_TravelInsideTheLibraryPackage()
    {
        var dll = PackedFeed.Entry(Path.Combine(feed.Feed, $"IndicatorEngine.{feed.Version}.nupkg"), "lib/net10.0/IndicatorEngine.dll");
        var context = new System.Runtime.Loader.AssemblyLoadContext("packed", isCollectible: true);
        var assembly = context.LoadFromStream(new MemoryStream(dll));
        var resources = assembly.GetManifestResourceNames();
        foreach (var name in new[] { "indicators/henan-higher-vocational.json", "indicators/henan-secondary-vocational.json", "indicators/national-benchmark-monitoring.json", "schema/indicator-system.schema.json", "schema/evidence.schema.json", "schema/result.schema.json" })
        {
            Assert.Contains(name, resources);
        }

        context.Unload();
    }

    [Fact]
    public void PackingTwice_GivesTheSameAssembly_ByteForByte()
    {
        // Built again from nothing, at the same place (a build's output path is in its PDB's name).
        Directory.Delete(feed.Work.File("build"), recursive: true);
        var again = feed.Work.File("again");
        feed.Pack("IndicatorEngine", again, feed.Work.File("build"));
        var entry = "lib/net10.0/IndicatorEngine.dll";
        Assert.Equal(
            PackedFeed.Entry(Path.Combine(feed.Feed, $"IndicatorEngine.{feed.Version}.nupkg"), entry),
            PackedFeed.Entry(Path.Combine(again, $"IndicatorEngine.{feed.Version}.nupkg"), entry));
    }

    public static TheoryData<string> Packages() => new(PackedFeed.Packages);

    /// <summary>The first C# block under "## The library" of README.md, as it stands.</summary>
    private static string LibraryExample()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md")).ReplaceLineEndings("\n");
        var section = readme[readme.IndexOf("\n## The library\n", StringComparison.Ordinal)..];
        return CSharpBlock().Match(section).Groups["code"].Value;
    }

    private string InstallTool()
    {
        var tools = feed.Work.File("tools");
        var indicator = Path.Combine(tools, "indicator");
        lock (feed)
        {
            if (!File.Exists(indicator))
            {
                DotnetCommand.Run(feed.Work.Path, PackedFeed.Environment, "tool", "install", "IndicatorEngine.Cli", "--version", feed.Version,
                    "--tool-path", tools, "--configfile", feed.NuGetConfig);
            }
        }

        return indicator;
    }

    [GeneratedRegex("```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
