using System.CommandLine;
using IndicatorEngine.Batch;
using IndicatorEngine.Cli.Rendering;

namespace IndicatorEngine.Cli.Commands;

/// <summary><c>indicator merge SUMMARY...</c>: shards' summaries combined into the summary of one run (<see cref="BatchSummary.Merge"/>).</summary>
internal sealed class MergeCommand
{
    public const string Summary = "Combine the summaries of shards scored apart into exactly the summary of one run, and print it.";

    private readonly Argument<string[]> _summaries = new("SUMMARY")
    {
        Arity = ArgumentArity.OneOrMore,
        HelpName = "SUMMARY",
        Description = "Summary files written by 'indicator batch --summary', all of the same system.",
    };

    private readonly Option<string?> _out = new("--out", "-o")
    {
        Description = "Write the merged summary as JSON to FILE (it merges again, and 'batch --ranks-from FILE' ranks against it).",
        HelpName = "FILE",
    };

    private readonly Option<string?> _rollup = CommonOptions.OptionalChoice("--rollup", null, "LEVEL",
        "List the regions of this level (province, city or county), with the definition's targets met or missed.", "province", "city", "county");

    private readonly Option<string?> _definition = new("--definition")
    {
        Description = "The definition (file or shipped id), for the grades' titles in the table; without it the shipped system the summaries name, else grades are shown by id.",
        HelpName = "DEFINITION",
    };

    private readonly Option<string?> _lang = CommonOptions.Language();
    private readonly ConsoleTarget _target;

    public MergeCommand(ConsoleTarget target)
    {
        _target = target;
        _lang.Description = "Write the summary table in zh (Chinese, the default) or en (English).";
        Command = new Command("merge", Summary) { _summaries, _out, _rollup, _definition, _lang };
        Command.SetAction(Run);
    }

    public Command Command { get; }

    private int Run(ParseResult parse)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;
        var summaries = new List<BatchSummary>();
        foreach (var path in parse.GetRequiredValue(_summaries))
        {
            if (BatchJobRunner.ReadSummary(path, stderr) is not { } summary)
            {
                return ExitCodes.InvalidInput;
            }

            summaries.Add(summary);
        }

        BatchSummary merged;
        try
        {
            merged = BatchSummary.Merge(summaries);
        }
        catch (ArgumentException e)
        {
            stderr.WriteLine(SafeText.Line($"indicator: {e.Message.Split(" (Parameter", 2)[0]}"));
            return ExitCodes.InvalidInput;
        }

        IndicatorSystem? system = null;
        if (parse.GetValue(_definition) is { } definition)
        {
            (system, var diagnostics) = DefinitionLoader.Load(definition, IndicatorEngine.LoadOptions.Default);
            CommonOptions.Print(diagnostics, stderr);
            if (system is null)
            {
                return ExitCodes.InvalidInput;
            }
        }
        else if (DefinitionLoader.IsShippedId(merged.SystemId) && IndicatorSystem.LoadShipped(merged.SystemId) is { } shipped && shipped.Version == merged.SystemVersion)
        {
            system = shipped;
        }

        if (parse.GetValue(_out) is { } outPath && !BatchJobRunner.WriteSummary(merged, outPath, stderr))
        {
            return ExitCodes.InvalidInput;
        }

        var english = CommonOptions.LanguageOf(parse.GetValue(_lang), IndicatorEngine.Language.Chinese) == IndicatorEngine.Language.English;
        var rollup = parse.GetValue(_rollup) is { } level ? Enum.Parse<RegionLevel>(level, ignoreCase: true) : (RegionLevel?)null;
        stdout.Write(BatchSummaryTable.Render(merged, BatchJobRunner.GradeTitles(system, english), rollup, english, _target));
        return ExitCodes.Success;
    }
}
