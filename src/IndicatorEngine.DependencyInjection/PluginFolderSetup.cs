namespace IndicatorEngine.DependencyInjection;

/// <summary>A plugin folder given to <c>AddScorerPlugins</c>, loaded when the scorer registry is built.</summary>
internal sealed record PluginFolderSetup(string Directory);
