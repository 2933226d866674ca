using System.Text;
using IndicatorEngine.Cli.CommandLine;
using IndicatorEngine.Cli.Rendering;

namespace IndicatorEngine.Cli;

/// <summary>
/// The <c>indicator</c> command. <see cref="Run(string[], TextWriter, TextWriter)"/> does all the work against the
/// writers it is given, so that tests (and hosts) can run the command in-process; <see cref="Main"/> only wires it
/// to the console.
/// </summary>
public static class Program
{
    /// <summary>Runs the command on the console: UTF-8 output, buffered, flushed on exit; a styled table on a terminal.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>The exit status: 0 done, 1 internal error, 2 invalid input or command line.</returns>
    public static int Main(string[] args)
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        if (OperatingSystem.IsWindows())
        {
            // The console's own code page (936 on Chinese Windows) would garble UTF-8 output.
            Console.OutputEncoding = utf8;
        }

        var stdout = new StreamWriter(Console.OpenStandardOutput(), utf8, bufferSize: 16 * 1024);
        var stderr = new StreamWriter(Console.OpenStandardError(), utf8) { AutoFlush = true };
        // The first Ctrl-C asks a batch to stop cleanly (no half-written output); a second one ends the process.
        using var interrupt = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = !interrupt.IsCancellationRequested;
            interrupt.Cancel();
        };
        var code = Run(args, stdout, stderr, ConsoleTarget.ForStandardOutput(), ConsoleTarget.ForStandardError(), interrupt.Token);
        Close(stdout);
        Close(stderr);
        return code;
    }

    /// <summary>
    /// Runs the command with the given writers, as for a pipe: plain text without escape codes, tables 120 columns wide
    /// (or as wide as the <c>COLUMNS</c> environment variable says). Every failure of the command becomes an exit status
    /// and a message on <paramref name="stderr"/>; only a failing <paramref name="stderr"/> itself can throw.
    /// </summary>
    /// <param name="args">The command line, without the program name.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where errors, warnings and usage go.</param>
    /// <returns>The exit status: 0 done, 1 internal error, 2 invalid input or command line.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, ConsoleTarget.Plain());

    /// <summary>As <see cref="Run(string[], TextWriter, TextWriter)"/>, for the given kind of standard output.</summary>
    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr, ConsoleTarget target, ConsoleTarget? errorTarget = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(target);
        var verbose = args.Contains("--verbose") || Environment.GetEnvironmentVariable("INDICATOR_DEBUG") == "1";
        try
        {
            var code = new IndicatorCommandLine(target, errorTarget).Run(args, stdout, stderr, cancellationToken);
            stdout.Flush();
            return code;
        }
        catch (Exception e)
        {
            stderr.WriteLine($"internal error: {SafeText.Line(e.Message)}");
            if (verbose)
            {
                stderr.WriteLine(e.ToString());
            }

            return ExitCodes.InternalError;
        }
    }

    /// <summary>
    /// Flushes and closes a console stream. A reader that has gone away (<c>indicator score … | head</c>) leaves
    /// unwritten output behind; there is nowhere left to report that, and the exit status already says it.
    /// </summary>
    private static void Close(StreamWriter writer)
    {
        try
        {
            writer.Dispose();
        }
        catch (IOException)
        {
        }
    }
}
