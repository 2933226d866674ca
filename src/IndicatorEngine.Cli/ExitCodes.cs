namespace IndicatorEngine.Cli;

/// <summary>What the <c>indicator</c> command's exit status means.</summary>
internal static class ExitCodes
{
    /// <summary>The command did its work: definitions are valid, or the subject was scored (passed or not).</summary>
    public const int Success = 0;

    /// <summary>A bug or an environment failure the input does not explain; stderr says "internal error: …".</summary>
    public const int InternalError = 1;

    /// <summary>The input is wrong: a bad command line, a missing or invalid file, an unknown profile; for a batch, any error record.</summary>
    public const int InvalidInput = 2;

    /// <summary><c>indicator test</c>: every case could be run, and some did not get the scorecard it expects.</summary>
    public const int TestsFailed = 3;

    /// <summary>Stopped by Ctrl-C (SIGINT) before the work was done: 128 + 2, as shells report it; nothing half-written is left behind.</summary>
    public const int Cancelled = 130;
}
