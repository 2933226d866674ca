using System.CommandLine;
using System.Text;
using IndicatorEngine.Batch;
using IndicatorEngine.Cli.Rendering;

namespace IndicatorEngine.Cli.Commands;

/// <summary><c>indicator generate DEFINITION --count N --seed S</c>: synthetic evidence for any system (<see cref="EvidenceGenerator"/>).</summary>
internal sealed class GenerateCommand
{
    public const string Summary = "Write synthetic evidence of N schools for a system, as NDJSON or CSV, the same for the same seed.";

    private readonly Argument<string> _definition = CommonOptions.Definition();

    private readonly Option<int> _count = new("--count", "-n")
    {
        Description = "How many schools (0 or more).",
        HelpName = "N",
        Required = true,
    };

    private readonly Option<int> _seed = new("--seed", "-s")
    {
        Description = "Seed of the random draws (default 1): the same seed and count give the same bytes.",
        HelpName = "S",
        DefaultValueFactory = _ => 1,
    };

    private readonly Option<string?> _format = CommonOptions.OptionalChoice("--format", "-f", "FORMAT",
        "ndjson (one evidence document per line) or csv (header id,name,profile,province,city,county,period, then the evidence keys). Default: from the extension of --out, else ndjson.",
        "ndjson", "csv");

    private readonly Option<string> _encoding = CommonOptions.Encoding("For csv: the text encoding written.");

    private readonly Option<string?> _out = new("--out", "-o")
    {
        Description = "Write to FILE (replaced only once it is complete) instead of standard output.",
        HelpName = "FILE",
    };

    private readonly Option<string?> _plugins = CommonOptions.Plugins();

    public GenerateCommand()
    {
        _count.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError("option '--count' needs 0 or more schools");
            }
        });
        Command = new Command("generate", Summary) { _definition, _count, _seed, _format, _encoding, _out, _plugins };
        Command.SetAction(Run);
    }

    public Command Command { get; }

    private int Run(ParseResult parse)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;
        var options = CommonOptions.WithPlugins(IndicatorEngine.LoadOptions.Default, parse.GetValue(_plugins), stderr, out _);
        var (system, diagnostics) = DefinitionLoader.Load(parse.GetRequiredValue(_definition), options);
        CommonOptions.Print(diagnostics, stderr);
        if (system is null)
        {
            return ExitCodes.InvalidInput;
        }

        var outPath = parse.GetValue(_out);
        var csv = (parse.GetValue(_format) ?? (outPath is not null && outPath.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? "csv" : "ndjson")) == "csv";
        var encoding = CommonOptions.TextEncoding(parse.GetValue(_encoding));
        if (!csv && encoding.WebName != "utf-8")
        {
            stderr.WriteLine("indicator: NDJSON is always UTF-8; --encoding applies to csv");
            return ExitCodes.InvalidInput;
        }

        var generator = new EvidenceGenerator(system, parse.GetValue(_seed));
        var count = parse.GetValue(_count);
        void Write(Stream stream)
        {
            if (csv)
            {
                generator.WriteCsv(stream, count, encoding);
            }
            else
            {
                generator.WriteNdjson(stream, count);
            }
        }

        if (outPath is null)
        {
            // Straight to the console's bytes when there are any, so GB18030 stays GB18030; else decoded for the writer.
            stdout.Flush();
            if (stdout is StreamWriter { BaseStream: var console })
            {
                Write(console);
            }
            else
            {
                using var stream = new WriterStream(stdout, encoding);
                Write(stream);
            }

            return ExitCodes.Success;
        }

        try
        {
            using var file = OutputFile.Create(outPath);
            Write(file.Stream);
            file.Commit();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            stderr.WriteLine(SafeText.Line($"{outPath}: error: cannot write: {e.Message}"));
            return ExitCodes.InvalidInput;
        }

        return ExitCodes.Success;
    }
}
