using System.Text;
using IndicatorEngine.Cli.Arguments;
using IndicatorEngine.Reporting;

namespace IndicatorEngine.Cli.Commands;

/// <summary>
/// <c>indicator validate FILE...</c>: loads each definition and reports every diagnostic; exits 2 when it printed
/// any error, whether about a definition or about the plugins it was asked to load.
/// </summary>
internal static class ValidateCommand
{
    private static readonly OptionSpec Quiet = new("quiet", 'q');

    private static readonly OptionSpec[] Options =
        [CommonOptions.Format, Quiet, CommonOptions.MaxFileSize, CommonOptions.Plugins, CommonOptions.Verbose, CommonOptions.Help];

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var parsed = ArgumentParser.Parse(args, Options, Usage.Validate);
        if (parsed.Has(CommonOptions.Help.Name))
        {
            stdout.WriteLine(Usage.Validate);
            return ExitCodes.Success;
        }

        var format = CommonOptions.ChosenFormat(parsed, Usage.Validate, "text", "json");
        var options = CommonOptions.WithPlugins(CommonOptions.LoadOptions(parsed, Usage.Validate), parsed, stderr, out var pluginError);
        if (parsed.Operands.Count == 0)
        {
            throw new UsageException("no file to validate; name one or more definition files", Usage.Validate);
        }

        var all = new List<Diagnostic>();
        var failed = pluginError;
        foreach (var file in parsed.Operands)
        {
            var result = IndicatorSystem.Load(file, options);
            all.AddRange(result.Diagnostics);
            failed |= !result.Succeeded || result.Diagnostics.Any(d => d.IsError);
            if (format == "text")
            {
                foreach (var diagnostic in result.Diagnostics)
                {
                    stdout.WriteLine(diagnostic.ToString());
                }

                if (result.Succeeded && !parsed.Has(Quiet.Name))
                {
                    stdout.WriteLine($"{file}: ok");
                }
            }
        }

        if (format == "json")
        {
            using var buffer = new MemoryStream();
            DiagnosticsJson.Write(all, buffer);
            stdout.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        }

        return failed ? ExitCodes.InvalidInput : ExitCodes.Success;
    }
}
