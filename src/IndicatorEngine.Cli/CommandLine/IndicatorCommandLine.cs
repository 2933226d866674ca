using System.CommandLine;
using System.Reflection;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using IndicatorEngine.Cli.Commands;
using IndicatorEngine.Cli.Rendering;

namespace IndicatorEngine.Cli.CommandLine;

/// <summary>
/// The <c>indicator</c> command line on System.CommandLine: the commands and their options, System.CommandLine's
/// help followed by each command's notes (formats, shipped systems, exit status), <c>--version</c>,
/// <c>help [COMMAND]</c>, completion through the <c>[suggest]</c> directive, and parse errors reported the way
/// the rest of the tool reports problems: on stderr, one <c>indicator: …</c> line each, with a suggestion for a
/// typo, then the usage line, exit status 2 (System.CommandLine's own error output goes partly to stdout and
/// exits 1).
/// </summary>
internal sealed class IndicatorCommandLine
{
    public const string Description = "indicator: score school evidence against indicator systems (指标体系)";

    private readonly RootCommand _root;
    private readonly Command _score;
    private readonly Command _report;
    private readonly Command _sheet;
    private readonly Command _explain;
    private readonly Command _gap;
    private readonly Command _validate;
    private readonly Command _batch;
    private readonly Command _generate;
    private readonly Command _merge;
    private readonly Command _compare;
    private readonly Command _diff;
    private readonly Command _test;
    private readonly Command _schema;
    private readonly Command _completion;
    private readonly Command _helpCommand;

    public IndicatorCommandLine(ConsoleTarget target, ConsoleTarget? errorTarget = null)
    {
        _score = new ScoreCommand(target).Command;
        _report = new ReportCommand().Command;
        _sheet = new SheetCommand().Command;
        _explain = new ExplainCommand().Command;
        _gap = new GapCommand().Command;
        _validate = new ValidateCommand().Command;
        _batch = new BatchCommand(target, errorTarget ?? ConsoleTarget.Plain()).Command;
        _generate = new GenerateCommand().Command;
        _merge = new MergeCommand(target).Command;
        _compare = new CompareCommand(target).Command;
        _diff = new DiffCommand(target).Command;
        _test = new TestCommand().Command;
        _schema = new SchemaCommand().Command;
        _completion = CompletionScript.Command();

        var helpTopic = new Argument<string?>("COMMAND") { Arity = ArgumentArity.ZeroOrOne };
        _helpCommand = new Command("help", "Show help; with a command's name, that command's help.") { helpTopic };
        _helpCommand.Hidden = true;
        _helpCommand.SetAction(parse => ShowHelp(parse, parse.GetValue(helpTopic)));

        var verbose = new Option<bool>("--verbose")
        {
            Description = "Show the stack trace of an internal error (or set INDICATOR_DEBUG=1).",
            Recursive = true,
        };
        // Help shows this name, not the process name ("testhost" in tests, "dotnet" through the dll).
        _root = new RootCommand(Description) { _validate, _score, _report, _sheet, _explain, _gap, _batch, _generate, _merge, _compare, _diff, _test, _schema, _completion, _helpCommand, verbose };
        _root.HelpName = "indicator";
        _root.SetAction(parse =>
        {
            ReportErrors(_root, ["no command given"], parse.InvocationConfiguration.Error);
            return ExitCodes.InvalidInput;
        });

        foreach (var option in _root.Options)
        {
            switch (option)
            {
                case HelpOption { Action: HelpAction helpAction } helpOption:
                    helpAction.MaxWidth = Math.Clamp(target.Width, 60, 100);
                    helpOption.Action = new HelpWithNotes(helpAction, this);
                    break;
                case VersionOption versionOption:
                    versionOption.Action = new VersionAction();
                    break;
            }
        }
    }

