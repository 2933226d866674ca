using System.CommandLine;
using IndicatorEngine.Cli.Rendering;
using IndicatorEngine.Cli.Sheets;

namespace IndicatorEngine.Cli.Commands;

/// <summary>
/// <c>indicator sheet DEFINITION EVIDENCE --out FILE</c>: scores one subject and writes its score sheet in the layout
/// of the published self-assessment form, as .xlsx or .csv (from FILE's extension, or <c>--format</c>).
/// </summary>
internal sealed class SheetCommand
{
    public const string Summary = "Score one subject and write its self-assessment score sheet as .xlsx or .csv.";

    private static readonly string[] Formats = ["xlsx", "csv"];

    private readonly SubjectOptions _subject = new();

    private readonly Option<string> _out = new("--out", "-o")
    {
        Description = "Write the sheet to FILE (replaced only once complete); .xlsx or .csv says the format.",
        HelpName = "FILE",
        Required = true,
    };

    private readonly Option<string?> _format = CommonOptions.OptionalChoice("--format", "-f", "FORMAT",
        "xlsx (an Excel workbook, merged level cells) or csv (UTF-8 with BOM, level cells repeated); default: from FILE's extension.", Formats);

    public SheetCommand()
    {
        Command = _subject.Command("sheet", Summary, _out, _format);
        Command.SetAction(Run);
    }

    public Command Command { get; }

    private int Run(ParseResult parse)
    {
        var stderr = parse.InvocationConfiguration.Error;
        var outPath = parse.GetRequiredValue(_out);
        var format = parse.GetValue(_format) ?? FormatOf(outPath);
        if (format is null)
        {
            stderr.WriteLine(SafeText.Line($"{outPath}: error: cannot tell the sheet's format from the file name; name it .xlsx or .csv, or give --format xlsx|csv"));
            return ExitCodes.InvalidInput;
        }

        if (_subject.Score(parse, out _, out _) is not { } scorecard)
        {
            return ExitCodes.InvalidInput;
        }

        var sheet = ScoreSheet.From(scorecard);
        Action<ScoreSheet, Stream> write = format == "csv" ? ScoreSheetCsv.Write : ScoreSheetXlsx.Write;
        return OutputFile.TryWrite(outPath, "sheet", stream => write(sheet, stream), stderr)
            ? ScoreCommand.ExitStatus(scorecard, stderr)
            : ExitCodes.InvalidInput;
    }

    /// <summary>The format FILE's extension names (any case), or null.</summary>
    private static string? FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".xlsx" => "xlsx",
        ".csv" => "csv",
        _ => null,
    };
}
