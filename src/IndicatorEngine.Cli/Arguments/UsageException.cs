namespace IndicatorEngine.Cli.Arguments;

/// <summary>The command line is wrong: an unknown command or option, a missing or bad value. Exit code 2.</summary>
internal sealed class UsageException(string message, string usage) : Exception(message)
{
    /// <summary>The usage text of the command that was being parsed, printed after the message.</summary>
    public string Usage { get; } = usage;
}
