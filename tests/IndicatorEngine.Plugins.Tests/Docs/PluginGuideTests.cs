using System.Reflection;
using System.Text.RegularExpressions;
using IndicatorEngine.Cli;

namespace IndicatorEngine.Plugins.Tests.Docs;

/// <summary>
/// Follows docs/plugins.md from an empty folder: packs the contract into a local package folder, writes the
/// guide's project, scorer, definition and evidence, builds the plugin with the dotnet CLI, drops it into a
/// plugin folder and runs the command the guide shows. The guide's files are taken from the guide itself.
/// </summary>
public partial class PluginGuideTests
{
    private static readonly string Guide = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "plugins.md")).ReplaceLineEndings("\n");

    [Fact]
    public void TheGuide_TakesANewcomerFromAnEmptyFolderToAScorecard()
    {
        using var work = new TempFolder();
        var files = GuideFiles();
        foreach (var (path, text) in files)
        {
            work.Write(path, text);
        }

        // `dotnet pack … -o ../packages`, then restore from that folder only (offline, with a package cache
        // of its own so that a stale copy of the same version cannot be picked up), then `dotnet build -c Release`.
        var contract = Path.Combine(RepoPaths.Root, "src", "IndicatorEngine.Abstractions");
        var isolated = new Dictionary<string, string> { ["NUGET_PACKAGES"] = work.File("nuget-cache") };
        DotnetCommand.Run(work.Path, isolated, "pack", contract, "-c", "Release", "-o", work.File("packages"), "--artifacts-path", work.File("contract-build"), "-nodeReuse:false");
        var offline = work.Write("offline.nuget.config", """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration><packageSources><clear /><add key="local" value="packages" /></packageSources></configuration>
            """);
        DotnetCommand.Run(work.File("TrainingRatio"), isolated, "restore", "--configfile", offline, "-nodeReuse:false");
        DotnetCommand.Run(work.File("TrainingRatio"), isolated, "build", "-c", "Release", "--no-restore", "-nodeReuse:false", "-p:UseSharedCompilation=false");

        // `cp bin/Release/net10.0/TrainingRatio.dll ../plugins/`: the contract must not travel with it.
        var output = work.File("TrainingRatio", "bin", "Release", "net10.0");
        Assert.False(File.Exists(Path.Combine(output, "IndicatorEngine.Abstractions.dll")));
        Directory.CreateDirectory(work.File("plugins"));
        File.Copy(Path.Combine(output, "TrainingRatio.dll"), work.File("plugins", "TrainingRatio.dll"));

        var definition = work.File("my-system.json");
        var validate = Run("validate", definition, "--plugins", work.File("plugins"));
        Assert.Equal((0, $"{definition}: ok\n", ""), validate);

        var score = Run("score", definition, work.File("school.json"), "--plugins", work.File("plugins"), "--format", "markdown");
        Assert.True(score.Code == 0, score.Stderr);
        Assert.Contains(OutputShown("score"), score.Stdout);

        var unknown = Run("validate", definition);
        Assert.Equal(2, unknown.Code);
        Assert.Equal(OutputShown("validate-without-plugins").Replace("my-system.json", definition, StringComparison.Ordinal) + "\n", unknown.Stdout);
    }

    [Fact]
    public void TheGuide_NamesTheContractVersionThisRepositoryBuilds()
    {
        var version = typeof(IScorer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];
        Assert.Contains($"dotnet add package IndicatorEngine.Abstractions --version {version}", Guide);
        Assert.Contains($"<PackageReference Include=\"IndicatorEngine.Abstractions\" Version=\"{version}\"", GuideFiles()["TrainingRatio/TrainingRatio.csproj"]);
        Assert.Contains("-o ../packages", Guide);
        Assert.Contains("value=\"packages\"", GuideFiles()["nuget.config"]);
    }

    [Fact]
    public void TheGuidesCodeSnippets_Compile()
    {
        var snippets = SnippetBlock().Matches(Guide).Select(m => m.Groups["body"].Value).ToList();
        Assert.Equal(3, snippets.Count);
        var methods = snippets.Select((body, i) => $"public static void Snippet{i}(IServiceCollection services, IServiceProvider provider)\n{{\n{body}\n}}");
        var source = $$"""
            using System;
            using System.Collections.Generic;
            using IndicatorEngine;
            using Microsoft.Extensions.DependencyInjection;
            using Xunit;

            // What the snippets take for granted: the guide's scorer, and a host's own types.
            public sealed class TrainingRatioScorer : Scorer<object>
            {
                public override string Name => "training-ratio";
                protected override object? Compile(ScorerSetup setup) => null;
                protected override ScoreOutcome Score(EvidenceView evidence, object settings, decimal max) => default;
            }

            public sealed class HubClient { }

            public sealed class HubScorer(HubClient client) : IScorer
            {
                public string Name => "hub";
                public object? Compile(ScorerSetup setup) => client;
                public ScoreOutcome Score(EvidenceView evidence, object? settings, decimal max) => default;
            }

            public sealed class FixedScorer : IScorer
            {
                public string Name => "fixed";
                public object? Compile(ScorerSetup setup) => null;
                public ScoreOutcome Score(EvidenceView evidence, object? settings, decimal max) => default;
            }

            public static class Snippets
            {
            {{string.Join("\n", methods)}}
            }
            """;
        Assert.Empty(Loading.PluginCompiler.Errors(source));
    }

    /// <summary>Every fenced block the guide marks <c>&lt;!-- guide: PATH --&gt;</c>, by path.</summary>
    private static Dictionary<string, string> GuideFiles() =>
        FileBlock().Matches(Guide).ToDictionary(m => m.Groups["path"].Value, m => m.Groups["body"].Value + "\n");

    private static string OutputShown(string name) =>
        OutputBlock().Matches(Guide).Single(m => m.Groups["name"].Value == name).Groups["body"].Value;

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var code = Program.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [GeneratedRegex(@"<!-- guide: (?<path>\S+) -->\n```\w*\n(?<body>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex FileBlock();

    [GeneratedRegex(@"<!-- guide-snippet -->\n```csharp\n(?<body>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex SnippetBlock();

    [GeneratedRegex(@"<!-- guide-output: (?<name>\S+) -->\n```\w*\n(?<body>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex OutputBlock();
}
