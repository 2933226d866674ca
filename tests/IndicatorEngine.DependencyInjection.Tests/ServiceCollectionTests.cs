using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IndicatorEngine.DependencyInjection.Tests;

/// <summary>The DI adapter: scorers resolved from the container once, logging used when the container has it.</summary>
public class ServiceCollectionTests
{
    private const string HubRule = """{ "type": "plugin", "scorer": "hub-lookup", "options": { "reads": ["coverage"] } }""";

    [Fact]
    public void AddScorer_ResolvesTheScorersConstructorDependencies_FromTheContainer()
    {
        using var provider = new ServiceCollection()
            .AddSingleton(new SchoolHub(3.5m))
            .AddIndicatorEngine()
            .AddScorer<HubLookupScorer>()
            .BuildServiceProvider();

        var options = provider.GetRequiredService<LoadOptions>();
        Assert.Same(provider.GetRequiredService<ScorerRegistry>(), options.Scorers);
        var card = Load(options, HubRule).Score(PluginSystem.Evidence(coverage: 80));
        Assert.Equal(3.5m, card.Find("plug")!.Score);
        Assert.Equal("hub says 3.5", card.Find("plug")!.Explanation);
    }

    [Fact]
    public void AddScorer_ByInstance_AndByFactory_AndTheSameTypeTwiceOnce()
    {
        var instance = new ScriptedScorer("instance");
        using var provider = new ServiceCollection()
            .AddSingleton(new SchoolHub(1m))
            .AddScorer(instance)
            .AddScorer(_ => new ScriptedScorer("factory"))
            .AddScorer<HubLookupScorer>()
            .AddScorer<HubLookupScorer>()
            .BuildServiceProvider();

        var registry = provider.GetRequiredService<LoadOptions>().Scorers!;
        Assert.Equal(["factory", "hub-lookup", "instance"], registry.Names);
        Assert.Same(instance, registry.Find("instance"));
    }

    [Fact]
    public void TwoScorersWithOneName_FailWhenTheEngineIsResolved_NamingBoth()
    {
        using var provider = new ServiceCollection()
            .AddScorer(new ScriptedScorer("dup"))
            .AddScorer(_ => new AtLeastScorerNamed("dup"))
            .BuildServiceProvider();

        var e = Assert.Throws<ArgumentException>(() => provider.GetRequiredService<LoadOptions>());
        Assert.Contains("two scorers are named 'dup'", e.Message);
        Assert.Contains(nameof(ScriptedScorer), e.Message);
        Assert.Contains(nameof(AtLeastScorerNamed), e.Message);
    }

    [Fact]
    public void AddIndicatorEngine_AppliesEveryConfigureCallback()
    {
        using var provider = new ServiceCollection()
            .AddIndicatorEngine(o => o.MaxFileBytes = 1024)
            .AddIndicatorEngine(o => o.MaxFileBytes *= 2)
            .BuildServiceProvider();

        Assert.Equal(2048, provider.GetRequiredService<LoadOptions>().MaxFileBytes);
    }

