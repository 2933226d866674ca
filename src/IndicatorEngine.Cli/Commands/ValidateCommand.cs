using System.CommandLine;
using System.Text;
using IndicatorEngine.Cli.Rendering;

namespace IndicatorEngine.Cli.Commands;

/// <summary>
/// <c>indicator validate FILE...</c>: loads each definition (a file, or a shipped id as <c>score</c> accepts) and
/// reports every diagnostic; exits 2 when it printed any error, whether about a definition or about the plugins
/// it was asked to load.
/// </summary>
internal sealed class ValidateCommand
{
    public const string Synopsis = "indicator validate FILE... [options]";

    public const string Summary = "Check indicator-system definition files: JSON syntax, schema and meaning.";

    private readonly Argument<string[]> _files = new("FILE")
    {
        Arity = ArgumentArity.OneOrMore,
        HelpName = "FILE",
        Description = "Definition files (or ids of shipped systems) to check, with the files they extend.",
    };

    private readonly Option<string> _format = CommonOptions.Format(
        "text: one line per problem; json: one JSON array of every diagnostic, with code, severity, message, file, pointer, line and column.",
        "text", "json");

    private readonly Option<bool> _quiet = new("--quiet", "-q") { Description = "Print problems only, no \"FILE: ok\" lines." };
    private readonly Option<long?> _maxFileSize = CommonOptions.MaxFileSize();
    private readonly Option<string?> _plugins = CommonOptions.Plugins();

    public ValidateCommand()
    {
        Command = new Command("validate", Summary) { _files, _format, _quiet, _maxFileSize, _plugins };
        Command.SetAction(Run);
    }

    public Command Command { get; }

    private int Run(ParseResult parse)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;
        var text = parse.GetValue(_format) == "text";
        var quiet = parse.GetValue(_quiet);
        var options = CommonOptions.WithPlugins(CommonOptions.LoadOptions(parse.GetValue(_maxFileSize)), parse.GetValue(_plugins), stderr, out var pluginError);

        var all = new List<Diagnostic>();
        var failed = pluginError;
        foreach (var file in parse.GetRequiredValue(_files))
        {
            var (system, diagnostics) = DefinitionLoader.Load(file, options);
            all.AddRange(diagnostics);
            failed |= system is null || diagnostics.Any(d => d.IsError);
            if (text)
            {
                foreach (var diagnostic in diagnostics)
                {
                    stdout.WriteLine(SafeText.Line(diagnostic.ToString()));
                }

                if (system is not null && !quiet)
                {
                    stdout.WriteLine(SafeText.Line($"{file}: ok"));
                }
            }
        }

        if (!text)
        {
            using var buffer = new MemoryStream();
            DiagnosticsJson.Write(all, buffer);
            stdout.WriteLine(SafeText.Document(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)));
        }

        return failed ? ExitCodes.InvalidInput : ExitCodes.Success;
    }
}
