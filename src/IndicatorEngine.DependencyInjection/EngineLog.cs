using Microsoft.Extensions.Logging;

namespace IndicatorEngine.DependencyInjection;

/// <summary>The engine's log messages, generated so that a disabled level costs nothing.</summary>
internal static partial class EngineLog
{
    public static void ScorerFailed(ILogger logger, ScorerFailure failure)
    {
        if (failure.WhileCompiling)
        {
            ScorerFailedCompiling(logger, failure.Exception, failure.ScorerName, failure.IndicatorId);
        }
        else
        {
            ScorerFailedScoring(logger, failure.Exception, failure.ScorerName, failure.IndicatorId);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Scorers registered: {Scorers}")]
    public static partial void ScorersRegistered(ILogger logger, string scorers);

    [LoggerMessage(EventId = 2, Message = "Plugin folder: {Problem}")]
    public static partial void PluginProblem(ILogger logger, LogLevel level, string problem);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Scorer '{Scorer}' failed while compiling the rule of '{Indicator}'; the definition does not load")]
    private static partial void ScorerFailedCompiling(ILogger logger, Exception exception, string scorer, string indicator);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Scorer '{Scorer}' failed while scoring '{Indicator}'; that observation point scores 0 with status error")]
    private static partial void ScorerFailedScoring(ILogger logger, Exception exception, string scorer, string indicator);
}
