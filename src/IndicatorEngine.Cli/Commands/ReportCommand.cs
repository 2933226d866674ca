using System.CommandLine;
using IndicatorEngine.Cli.Rendering;

namespace IndicatorEngine.Cli.Commands;

/// <summary>
/// <c>indicator report DEFINITION EVIDENCE --out FILE</c>: scores one subject and writes its scorecard as a self-contained
/// HTML page; <c>indicator report DEFINITION --batch RESULTS --out FILE</c>: a batch's results as a province report.
/// </summary>
internal sealed class ReportCommand
{
    public const string Summary = "Score one subject and write its scorecard as a self-contained HTML page with charts, or, with --batch, a province report of a batch's results.";

    private readonly Argument<string> _definition = CommonOptions.Definition(listedBelow: true);

    private readonly Argument<string?> _evidence = new("EVIDENCE")
    {
        HelpName = "EVIDENCE",
        Description = "The subject's evidence, a JSON file (indicators/schema/evidence.schema.json); not with --batch.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private readonly Option<string> _out = new("--out", "-o")
    {
        Description = "Write the page to FILE (UTF-8 HTML, replaced only once complete).",
        HelpName = "FILE",
        Required = true,
    };

    private readonly Option<string?> _batch = new("--batch")
    {
        Description = "Instead of one subject: the NDJSON results 'indicator batch' wrote (--out), as a province report.",
        HelpName = "RESULTS",
    };

    private readonly Option<string?> _summary = new("--summary")
    {
        Description = "With --batch: the summary the same batch wrote (--summary), for targets that read evidence.",
        HelpName = "SUMMARY",
    };

    private readonly Option<string?> _profile = CommonOptions.Profile();

    private readonly Option<bool> _plan = new("--plan")
    {
        Description = "Add the improvement plan (what 'indicator gap' prints for the default target) to the page.",
    };

    private readonly Option<string?> _lang = CommonOptions.Language();
    private readonly Option<long?> _maxFileSize = CommonOptions.MaxFileSize();
    private readonly Option<string?> _plugins = CommonOptions.Plugins();

    public ReportCommand()
    {
        Command = new Command("report", Summary) { _definition, _evidence, _out, _batch, _summary, _profile, _plan, _lang, _maxFileSize, _plugins };
        Command.SetAction(Run);
    }

    public Command Command { get; }

    private int Run(ParseResult parse)
    {
        var stderr = parse.InvocationConfiguration.Error;
        var evidencePath = parse.GetValue(_evidence);
        var batchPath = parse.GetValue(_batch);
        if ((evidencePath is null) == (batchPath is null) || (batchPath is null && parse.GetValue(_summary) is not null))
        {
            stderr.WriteLine(evidencePath is null && batchPath is null
                ? "indicator: report needs EVIDENCE (one school's scorecard) or --batch RESULTS (a province report)"
                : batchPath is null
                    ? "indicator: --summary goes with --batch RESULTS; leave it out for one school's scorecard"
                    : "indicator: give EVIDENCE (one school's scorecard) or --batch RESULTS (a province report), not both");
            return ExitCodes.InvalidInput;
        }

        if (batchPath is not null && parse.GetValue(_plan))
        {
            stderr.WriteLine("indicator: --plan goes with one school's EVIDENCE (its improvement plan); leave it out for a province report");
            return ExitCodes.InvalidInput;
        }

        var options = CommonOptions.WithPlugins(CommonOptions.LoadOptions(parse.GetValue(_maxFileSize)), parse.GetValue(_plugins), stderr, out _);
        var outPath = parse.GetRequiredValue(_out);
        if (batchPath is not null)
        {
            return ProvinceReport(parse.GetRequiredValue(_definition), batchPath, parse.GetValue(_summary), parse.GetValue(_lang), options, outPath, stderr);
        }

        var evidenceLoad = Task.Run(() => SubjectEvidence.Load(evidencePath!, options));
        if (ScoreCommand.Score(parse.GetRequiredValue(_definition), evidencePath!, evidenceLoad, parse.GetValue(_profile), parse.GetValue(_lang), options, stderr, out var system) is not { } scorecard)
        {
            return ExitCodes.InvalidInput;
        }

        var plan = parse.GetValue(_plan) ? GapAnalysis.Plan(system!, evidenceLoad.Result.Value!, profileId: parse.GetValue(_profile)) : null;
        return OutputFile.TryWrite(outPath, "report", stream => ScorecardHtml.Write(scorecard, stream, plan), stderr)
            ? ScoreCommand.ExitStatus(scorecard, stderr)
            : ExitCodes.InvalidInput;
    }

    /// <summary>The province report of a batch's results: exit 0 when written, 2 when an input cannot be used (said in one line each).</summary>
    private static int ProvinceReport(string definition, string resultsPath, string? summaryPath, string? language, LoadOptions options, string outPath, TextWriter stderr)
    {
        var (system, diagnostics) = DefinitionLoader.Load(definition, options);
        CommonOptions.Print(diagnostics, stderr);
        if (system is null)
        {
            return ExitCodes.InvalidInput;
        }

        Batch.BatchSummary? summary = null;
        if (summaryPath is not null && (summary = BatchJobRunner.ReadSummary(summaryPath, stderr)) is null)
        {
            return ExitCodes.InvalidInput;
        }

        if (summary is not null && (summary.SystemId != system.Id || summary.SystemVersion != system.Version))
        {
            stderr.WriteLine(SafeText.Line($"{summaryPath}: error: the summary is of {summary.SystemId} {summary.SystemVersion}, not of {system.Id} {system.Version}; give the summary of a batch of this system"));
            return ExitCodes.InvalidInput;
        }

        Stream results;
        try
        {
            results = File.OpenRead(resultsPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            stderr.WriteLine(SafeText.Line($"{resultsPath}: error: cannot read the results: {(e is FileNotFoundException ? "no such file" : e.Message)}"));
            return ExitCodes.InvalidInput;
        }

        using (results)
        {
            try
            {
                var lang = CommonOptions.LanguageOf(language, system.Language);
                return OutputFile.TryWrite(outPath, "report", stream => BatchReportHtml.Write(system, results, resultsPath, stream, summary, lang), stderr)
                    ? ExitCodes.Success
                    : ExitCodes.InvalidInput;
            }
            catch (IndicatorLoadException e)
            {
                CommonOptions.Print(e.Diagnostics, stderr);
                return ExitCodes.InvalidInput;
            }
        }
    }
}
