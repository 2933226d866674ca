using System.CommandLine;
using IndicatorEngine.Cli.Rendering;

namespace IndicatorEngine.Cli.Commands;

/// <summary><c>indicator report DEFINITION EVIDENCE --out FILE</c>: scores one subject and writes its scorecard as a self-contained HTML page.</summary>
internal sealed class ReportCommand
{
    public const string Summary = "Score one subject and write its scorecard as a self-contained HTML page with charts.";

    private readonly Argument<string> _definition = CommonOptions.Definition(listedBelow: true);

    private readonly Argument<string> _evidence = CommonOptions.Evidence();

    private readonly Option<string> _out = new("--out", "-o")
    {
        Description = "Write the page to FILE (UTF-8 HTML, replaced only once complete).",
        HelpName = "FILE",
        Required = true,
    };

    private readonly Option<string?> _profile = CommonOptions.Profile();

    private readonly Option<string?> _lang = CommonOptions.Language();
    private readonly Option<long?> _maxFileSize = CommonOptions.MaxFileSize();
    private readonly Option<string?> _plugins = CommonOptions.Plugins();

    public ReportCommand()
    {
        Command = new Command("report", Summary) { _definition, _evidence, _out, _profile, _lang, _maxFileSize, _plugins };
        Command.SetAction(Run);
    }

    public Command Command { get; }

    private int Run(ParseResult parse)
    {
        var stderr = parse.InvocationConfiguration.Error;
        var options = CommonOptions.WithPlugins(CommonOptions.LoadOptions(parse.GetValue(_maxFileSize)), parse.GetValue(_plugins), stderr, out _);
        var evidencePath = parse.GetRequiredValue(_evidence);
        var outPath = parse.GetRequiredValue(_out);

        var evidenceLoad = Task.Run(() => SubjectEvidence.Load(evidencePath, options));
        if (ScoreCommand.Score(parse.GetRequiredValue(_definition), evidencePath, evidenceLoad, parse.GetValue(_profile), parse.GetValue(_lang), options, stderr) is not { } scorecard)
        {
            return ExitCodes.InvalidInput;
        }

        return OutputFile.TryWrite(outPath, "report", stream => ScorecardHtml.Write(scorecard, stream), stderr)
            ? ScoreCommand.ExitStatus(scorecard, stderr)
            : ExitCodes.InvalidInput;
    }
}
