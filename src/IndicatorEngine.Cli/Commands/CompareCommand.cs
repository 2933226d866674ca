using System.CommandLine;
using IndicatorEngine.Cli.Comparing;
using IndicatorEngine.Loading;
using IndicatorEngine.Cli.Rendering;

namespace IndicatorEngine.Cli.Commands;

/// <summary>
/// <c>indicator compare OLD NEW</c>: two results of one subject (written by <c>score --format json</c>), per
/// indicator and per point, as a table, JSON or an HTML page; with <c>--batch</c>, two batches' results
/// (written by <c>batch --out</c>), subject by subject.
/// </summary>
internal sealed class CompareCommand
{
    public const string Summary = "Compare two results of one subject (per indicator and point), or with --batch two batches' results (movers, verdict flips, rank changes).";

    private readonly Argument<string> _old = new("OLD")
    {
        HelpName = "OLD",
        Description = "The earlier (or self-assessed) result: a JSON result of 'indicator score --format json'; with --batch, the NDJSON results of 'indicator batch'.",
    };

    private readonly Argument<string> _new = new("NEW")
    {
        HelpName = "NEW",
        Description = "The later (or verified) result, of the same kind.",
    };

    private readonly Option<bool> _batch = new("--batch") { Description = "OLD and NEW are the NDJSON results of two batches: compare them subject by subject, matched by id." };

    private readonly Option<string> _format = CommonOptions.Format("text (a table), json (docs/compare.md) or html (a self-contained page with a chart; not with --batch).", "text", "json", "html");

    private readonly Option<string?> _out = new("--out", "-o")
    {
        Description = "Write to FILE (replaced only once complete) instead of standard output.",
        HelpName = "FILE",
    };

    private readonly Option<int> _top = Top();
    private readonly Option<string?> _lang = CommonOptions.Language();
    private readonly ConsoleTarget _target;

    public CompareCommand(ConsoleTarget target)
    {
        _target = target;
        _lang.Description = "Write in zh (Chinese) or en (English); without it, in NEW's language (Chinese unless NEW was written in English), and in Chinese with --batch.";
        Command = new Command("compare", Summary) { _old, _new, _batch, _format, _out, _top, _lang };
        Command.SetAction(Run);
    }

    public Command Command { get; }

    /// <summary><c>--top N</c>: how many subjects each list shows (default 20).</summary>
    public static Option<int> Top()
    {
        var option = new Option<int>("--top")
        {
            Description = "For batches (compare --batch, diff --replay-evidence): how many subjects each list shows (movers up and down, rank changes, verdict changes, added, missing); the counts are always complete.",
            HelpName = "N",
            DefaultValueFactory = _ => 20,
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("option '--top' needs 1 or more");
            }
        });
        return option;
    }

    private int Run(ParseResult parse)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;
        var oldPath = parse.GetRequiredValue(_old);
        var newPath = parse.GetRequiredValue(_new);
        var format = parse.GetValue(_format);
        var outPath = parse.GetValue(_out);
        var target = outPath is null ? _target : ConsoleTarget.Plain();
        string text;
        if (parse.GetValue(_batch))
        {
            if (format == "html")
            {
                stderr.WriteLine("indicator: compare --batch writes text or json, not html");
                return ExitCodes.InvalidInput;
            }

            var language = CommonOptions.LanguageOf(parse.GetValue(_lang), Language.Chinese);
            BatchComparison comparison;
            try
            {
                comparison = BatchComparison.Compare(oldPath, newPath, parse.GetValue(_top));
            }
            catch (InvalidDataException e)
            {
                stderr.WriteLine(SafeText.Line(e.Message));
                return ExitCodes.InvalidInput;
            }

            text = format == "json" ? SafeText.Document(BatchComparisonJson.ToJson(comparison, language)) : BatchComparisonText.Render(comparison, language, target);
        }
        else
        {
            if (Read(oldPath, stderr) is not { } old || Read(newPath, stderr) is not { } @new)
            {
                return ExitCodes.InvalidInput;
            }

            // Without --lang, in the language the new result was written in (a result in English stays English).
            var language = CommonOptions.LanguageOf(parse.GetValue(_lang), @new.Language);
            var comparison = ResultComparison.Compare(old, @new);
            foreach (var note in CompareWords.Mismatches(comparison, Language.English))
            {
                stderr.WriteLine(SafeText.Line($"indicator: warning: {note}"));
            }

            text = format switch
            {
                "json" => SafeText.Document(ResultComparisonJson.ToJson(comparison, language)),
                "html" => ResultComparisonHtml.ToHtml(comparison, language),
                _ => ResultComparisonText.Render(comparison, language, target),
            };
        }

        return Emit(text, outPath, stdout, stderr) ? ExitCodes.Success : ExitCodes.InvalidInput;
    }

    /// <summary>Writes the text to standard output, or to <paramref name="outPath"/> in full or not at all; false (said on stderr) when it cannot be written.</summary>
    internal static bool Emit(string text, string? outPath, TextWriter stdout, TextWriter stderr)
    {
        if (outPath is null)
        {
            stdout.Write(text);
            stdout.Flush();
            return true;
        }

        try
        {
            using var file = OutputFile.Create(outPath);
            using (var writer = new StreamWriter(file.Stream, new System.Text.UTF8Encoding(false), 64 * 1024, leaveOpen: true))
            {
                writer.Write(text);
            }

            file.Commit();
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            stderr.WriteLine(SafeText.Line($"{outPath}: error: cannot write: {e.Message}"));
            return false;
        }
    }

    /// <summary>A result document, or null with its problems on stderr (and a hint when it is a batch's results).</summary>
    private static Scorecard? Read(string path, TextWriter stderr)
    {
        // A regular file within the size limit, as strict UTF-8: a FIFO or a device is refused unopened.
        var problems = new List<Diagnostic>();
        if (JsonSource.ReadFile(path, IndicatorEngine.LoadOptions.Default.MaxFileBytes, problems) is not { } json)
        {
            CommonOptions.Print(problems, stderr);
            return null;
        }

        var parsed = ScorecardJson.Parse(json, path);
        if (parsed.Value is { } card)
        {
            return card;
        }

        CommonOptions.Print(parsed.Diagnostics.Where(d => d.IsError).Take(3), stderr);
        stderr.WriteLine(SafeText.Line(path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase)
            ? $"{path}: error: not a result document; for two batches' results use compare --batch OLD NEW"
            : $"{path}: error: not a result document; write one with 'indicator score DEFINITION EVIDENCE --format json --out FILE'"));
        return null;
    }
}
