using IndicatorEngine;
using IndicatorEngine.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers IndicatorEngine with a service collection: <see cref="LoadOptions"/> (pass it to
/// <see cref="IndicatorSystem.Load(string, LoadOptions?)"/>) whose <see cref="LoadOptions.Scorers"/> holds every
/// scorer added here, resolved from the container once, when the options are first resolved.
/// </summary>
/// <remarks>
/// Scorers are singletons: one instance serves every definition and thread (see <see cref="IScorer"/>), so
/// they may depend on singletons only. When the container has logging (an <see cref="ILoggerFactory"/>), the
/// engine logs the scorers it registered, plugin-folder problems, and the exception of every scorer that
/// throws; without logging it works the same, silently (plugin-folder problems stay in
/// <see cref="ScorerRegistry.Diagnostics"/>).
/// </remarks>
public static class IndicatorEngineServiceCollectionExtensions
{
    /// <summary>Adds the engine's <see cref="LoadOptions"/> and <see cref="ScorerRegistry"/> as singletons.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets load options (limits); called once, when the options are first resolved. Null to keep the defaults.</param>
    /// <returns>The service collection, to chain calls.</returns>
    public static IServiceCollection AddIndicatorEngine(this IServiceCollection services, Action<LoadOptions>? configure = null)
    {
        AddCore(services);
        if (configure is not null)
        {
            services.AddSingleton(new LoadOptionsSetup(configure));
        }

        return services;
    }

    /// <summary>Adds a scorer type; the container creates its one instance, resolving its constructor's parameters.</summary>
    /// <typeparam name="TScorer">The scorer. Adding the same type twice adds it once.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <returns>The service collection, to chain calls.</returns>
    public static IServiceCollection AddScorer<TScorer>(this IServiceCollection services)
        where TScorer : class, IScorer
    {
        AddCore(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IScorer, TScorer>());
        return services;
    }

    /// <summary>Adds a scorer instance.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="scorer">The scorer; it serves every definition and thread.</param>
    /// <returns>The service collection, to chain calls.</returns>
    public static IServiceCollection AddScorer(this IServiceCollection services, IScorer scorer)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        AddCore(services);
        services.AddSingleton(scorer);
        return services;
    }

    /// <summary>Adds a scorer made by a factory, called once with the container.</summary>
    /// <typeparam name="TScorer">The scorer.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="factory">Creates the scorer.</param>
    /// <returns>The service collection, to chain calls.</returns>
    public static IServiceCollection AddScorer<TScorer>(this IServiceCollection services, Func<IServiceProvider, TScorer> factory)
        where TScorer : class, IScorer
    {
        ArgumentNullException.ThrowIfNull(factory);
        AddCore(services);
        services.AddSingleton<IScorer>(provider => factory(provider));
        return services;
    }

    /// <summary>
    /// Adds the scorers of every plugin assembly in a folder (see <see cref="ScorerRegistry.AddPlugins"/>). Their
    /// constructors' parameters are resolved from the container. A plugin that fails to load is logged and
    /// listed in <see cref="ScorerRegistry.Diagnostics"/>; the others are loaded.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="directory">The plugin folder, loaded when the options are first resolved.</param>
    /// <returns>The service collection, to chain calls.</returns>
    public static IServiceCollection AddScorerPlugins(this IServiceCollection services, string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        AddCore(services);
        services.AddSingleton(new PluginFolderSetup(directory));
        return services;
    }

    private static void AddCore(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(CreateRegistry);
        services.TryAddSingleton(provider =>
        {
            var options = new LoadOptions { Scorers = provider.GetRequiredService<ScorerRegistry>() };
            foreach (var setup in provider.GetServices<LoadOptionsSetup>())
            {
                setup.Configure(options);
            }

            return options;
        });
    }

    private static ScorerRegistry CreateRegistry(IServiceProvider provider)
    {
        var logger = provider.GetService<ILoggerFactory>()?.CreateLogger<ScorerRegistry>();
        var registry = new ScorerRegistry { OnFailure = logger is null ? null : failure => EngineLog.ScorerFailed(logger, failure) };
        foreach (var scorer in provider.GetServices<IScorer>())
        {
            registry.Add(scorer);
        }

        foreach (var folder in provider.GetServices<PluginFolderSetup>())
        {
            var diagnostics = registry.AddPlugins(folder.Directory, type => (IScorer)ActivatorUtilities.CreateInstance(provider, type));
            if (logger is not null)
            {
                foreach (var diagnostic in diagnostics)
                {
                    EngineLog.PluginProblem(logger, diagnostic.IsError ? LogLevel.Error : LogLevel.Warning, diagnostic.ToString());
                }
            }
        }

        if (logger is not null)
        {
            EngineLog.ScorersRegistered(logger, string.Join(", ", registry.Names));
        }

        return registry;
    }
}
