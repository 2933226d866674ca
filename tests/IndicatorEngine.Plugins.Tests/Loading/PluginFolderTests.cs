using System.Runtime.Loader;
using MetadataReference = Microsoft.CodeAnalysis.MetadataReference;

namespace IndicatorEngine.Plugins.Tests.Loading;

/// <summary>Loading every plugin of a folder: each in its own load context, every failure named, the rest loaded.</summary>
public class PluginFolderTests
{
    [Fact]
    public void ExamplePlugins_Load_EachInItsOwnContext_SharingTheHostsContract()
    {
        var registry = new ScorerRegistry();
        Assert.Empty(registry.AddPlugins(RepoPaths.ExamplePlugins));
        Assert.Equal(["document-currency", "network-coverage"], registry.Names);

        var coverage = registry.Find("network-coverage")!.GetType();
        var currency = registry.Find("document-currency")!.GetType();
        var contexts = new[] { AssemblyLoadContext.GetLoadContext(coverage.Assembly), AssemblyLoadContext.GetLoadContext(currency.Assembly) };
        Assert.DoesNotContain(AssemblyLoadContext.Default, contexts);
        Assert.NotSame(contexts[0], contexts[1]);
        Assert.Same(typeof(IScorer).Assembly, coverage.GetInterface(nameof(IScorer))!.Assembly);
    }

    [Fact]
    public void SameScorerNameInTwoAssemblies_IsIE402_NamingBoth_AndNeitherIsUsed()
    {
        using var folder = new TempFolder();
        var first = PluginCompiler.Build(folder.Path, "HubA", PluginCompiler.Scorer("HubScorer", "hub"));
        var second = PluginCompiler.Build(folder.Path, "HubB", PluginCompiler.Scorer("OtherHubScorer", "hub"));
        var registry = new ScorerRegistry();

        var d = Assert.Single(registry.AddPlugins(folder.Path));
        Assert.Equal((DiagnosticCodes.DuplicateScorer, DiagnosticSeverity.Error), (d.Code, d.Severity));
        Assert.Contains("'hub'", d.Message);
        Assert.Contains($"HubScorer ({first})", d.Message);
        Assert.Contains($"OtherHubScorer ({second})", d.Message);
        Assert.Null(registry.Find("hub"));

        var load = PluginSystem.Load(registry, """{ "type": "plugin", "scorer": "hub" }""");
        var ambiguous = Assert.Single(load.Diagnostics, x => x.Code == DiagnosticCodes.UnknownRuleType);
        Assert.Contains("more than one plugin", ambiguous.Message);
        Assert.Contains("HubA.dll", ambiguous.Message);
        Assert.Contains("HubB.dll", ambiguous.Message);
    }

    [Fact]
    public void BadImage_IsIE401_NamingTheFile_AndTheOthersStillLoad()
    {
        using var folder = new TempFolder();
        var broken = folder.Write("Broken.dll", "this is not a PE file");
        PluginCompiler.Build(folder.Path, "Good", PluginCompiler.Scorer("GoodScorer", "good"));
        var registry = new ScorerRegistry();

        var d = Assert.Single(registry.AddPlugins(folder.Path));
        Assert.Equal((DiagnosticCodes.PluginLoadFailed, DiagnosticSeverity.Error, broken), (d.Code, d.Severity, d.File));
        Assert.Contains("not a .NET assembly", d.Message);
        Assert.NotNull(registry.Find("good"));
        Assert.Equal(d, Assert.Single(registry.Diagnostics));
    }

    [FifoFact]
    public void FifoNamedLikeAPlugin_IsIE401_WithoutWaitingForAWriter_AndTheOthersStillLoad()
    {
        using var folder = new TempFolder();
        var fifo = folder.File("x.dll");
        using (var mkfifo = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("mkfifo", [fifo]) { UseShellExecute = false })!)
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        PluginCompiler.Build(folder.Path, "Good", PluginCompiler.Scorer("GoodScorer", "good"));
        var registry = new ScorerRegistry();

