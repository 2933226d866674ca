using IndicatorEngine.Cli.Rendering;

namespace IndicatorEngine.Cli.Tests;

/// <summary>What one in-process run of the command printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public string[] StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A .NET stack trace has lines "   at Namespace.Type.Method(…)".</summary>
    public bool HasStackTrace => Stderr.Contains("   at ", StringComparison.Ordinal) || Stdout.Contains("   at ", StringComparison.Ordinal);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>Runs <c>indicator</c> in-process through <see cref="Program.Run"/>.</summary>
internal static class Cli
{
    /// <summary>Runs the command in-process on another thread; fails if it has not finished within a generous 30 seconds (a hang on a FIFO would never finish).</summary>
    public static CliResult RunWithin30Seconds(params string[] args) => SpecialFiles.Within30Seconds(() => Run(args));

    /// <summary>Redirected output, as in a pipe: plain text, 120 columns whatever COLUMNS says where the tests run.</summary>
    public static readonly ConsoleTarget Redirected = new(Ansi: false, Colour: false, Width: 120);

    public static CliResult Run(params string[] args) => RunFor(Redirected, args);

    /// <summary>Runs with standard output taken for the given target (a terminal with or without colour, another width).</summary>
    public static CliResult RunFor(ConsoleTarget target, params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var code = Program.Run(args, stdout, stderr, target);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A temporary folder, deleted when disposed.</summary>
    public static TempFolder TempFolder() => new();
}
