using System.CommandLine;
using IndicatorEngine.Cli.Comparing;
using IndicatorEngine.Cli.Rendering;

namespace IndicatorEngine.Cli.Commands;

/// <summary>
/// <c>indicator diff OLD NEW</c>: what changed between two versions of a definition, in words; with
/// <c>--replay-evidence INPUT</c>, every subject of a batch input scored under both and compared.
/// </summary>
internal sealed class DiffCommand
{
    public const string Summary = "Say what changed between two versions of a definition (indicators, rules, thresholds, vetoes, grades, profiles); with --replay-evidence, what it does to every school.";

    private readonly Argument<string> _old = CommonOptions.Definition(name: "OLD");
    private readonly Argument<string> _new = CommonOptions.Definition(name: "NEW");

    private readonly Option<string?> _replay = new("--replay")
    {
        Description = "Batch results to replay. Results carry scores, not evidence, so this explains why and asks for --replay-evidence.",
        HelpName = "RESULTS",
    };

    private readonly Option<string?> _replayEvidence = new("--replay-evidence")
    {
        Description = "Score every school of this batch input (NDJSON or CSV of evidence, as 'indicator batch' reads it) under both versions, and compare: totals, verdicts, grades and ranks, largest moves first.",
        HelpName = "INPUT",
    };

    private readonly Option<string?> _inputFormat = CommonOptions.OptionalChoice("--input-format", null, "FORMAT",
        "For --replay-evidence: ndjson or csv. Default: csv for a file ending .csv, else ndjson.", "ndjson", "csv");

    private readonly Option<string> _encoding = CommonOptions.Encoding("For CSV input of --replay-evidence: the text encoding.");
    private readonly Option<string> _format = CommonOptions.Format("text, markdown or json (docs/compare.md).", "text", "markdown", "json");

    private readonly Option<string?> _out = new("--out", "-o")
    {
        Description = "Write to FILE (replaced only once complete) instead of standard output.",
        HelpName = "FILE",
    };

    private readonly Option<int> _top = CompareCommand.Top();
    private readonly Option<string?> _lang = CommonOptions.Language();
    private readonly Option<string?> _plugins = CommonOptions.Plugins();
    private readonly ConsoleTarget _target;

    public DiffCommand(ConsoleTarget target)
    {
        _target = target;
        _old.Description = "The earlier version: a definition file, or the id of a shipped system.";
        _new.Description = "The later version: a definition file, or the id of a shipped system.";
        _lang.Description = "Write in zh (Chinese, the default) or en (English).";
        Command = new Command("diff", Summary) { _old, _new, _replay, _replayEvidence, _inputFormat, _encoding, _format, _out, _top, _lang, _plugins };
        Command.SetAction((parse, cancellationToken) => RunAsync(parse, cancellationToken));
    }

    public Command Command { get; }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;
        var replay = parse.GetValue(_replay);
        var evidence = parse.GetValue(_replayEvidence);
        if (replay is not null && evidence is not null)
        {
            stderr.WriteLine("indicator: give --replay or --replay-evidence, not both");
            return ExitCodes.InvalidInput;
        }

        if (replay is not null)
        {
            stderr.WriteLine(SafeText.Line(Replay.WhyNot(replay)));
            return ExitCodes.InvalidInput;
        }

        var options = CommonOptions.WithPlugins(IndicatorEngine.LoadOptions.Default, parse.GetValue(_plugins), stderr, out _);
        if (Load(parse.GetRequiredValue(_old), options, stderr) is not { } old || Load(parse.GetRequiredValue(_new), options, stderr) is not { } @new)
        {
            return ExitCodes.InvalidInput;
        }

        var language = CommonOptions.LanguageOf(parse.GetValue(_lang), Language.Chinese);
        BatchComparison? replayed = null;
        if (evidence is not null)
        {
            var csv = (parse.GetValue(_inputFormat) ?? (evidence.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? "csv" : "ndjson")) == "csv";
            try
            {
                replayed = await Replay.RunAsync(old, @new, evidence, csv, CommonOptions.TextEncoding(parse.GetValue(_encoding)), parse.GetValue(_top), cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidDataException e)
            {
                stderr.WriteLine(SafeText.Line(e.Message));
                return ExitCodes.InvalidInput;
            }
            catch (OperationCanceledException)
            {
                stderr.WriteLine("indicator: cancelled");
                return ExitCodes.Cancelled;
            }
        }

        var outPath = parse.GetValue(_out);
        var report = new DefinitionDiffReport(old, @new, DefinitionDiff.Compare(old, @new), replayed);
        var text = parse.GetValue(_format) switch
        {
            "json" => report.Json(language),
            "markdown" => report.Markdown(language),
            _ => report.Text(language, outPath is null ? _target : ConsoleTarget.Plain()),
        };
        if (!CompareCommand.Emit(text, outPath, stdout, stderr))
        {
            return ExitCodes.InvalidInput;
        }

        if (replayed is { Counts: var counts } && counts.OldErrors + counts.NewErrors > 0)
        {
            stderr.WriteLine(SafeText.Line($"indicator: {evidence}: {counts.OldErrors} records could not be scored under the old version and {counts.NewErrors} under the new one (error records; score them with 'indicator batch' to see why)"));
            return ExitCodes.InvalidInput;
        }

        return ExitCodes.Success;
    }

    private static IndicatorSystem? Load(string definition, LoadOptions options, TextWriter stderr)
    {
        var (system, diagnostics) = DefinitionLoader.Load(definition, options);
        CommonOptions.Print(diagnostics, stderr);
        return system;
    }
}