    /// <summary>
    /// Parses and runs <paramref name="args"/>; an exception from a command is left to the caller. The token
    /// (Ctrl-C) stops a command that can stop cleanly, <c>batch</c>.
    /// </summary>
    public int Run(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        // A file name that starts with @ is a file name, not a response file.
        var parse = _root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Action is ParseErrorAction)
        {
            ReportErrors(parse.CommandResult.Command, Messages(parse), stderr);
            return ExitCodes.InvalidInput;
        }

        if (parse.Action == parse.CommandResult.Command.Action && StrayOptions(parse) is { Count: > 0 } stray)
        {
            ReportErrors(parse.CommandResult.Command, stray, stderr);
            return ExitCodes.InvalidInput;
        }

        // Ctrl-C arrives as the caller's token (Program.Main handles the signal), not through System.CommandLine.
        return parse.InvokeAsync(
            new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            },
            cancellationToken).GetAwaiter().GetResult();
    }

    public static string Version
    {
        get
        {
            var version = typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            var metadata = version.IndexOf('+', StringComparison.Ordinal);
            return metadata < 0 ? version : version[..metadata];
        }
    }

    /// <summary>One message per problem: unknown commands and options with a suggestion, then the parser's other errors.</summary>
    private List<string> Messages(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var messages = StrayOptions(parse);
        var unmatched = parse.UnmatchedTokens;
        foreach (var token in unmatched)
        {
            var shown = SafeText.Line(token);
            if (token.Length > 1 && token[0] == '-')
            {
                messages.Add($"unknown option '{shown}'{Suggestions.DidYouMean(token, OptionNames(command))}");
            }
            else if (command == _root)
            {
                // The first stray word at the top is the command; what follows it belongs to that command.
                messages.Add(UnknownCommand(token));
                break;
            }
            else
            {
                messages.Add($"unexpected argument '{shown}': {command.Name} takes {Operands(command)}");
            }
        }

        foreach (var error in parse.Errors)
        {
            if (!unmatched.Any(t => error.Message.Contains($"'{t}'", StringComparison.Ordinal)))
            {
                messages.Add(LowerFirst(error.Message.TrimEnd('.')));
            }
        }

        return messages.Count > 0 ? messages : ["invalid command line"];
    }

    /// <summary>
    /// An operand that looks like an option (<c>validate --frob x.json</c>) is a mistyped option, not a file: a file
    /// whose name starts with a dash goes after <c>--</c>. (System.CommandLine gives such tokens to an argument that
    /// takes any number of values.) A lone <c>-</c> is an operand.
    /// </summary>
    private static List<string> StrayOptions(ParseResult parse)
    {
        var doubleDash = -1;
        for (var i = 0; i < parse.Tokens.Count; i++)
        {
            if (parse.Tokens[i].Type == TokenType.DoubleDash)
            {
                doubleDash = i;
                break;
            }
        }

        var command = parse.CommandResult.Command;
        var messages = new List<string>();
        foreach (var argument in parse.CommandResult.Children.OfType<ArgumentResult>())
        {
            foreach (var token in argument.Tokens)
            {
                var index = -1;
                for (var i = 0; i < parse.Tokens.Count; i++)
                {
                    if (ReferenceEquals(parse.Tokens[i], token))
                    {
                        index = i;
                        break;
                    }
                }

                if (token.Value.Length > 1 && token.Value[0] == '-' && (doubleDash < 0 || index < doubleDash))
                {
                    messages.Add($"unknown option '{SafeText.Line(token.Value)}'{Suggestions.DidYouMean(token.Value, OptionNames(command))}");
                }
            }
        }

        return messages;
    }

    private void ReportErrors(Command command, IEnumerable<string> messages, TextWriter stderr)
    {
        foreach (var message in messages.Distinct(StringComparer.Ordinal))
        {
            stderr.WriteLine($"indicator: {SafeText.Line(message)}");
        }

        stderr.WriteLine();
        stderr.WriteLine(Usage(command));
        stderr.WriteLine();
        stderr.WriteLine(command == _root ? "Run 'indicator --help' for more." : $"Run 'indicator {command.Name} --help' for more.");
    }

    /// <summary><c>indicator help [COMMAND]</c>, the spelling git and dotnet also accept: the same as <c>[COMMAND] --help</c>.</summary>
    private int ShowHelp(ParseResult parse, string? topic)
    {
        var configuration = parse.InvocationConfiguration;
        if (topic is not null && !_root.Subcommands.Any(c => !c.Hidden && c.Name == topic))
        {
            ReportErrors(_root, [UnknownCommand(topic)], configuration.Error);
            return ExitCodes.InvalidInput;
        }

        string[] args = topic is null ? ["--help"] : [topic, "--help"];
        return _root.Parse(args).Invoke(configuration);
    }

    /// <summary>What the help page adds after System.CommandLine's description, usage, arguments, options and commands.</summary>
    private string Notes(Command command) =>
        command == _root ? HelpText.Root
        : command == _score ? HelpText.ScoreNotes
        : command == _report ? HelpText.ReportNotes
        : command == _sheet ? HelpText.SheetNotes
        : command == _explain ? HelpText.ExplainNotes
        : command == _gap ? HelpText.GapNotes
        : command == _validate ? HelpText.ValidateNotes
        : command == _batch ? HelpText.BatchNotes
        : command == _generate ? HelpText.GenerateNotes
        : command == _merge ? HelpText.MergeNotes
        : command == _compare ? HelpText.CompareNotes
        : command == _diff ? HelpText.DiffNotes
        : command == _test ? HelpText.TestNotes
        : command == _schema ? HelpText.SchemaNotes
        : command == _completion ? CompletionScript.About
        : "";

    /// <summary>The usage line System.CommandLine's help shows, for error messages: <c>Usage: indicator score &lt;DEFINITION&gt; &lt;EVIDENCE&gt; [options]</c>.</summary>
    private string Usage(Command command)
    {
        if (command == _root)
        {
            return "Usage: indicator [command] [options]";
        }

        var arguments = command.Arguments.Select(a => a.Arity.MaximumNumberOfValues > 1 ? $"<{a.Name}>..." : $"<{a.Name}>");
        return $"Usage: indicator {command.Name} {string.Join(" ", arguments)} [options]";
    }

    private string UnknownCommand(string token)
    {
        var names = _root.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToList();
        var suggestion = Suggestions.DidYouMean(token, names);
        return $"unknown command '{SafeText.Line(token)}'" + (suggestion.Length > 0 ? suggestion : $"; the commands are {string.Join(", ", names)}");
    }

    private static IEnumerable<string> OptionNames(Command command) =>
        command.Options.Concat(command.Parents.OfType<Command>().SelectMany(p => p.Options.Where(o => o.Recursive)))
            .Where(o => !o.Hidden)
            .SelectMany(o => o.Aliases.Prepend(o.Name));

    private static string Operands(Command command) =>
        command.Arguments.Count == 0
            ? "no operands"
            : string.Join(" ", command.Arguments.Select(a => a.Arity.MaximumNumberOfValues > 1 ? a.Name + "..." : a.Name));

    private static string LowerFirst(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && char.IsLower(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;

    /// <summary><c>--version</c>: "indicator 0.1.0", without the commit the informational version may carry.</summary>
    private sealed class VersionAction : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine($"indicator {Version}");
            return ExitCodes.Success;
        }
    }

    /// <summary>System.CommandLine's own help page, then the command's notes (shipped systems, output, exit status).</summary>
    private sealed class HelpWithNotes(HelpAction help, IndicatorCommandLine commandLine) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            var code = help.Invoke(parseResult);
            var notes = commandLine.Notes(parseResult.CommandResult.Command);
            if (notes.Length > 0)
            {
                var output = parseResult.InvocationConfiguration.Output;
                output.WriteLine(notes.TrimEnd('\n'));
                output.WriteLine();
            }

            return code;
        }
    }
}