        var load = Task.Run(() => registry.AddPlugins(folder.Path));
        Assert.True(load.Wait(TimeSpan.FromSeconds(30)), "loading the plugin folder still runs after 30 s: it waits on the FIFO");
        var d = Assert.Single(load.Result);
        Assert.Equal((DiagnosticCodes.PluginLoadFailed, DiagnosticSeverity.Error, fifo), (d.Code, d.Severity, d.File));
        Assert.Contains("it is a FIFO (named pipe), not a regular file, so it is not opened", d.Message);
        Assert.NotNull(registry.Find("good"));
    }

    [Fact]
    public void MissingDependency_IsIE401_NamingTheFileAndTheDependency()
    {
        using var folder = new TempFolder();
        using var elsewhere = new TempFolder();
        var dependency = PluginCompiler.Build(elsewhere.Path, "HubClient", """
            using IndicatorEngine;
            public abstract class HubScorerBase : Scorer<object> { }
            """);
        var plugin = PluginCompiler.Build(folder.Path, "NeedsHub", """
            using IndicatorEngine;
            public sealed class NeedsHubScorer : HubScorerBase
            {
                public override string Name => "needs-hub";
                protected override object? Compile(ScorerSetup setup) => new object();
                protected override ScoreOutcome Score(EvidenceView evidence, object settings, decimal max) => default;
            }
            """, PluginCompiler.Contract, MetadataReference.CreateFromFile(dependency));
        PluginCompiler.Build(folder.Path, "Good", PluginCompiler.Scorer("GoodScorer", "good"));
        var registry = new ScorerRegistry();

        var d = Assert.Single(registry.AddPlugins(folder.Path));
        Assert.Equal((DiagnosticCodes.PluginLoadFailed, plugin), (d.Code, d.File));
        Assert.Contains("HubClient", d.Message);
        Assert.Contains("dependency is missing", d.Message);
        Assert.NotNull(registry.Find("good"));
    }

    [Fact]
    public void PluginInASubfolder_FindsItsDependenciesBesideIt()
    {
        using var folder = new TempFolder();
        var dependency = PluginCompiler.Build(folder.File("WithHub"), "HubClient", """
            public static class HubClient { public static decimal Fraction => 0.5m; }
            """);
        PluginCompiler.Build(folder.File("WithHub"), "WithHub", PluginCompiler.Scorer("WithHubScorer", "with-hub").Replace("new(max,", "new(max * HubClient.Fraction,", StringComparison.Ordinal),
            PluginCompiler.Contract, MetadataReference.CreateFromFile(dependency));
        var registry = new ScorerRegistry();

        Assert.Empty(registry.AddPlugins(folder.Path));
        Assert.Equal(["with-hub"], registry.Names);
        var card = PluginSystem.Loaded(registry, """{ "type": "plugin", "scorer": "with-hub" }""").Score(PluginSystem.Evidence());
        Assert.Equal(2m, card.Find("plug")!.Score);
    }

    [Fact]
    public void BuiltAgainstANewerContract_IsIE401_NamingBothVersions()
    {
        using var folder = new TempFolder();
        using var elsewhere = new TempFolder();
        var newer = PluginCompiler.Build(elsewhere.Path, "IndicatorEngine.Abstractions", """
            [assembly: System.Reflection.AssemblyVersion("9.0.0.0")]
            namespace IndicatorEngine
            {
                public interface IScorer { string Name { get; } }
            }
            """, []);
        var plugin = PluginCompiler.Build(folder.Path, "FromTheFuture", """
            public sealed class FutureScorer : IndicatorEngine.IScorer { public string Name => "future"; }
            """, MetadataReference.CreateFromFile(newer));
        var registry = new ScorerRegistry();

        var d = Assert.Single(registry.AddPlugins(folder.Path));
        Assert.Equal((DiagnosticCodes.PluginLoadFailed, plugin), (d.Code, d.File));
        Assert.Contains("built against IndicatorEngine.Abstractions 9.0.0.0", d.Message);
        Assert.Contains($"this host has {typeof(IScorer).Assembly.GetName().Version}", d.Message);
    }

    [Fact]
    public void AssemblyWithoutScorers_IsAWarning_IE403()
    {
        using var folder = new TempFolder();
        PluginCompiler.Build(folder.Path, "Helpers", "public static class Helpers { }");
        PluginCompiler.Build(folder.Path, "Hidden", PluginCompiler.Scorer("HiddenScorer", "hidden").Replace("public sealed class", "internal sealed class", StringComparison.Ordinal));
        var registry = new ScorerRegistry();

        var found = registry.AddPlugins(folder.Path);
        Assert.All(found, d => Assert.Equal((DiagnosticCodes.PluginWithoutScorers, DiagnosticSeverity.Warning), (d.Code, d.Severity)));
        Assert.Contains("does not reference IndicatorEngine.Abstractions", Assert.Single(found, d => d.File!.EndsWith("Helpers.dll", StringComparison.Ordinal)).Message);
        Assert.Contains("no public, non-abstract class", Assert.Single(found, d => d.File!.EndsWith("Hidden.dll", StringComparison.Ordinal)).Message);
    }

    [Fact]
    public void ScorerThatCannotBeCreated_IsIE401_NamingTheTypeAndTheReason()
    {
        using var folder = new TempFolder();
        PluginCompiler.Build(folder.Path, "Moody", PluginCompiler.Scorer("MoodyScorer", "moody", "public MoodyScorer() => throw new System.InvalidOperationException(\"no licence file\");"));
        PluginCompiler.Build(folder.Path, "Needy", PluginCompiler.Scorer("NeedyScorer", "needy", "public NeedyScorer(System.Net.Http.HttpClient client) { }"));
        var registry = new ScorerRegistry();

        var found = registry.AddPlugins(folder.Path);
        Assert.Equal(2, found.Count);
        Assert.Contains("scorer MoodyScorer cannot be created: InvalidOperationException: no licence file", found[0].Message);
        Assert.Contains("scorer NeedyScorer cannot be created: it has no public parameterless constructor", found[1].Message);
        Assert.Empty(registry.Names);
    }

    [Fact]
    public void MissingFolder_IsIE001()
    {
        var d = Assert.Single(new ScorerRegistry().AddPlugins("/no/such/plugin/folder"));
        Assert.Equal((DiagnosticCodes.FileNotFound, "/no/such/plugin/folder"), (d.Code, d.File));
    }

    [Fact]
    public void CopiesOfTheHostsAssemblies_InThePluginFolder_AreNotLoadedAsPlugins()
    {
        using var folder = new TempFolder();
        File.Copy(typeof(IScorer).Assembly.Location, folder.File("IndicatorEngine.Abstractions.dll"));
        File.Copy(typeof(ScorerRegistry).Assembly.Location, folder.File("IndicatorEngine.dll"));
        PluginCompiler.Build(folder.Path, "Good", PluginCompiler.Scorer("GoodScorer", "good"));
        var registry = new ScorerRegistry();

        Assert.Empty(registry.AddPlugins(folder.Path));
        Assert.Equal(["good"], registry.Names);
    }
}
