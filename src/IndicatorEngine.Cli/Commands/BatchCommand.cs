using System.CommandLine;
using IndicatorEngine.Batch;
using IndicatorEngine.Cli.CommandLine;
using IndicatorEngine.Cli.Rendering;

namespace IndicatorEngine.Cli.Commands;

/// <summary>
/// <c>indicator batch DEFINITION INPUT --out RESULTS.ndjson</c>: scores every record of an NDJSON or CSV file
/// (<see cref="BatchRunner"/>), one ranked output line per input record, with progress on standard error and the
/// summary as a table on standard output. The work is <see cref="BatchJobRunner"/>'s; this is the command line.
/// </summary>
internal sealed class BatchCommand
{
    public const string Summary = "Score every school of an NDJSON or CSV file: one ranked result line per record, a summary and a roll-up by region.";

    private readonly Argument<string> _definition = CommonOptions.Definition();

    private readonly Argument<string> _input = new("INPUT")
    {
        HelpName = "INPUT",
        Description = "The schools' evidence: NDJSON (one evidence document per line) or CSV (see docs/batch.md).",
    };

    private readonly Option<string> _out = new("--out", "-o")
    {
        Description = "Write the result lines (NDJSON, one per input record, in input order) to FILE; it is replaced only once complete.",
        HelpName = "FILE",
        Required = true,
    };

    private readonly Option<string?> _summary = new("--summary")
    {
        Description = "Also write the summary as JSON to FILE: what 'indicator merge' combines and --ranks-from ranks against.",
        HelpName = "FILE",
    };

    private readonly Option<string?> _rollup = CommonOptions.OptionalChoice("--rollup", null, "LEVEL",
        "Rank each school within its province, city or county too (\"ranks\" on its line), and list that level's regions, with the definition's targets met or missed, after the summary.",
        "province", "city", "county");

    private readonly Option<int?> _parallel = new("--parallel")
    {
        Description = "Schools scored at once (default: one per processor).",
        HelpName = "N",
    };

    private readonly Option<string> _detail = CommonOptions.Choice("--detail", null, "DETAIL",
        "What a result line holds: indicators (the default: totals, verdict, grade, vetoes and every indicator's score and status), summary (the same without the indicators) or full (the whole result document, explanations included).",
        "indicators", "summary", "full");

    private readonly Option<string?> _inputFormat = CommonOptions.OptionalChoice("--input-format", null, "FORMAT",
        "ndjson or csv. Default: csv for a file ending .csv, else ndjson.", "ndjson", "csv");

    private readonly Option<string> _encoding = CommonOptions.Encoding("For CSV input: the text encoding.");
    private readonly Option<string?> _profile = new("--profile", "-p") { Description = "Score every school under this profile instead of the one its record names.", HelpName = "ID" };
    private readonly Option<string?> _ranksFrom = new("--ranks-from")
    {
        Description = "Rank against this summary (e.g. shards' summaries merged by 'indicator merge') instead of this input's own: how shards scored apart get the ranks of one run.",
        HelpName = "SUMMARY",
    };

    private readonly Option<bool> _quiet = new("--quiet", "-q") { Description = "No progress on standard error." };
    private readonly Option<string?> _lang = CommonOptions.Language();
    private readonly Option<string?> _plugins = CommonOptions.Plugins();
    private readonly ConsoleTarget _target;
    private readonly ConsoleTarget _errorTarget;

    public BatchCommand(ConsoleTarget target, ConsoleTarget errorTarget)
    {
        _target = target;
        _errorTarget = errorTarget;
        _lang.Description = "Write the summary table in zh (Chinese) or en (English). Default: the system's language.";
        _parallel.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1)
            {
                result.AddError("option '--parallel' needs 1 or more");
            }
        });
        Command = new Command("batch", Summary)
        {
            _definition, _input, _out, _summary, _rollup, _parallel, _detail, _inputFormat, _encoding, _profile, _ranksFrom, _quiet, _lang, _plugins,
        };
        Command.SetAction((parse, token) => BatchJobRunner.RunAsync(Request(parse), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, _target, _errorTarget, token));
    }

    public Command Command { get; }

    private BatchRequest Request(ParseResult parse) => new(parse.GetRequiredValue(_definition), parse.GetRequiredValue(_input), parse.GetRequiredValue(_out))
    {
        SummaryPath = parse.GetValue(_summary),
        Rollup = parse.GetValue(_rollup) is { } level ? Enum.Parse<RegionLevel>(level, ignoreCase: true) : null,
        Parallel = parse.GetValue(_parallel) ?? Environment.ProcessorCount,
        Detail = Enum.Parse<BatchDetail>(parse.GetValue(_detail)!, ignoreCase: true),
        InputFormat = parse.GetValue(_inputFormat),
        Encoding = parse.GetValue(_encoding)!,
        Profile = parse.GetValue(_profile),
        RanksFrom = parse.GetValue(_ranksFrom),
        Quiet = parse.GetValue(_quiet),
        Language = parse.GetValue(_lang),
        Plugins = parse.GetValue(_plugins),
    };
}

/// <summary>What <c>indicator batch</c> was asked to do.</summary>
internal sealed record BatchRequest(string Definition, string Input, string Output)
{
    public string? SummaryPath { get; init; }

    public RegionLevel? Rollup { get; init; }

    public int Parallel { get; init; } = Environment.ProcessorCount;

    public BatchDetail Detail { get; init; } = BatchDetail.Indicators;

    public string? InputFormat { get; init; }

    public string Encoding { get; init; } = "utf-8";

    public string? Profile { get; init; }

    public string? RanksFrom { get; init; }

    public bool Quiet { get; init; }

    public string? Language { get; init; }

    public string? Plugins { get; init; }

    /// <summary>Progress is reported every this many records (tests make it small).</summary>
    public int ProgressInterval { get; init; } = 1000;

    /// <summary>Redirected, a progress line at most this often (tests make it zero).</summary>
    public TimeSpan PlainProgressEvery { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Also told of every progress report (tests cancel from here).</summary>
    public IProgress<BatchProgress>? Observer { get; init; }
}
