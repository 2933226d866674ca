
namespace IndicatorEngine.DependencyInjection;

/// <summary>One <c>configure</c> callback given to <c>AddIndicatorEngine</c>, kept in the container until the options are built.</summary>
internal sealed record LoadOptionsSetup(Action<LoadOptions> Configure);