    [Fact]
    public void WithLogging_AFailingScorerIsLoggedWithItsException_AndRegistrationIsLogged()
    {
        var logs = new RecordingLoggerFactory();
        using var provider = new ServiceCollection()
            .AddSingleton<ILoggerFactory>(logs)
            .AddScorer(new ScriptedScorer("fragile") { OnScore = (_, _, _) => throw new InvalidOperationException("hub offline") })
            .BuildServiceProvider();

        var card = Load(provider.GetRequiredService<LoadOptions>(), """{ "type": "plugin", "scorer": "fragile" }""").Score(PluginSystem.Evidence());
        Assert.Equal(ScoreStatus.Error, card.Find("plug")!.Status);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Information && e.Message == "Scorers registered: fragile");
        var failure = Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Equal("Scorer 'fragile' failed while scoring 'plug'; that observation point scores 0 with status error", failure.Message);
        Assert.Equal("hub offline", failure.Exception!.Message);
        Assert.Equal(typeof(ScorerRegistry).FullName, failure.Category);
    }

    [Fact]
    public void WithoutLogging_EverythingWorksTheSame()
    {
        using var provider = new ServiceCollection()
            .AddScorer(new ScriptedScorer("fragile") { OnScore = (_, _, _) => throw new InvalidOperationException("hub offline") })
            .BuildServiceProvider();

        var registry = provider.GetRequiredService<ScorerRegistry>();
        Assert.Null(registry.OnFailure);
        var card = Load(provider.GetRequiredService<LoadOptions>(), """{ "type": "plugin", "scorer": "fragile" }""").Score(PluginSystem.Evidence());
        Assert.Equal(ScoreStatus.Error, card.Find("plug")!.Status);
    }

    [Fact]
    public void AddScorerPlugins_CreatesFolderScorersThroughTheContainer_AndLogsFolderProblems()
    {
        using var folder = new TempFolder();
        foreach (var dll in Directory.GetFiles(RepoPaths.ExamplePlugins, "*.dll"))
        {
            File.Copy(dll, folder.File(Path.GetFileName(dll)));
        }

        folder.Write("Broken.dll", "not a PE file");
        var logs = new RecordingLoggerFactory();
        using var provider = new ServiceCollection()
            .AddSingleton<ILoggerFactory>(logs)
            .AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero)))
            .AddScorerPlugins(folder.Path)
            .BuildServiceProvider();

        var registry = provider.GetRequiredService<ScorerRegistry>();
        Assert.Equal(["document-currency", "network-coverage"], registry.Names);
        Assert.Contains("Broken.dll", Assert.Single(registry.Diagnostics).File);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("Broken.dll", StringComparison.Ordinal));

        // The plugin's own clock is the container's: no asOf in the rule, so "today" is 2030-01-01.
        var rule = """
            { "type": "plugin", "scorer": "document-currency",
              "options": { "document": "plan", "issuedOn": "issuedOn", "withinYears": 3 } }
            """;
        var evidence = PluginSystem.Evidence(documents: [new EvidenceDocument("plan.pdf", "plan", null)], more: ("issuedOn", "2028-06-30"));
        var card = Load(provider.GetRequiredService<LoadOptions>(), rule).Score(evidence);
        Assert.Equal("security plan issued 2028-06-30, within 3 years before 2030-01-01 → 4 of 4", card.Find("plug")!.Explanation);
    }

    [Fact]
    public void TheCorePackages_DependOnNeitherDependencyInjectionNorLogging()
    {
        foreach (var assembly in new[] { typeof(IScorer).Assembly, typeof(ScorerRegistry).Assembly })
        {
            Assert.DoesNotContain(assembly.GetReferencedAssemblies(), r => r.Name!.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal));
        }
    }

    private static IndicatorSystem Load(LoadOptions options, string rule)
    {
        var result = IndicatorSystem.Parse(PluginSystem.Json(rule).ToJsonString(), "plugged.json", options);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.Value!;
    }

    /// <summary>A school data hub client, the kind of dependency a scorer takes in its constructor.</summary>
    public sealed record SchoolHub(decimal Answer);

    public sealed class HubLookupScorer(SchoolHub hub) : IScorer
    {
        public string Name => "hub-lookup";

        public object? Compile(ScorerSetup setup) => setup.Read("coverage", "", ExpectedEvidence.Number);

        public ScoreOutcome Score(EvidenceView evidence, object? settings, decimal max) =>
            new(hub.Answer, ScoreStatus.Partial, $"hub says {hub.Answer}");
    }

    public sealed class AtLeastScorerNamed(string name) : IScorer
    {
        public string Name => name;

        public object? Compile(ScorerSetup setup) => null;

        public ScoreOutcome Score(EvidenceView evidence, object? settings, decimal max) => default;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
