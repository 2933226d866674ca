using IndicatorEngine.Cli.Arguments;
using IndicatorEngine.Reporting;

namespace IndicatorEngine.Cli.Commands;

/// <summary><c>indicator score DEFINITION EVIDENCE</c>: scores one subject and renders its scorecard.</summary>
internal static class ScoreCommand
{
    private static readonly OptionSpec Profile = new("profile", 'p', "ID");
    private static readonly OptionSpec Out = new("out", 'o', "FILE");

    private static readonly OptionSpec[] Options =
        [Profile, CommonOptions.Format, Out, CommonOptions.MaxFileSize, CommonOptions.Plugins, CommonOptions.Verbose, CommonOptions.Help];

    public static string UsageText => Usage.Score.Replace("{0}", string.Join(", ", IndicatorSystem.ShippedIds), StringComparison.Ordinal);

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var usage = UsageText;
        var parsed = ArgumentParser.Parse(args, Options, usage);
        if (parsed.Has(CommonOptions.Help.Name))
        {
            stdout.WriteLine(usage);
            return ExitCodes.Success;
        }

        var format = CommonOptions.ChosenFormat(parsed, usage, "table", "json", "markdown");
        var options = CommonOptions.WithPlugins(CommonOptions.LoadOptions(parsed, usage), parsed, stderr, out _);
        if (parsed.Operands.Count != 2)
        {
            throw new UsageException(parsed.Operands.Count < 2
                ? "score needs a DEFINITION and an EVIDENCE file"
                : $"score takes two operands, DEFINITION and EVIDENCE, not {parsed.Operands.Count}", usage);
        }

        // The two loads are independent and each starts by building its JSON Schema, most of a run's time:
        // on a machine with a second core, read the evidence while the definition loads.
        var evidenceLoad = Task.Run(() => SubjectEvidence.Load(parsed.Operands[1], options));
        var system = LoadDefinition(parsed.Operands[0], options, stderr);
        if (system is null)
        {
            return ExitCodes.InvalidInput;
        }

        var evidence = Report(evidenceLoad.GetAwaiter().GetResult(), stderr);
        if (evidence is null)
        {
            return ExitCodes.InvalidInput;
        }

        Scorecard scorecard;
        try
        {
            scorecard = system.Score(evidence, parsed.Value(Profile.Name));
        }
        catch (ScoringException e)
        {
            stderr.WriteLine(e.Diagnostic.ToString());
            return ExitCodes.InvalidInput;
        }

        var text = format switch
        {
            "json" => ScorecardJson.ToJson(scorecard),
            "markdown" => ScorecardMarkdown.ToMarkdown(scorecard),
            _ => ScorecardTable.ToText(scorecard),
        };
        if (!text.EndsWith('\n'))
        {
            text += "\n";
        }

        if (parsed.Value(Out.Name) is not { } path)
        {
            stdout.Write(text);
            return ExitCodes.Success;
        }

        try
        {
            File.WriteAllText(path, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            stderr.WriteLine($"{path}: error: cannot write the scorecard: {e.Message}");
            return ExitCodes.InvalidInput;
        }

        return ExitCodes.Success;
    }

    /// <summary>A file by that name wins; otherwise a shipped system's id; otherwise the load reports the missing file.</summary>
    private static IndicatorSystem? LoadDefinition(string definition, LoadOptions options, TextWriter stderr)
    {
        if (!File.Exists(definition) && IndicatorSystem.ShippedIds.Contains(definition, StringComparer.Ordinal))
        {
            return IndicatorSystem.LoadShipped(definition, options);
        }

        return Report(IndicatorSystem.Load(definition, options), stderr);
    }

    /// <summary>Prints a load's diagnostics (errors and warnings alike) to stderr and returns its value, if any.</summary>
    private static T? Report<T>(LoadResult<T> result, TextWriter stderr)
        where T : class
    {
        foreach (var diagnostic in result.Diagnostics)
        {
            stderr.WriteLine(diagnostic.ToString());
        }

        return result.Value;
    }
}
