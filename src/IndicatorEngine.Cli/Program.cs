using System.Reflection;
using System.Text;
using IndicatorEngine.Cli.Arguments;
using IndicatorEngine.Cli.Commands;

namespace IndicatorEngine.Cli;

/// <summary>
/// The <c>indicator</c> command. <see cref="Run"/> does all the work against the writers it is given, so that
/// tests (and hosts) can run the command in-process; <see cref="Main"/> only wires it to the console.
/// </summary>
public static class Program
{
    private static readonly OptionSpec[] GlobalOptions =
    [
        new("help", 'h'),
        new("version"),
        new("verbose"),
    ];

    /// <summary>Runs the command on the console: UTF-8 output, buffered, flushed on exit.</summary>
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
        var code = Run(args, stdout, stderr);
        Close(stdout);
        Close(stderr);
        return code;
    }

    /// <summary>Runs the command with the given writers. Every failure of the command becomes an exit status and a message on <paramref name="stderr"/>; only a failing <paramref name="stderr"/> itself can throw.</summary>
    /// <param name="args">The command line, without the program name.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where errors, warnings and usage go.</param>
    /// <returns>The exit status: 0 done, 1 internal error, 2 invalid input or command line.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var verbose = args.Contains("--verbose") || Environment.GetEnvironmentVariable("INDICATOR_DEBUG") == "1";
        try
        {
            var code = Dispatch(args, stdout, stderr);
            stdout.Flush();
            return code;
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"indicator: {e.Message}");
            stderr.WriteLine();
            stderr.WriteLine(e.Usage);
            return ExitCodes.InvalidInput;
        }
        catch (Exception e)
        {
            stderr.WriteLine($"internal error: {e.Message}");
            if (verbose)
            {
                stderr.WriteLine(e.ToString());
            }

            return ExitCodes.InternalError;
        }
    }

    private static int Dispatch(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length > 0 && !args[0].StartsWith('-'))
        {
            var rest = args[1..];
            return args[0] switch
            {
                "validate" => ValidateCommand.Run(rest, stdout, stderr),
                "score" => ScoreCommand.Run(rest, stdout, stderr),
                "help" => Help(rest, stdout),
                _ => throw new UsageException($"unknown command '{args[0]}'; the commands are validate and score", Usage.Main),
            };
        }

        var parsed = ArgumentParser.Parse(args, GlobalOptions, Usage.Main);
        if (parsed.Has("version"))
        {
            stdout.WriteLine($"indicator {Version}");
            return ExitCodes.Success;
        }

        if (parsed.Has("help"))
        {
            stdout.WriteLine(Usage.Main);
            return ExitCodes.Success;
        }

        throw new UsageException(parsed.Operands.Count > 0 ? $"unknown command '{parsed.Operands[0]}'" : "no command given", Usage.Main);
    }

    /// <summary><c>indicator help [COMMAND]</c>, the spelling git and dotnet also accept.</summary>
    private static int Help(string[] args, TextWriter stdout)
    {
        var text = args.FirstOrDefault() switch
        {
            null => Usage.Main,
            "validate" => Usage.Validate,
            "score" => ScoreCommand.UsageText,
            var other => throw new UsageException($"unknown command '{other}'; the commands are validate and score", Usage.Main),
        };
        stdout.WriteLine(text);
        return ExitCodes.Success;
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

    private static string Version
    {
        get
        {
            var version = typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            var metadata = version.IndexOf('+', StringComparison.Ordinal);
            return metadata < 0 ? version : version[..metadata];
        }
    }
}
