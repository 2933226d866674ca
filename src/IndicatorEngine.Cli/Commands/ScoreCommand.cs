using System.CommandLine;
using IndicatorEngine.Cli.CommandLine;
using IndicatorEngine.Cli.Rendering;

namespace IndicatorEngine.Cli.Commands;

/// <summary><c>indicator score DEFINITION EVIDENCE</c>: scores one subject and renders its scorecard.</summary>
internal sealed class ScoreCommand
{
    public const string Synopsis = "indicator score DEFINITION EVIDENCE [options]";

    public const string Summary = "Score one subject's evidence against an indicator system.";

    private const string OperandOrder = "; score takes DEFINITION first, then EVIDENCE";

    private readonly Argument<string> _definition = CommonOptions.Definition(listedBelow: true);

    private readonly Argument<string> _evidence = CommonOptions.Evidence();

    private readonly Option<string?> _profile = CommonOptions.Profile();

    private readonly Option<string> _format = CommonOptions.Format(
        "table, json (see indicators/schema/result.schema.json) or markdown.", "table", "json", "markdown");

    private readonly Option<string> _view = CommonOptions.Choice("--view", null, "VIEW",
        "For the table: full (every observation point with its score and explanation, under its indicators) or compact (first- and second-level indicators only).",
        "full", "compact");

    private readonly Option<string?> _lang = CommonOptions.Language();

    private readonly Option<string?> _out = new("--out", "-o")
    {
        Description = "Write the scorecard to FILE (UTF-8, plain text) instead of standard output.",
        HelpName = "FILE",
    };

    private readonly Option<long?> _maxFileSize = CommonOptions.MaxFileSize();
    private readonly Option<string?> _plugins = CommonOptions.Plugins();
    private readonly ConsoleTarget _target;

    public ScoreCommand(ConsoleTarget target)
    {
        _target = target;
        Command = new Command("score", Summary) { _definition, _evidence, _profile, _format, _view, _lang, _out, _maxFileSize, _plugins };
        Command.SetAction(Run);
    }

    public Command Command { get; }

    private int Run(ParseResult parse)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;
        var options = CommonOptions.WithPlugins(CommonOptions.LoadOptions(parse.GetValue(_maxFileSize)), parse.GetValue(_plugins), stderr, out _);
        var definition = parse.GetRequiredValue(_definition);
        var evidencePath = parse.GetRequiredValue(_evidence);

        var outPath = parse.GetValue(_out);
        var format = parse.GetValue(_format);
        var view = parse.GetValue(_view) == "compact" ? ScorecardView.Compact : ScorecardView.Full;
        var tableTarget = outPath is null || !_target.Ansi ? _target : ConsoleTarget.Plain();

        // The two loads are independent and each starts by building its JSON Schema, most of a run's time:
        // on a machine with a second core, read the evidence while the definition loads, and then, while the
        // definition is still loading, compile the table's rendering code by rendering a small table. Nothing
        // waits for that: if the definition is ready first, the real table compiles what is left itself.
        var evidenceLoad = Task.Run(() => SubjectEvidence.Load(evidencePath, options));
        if (format == "table")
        {
            _ = evidenceLoad.ContinueWith(
                loaded => ScorecardTable.WarmUp(view, tableTarget),
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }

        if (Score(definition, evidencePath, evidenceLoad, parse.GetValue(_profile), parse.GetValue(_lang), options, stderr) is not { } scorecard)
        {
            return ExitCodes.InvalidInput;
        }

        var text = format switch
        {
            "json" => SafeText.Document(ScorecardJson.ToJson(scorecard)),
            "markdown" => SafeText.Document(ScorecardMarkdown.ToMarkdown(scorecard)),
            _ => ScorecardTable.Render(scorecard, view, tableTarget),
        };
        if (!text.EndsWith('\n'))
        {
            text += "\n";
        }

        if (outPath is null)
        {
            stdout.Write(text);
            stdout.Flush();
        }
        else
        {
            try
            {
                File.WriteAllText(outPath, text);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
            {
                stderr.WriteLine(SafeText.Line($"{outPath}: error: cannot write the scorecard: {e.Message}"));
                return ExitCodes.InvalidInput;
            }
        }

        return ExitStatus(scorecard, stderr);
    }

    /// <summary>
    /// Loads the definition (the evidence is loading meanwhile), checks the evidence, and scores it in the language
    /// <paramref name="language"/> asks for: the scorecard, or null when the definition, the evidence or the profile
    /// cannot be used, each problem printed on <paramref name="stderr"/>. Shared by <c>score</c> and <c>report</c>.
    /// </summary>
    internal static Scorecard? Score(string definition, string evidencePath, Task<LoadResult<SubjectEvidence>> evidenceLoad, string? profile, string? language, LoadOptions options, TextWriter stderr) =>
        Score(definition, evidencePath, evidenceLoad, profile, language, options, stderr, out _);

    /// <summary>As <see cref="Score(string, string, Task{LoadResult{SubjectEvidence}}, string?, string?, LoadOptions, TextWriter)"/>, with the system it was scored against (null when it could not be loaded).</summary>
    internal static Scorecard? Score(string definition, string evidencePath, Task<LoadResult<SubjectEvidence>> evidenceLoad, string? profile, string? language, LoadOptions options, TextWriter stderr, out IndicatorSystem? system)
    {
        (system, var definitionDiagnostics) = DefinitionLoader.Load(definition, options, OperandOrder);
        Print(definitionDiagnostics, stderr);
        if (system is null)
        {
            return null;
        }

        var evidenceResult = evidenceLoad.GetAwaiter().GetResult();
        if (evidenceResult.Value is not { } evidence)
        {
            Print(EvidenceFailure(evidencePath, evidenceResult.Diagnostics, options.MaxFileBytes), stderr);
            return null;
        }

        Print(evidenceResult.Diagnostics, stderr);
        WarnIfForAnotherSystem(evidencePath, system, options.MaxFileBytes, stderr);
        try
        {
            return CommonOptions.In(system.Score(evidence, profile), language);
        }
        catch (ScoringException e)
        {
            var diagnostic = e.Diagnostic;
            if (diagnostic.Code == DiagnosticCodes.UnknownProfile && profile is not null)
            {
                diagnostic = diagnostic with { Message = diagnostic.Message + Suggestions.DidYouMean(profile, system.Profiles.Select(p => p.Id)) };
            }

            Print([diagnostic], stderr);
            return null;
        }
    }

    /// <summary>The scorecard's errors (values that could not be used) on <paramref name="stderr"/>: the exit status of a command that wrote it.</summary>
    internal static int ExitStatus(Scorecard scorecard, TextWriter stderr)
    {
        // Values that could not be used (a string where a number belongs, NaN, out of range) fail only the
        // observation points that read them, and the scorecard shows them; they are still invalid input.
        var errors = scorecard.Diagnostics.Where(d => d.IsError).ToList();
        Print(errors, stderr);
        return errors.Count > 0 ? ExitCodes.InvalidInput : ExitCodes.Success;
    }

    /// <summary>The evidence's diagnostics; one plain line instead when the file is a definition given in its place.</summary>
    private static IReadOnlyList<Diagnostic> EvidenceFailure(string path, IReadOnlyList<Diagnostic> diagnostics, long maxBytes)
    {
        var fileLevel = diagnostics.Any(d => d.Code is DiagnosticCodes.FileNotFound or DiagnosticCodes.FileTooLarge or DiagnosticCodes.MalformedJson
            or DiagnosticCodes.ReadFailed or DiagnosticCodes.NotRegularFile or DiagnosticCodes.InvalidEncoding or DiagnosticCodes.NestedTooDeep);
        if (!fileLevel && JsonPeek.Read(path, maxBytes) is { LooksLikeDefinition: true })
        {
            return [new Diagnostic(DiagnosticCodes.SchemaViolation, DiagnosticSeverity.Error,
                "this file looks like an indicator system definition (it has \"indicators\" and no \"values\"), not evidence" + OperandOrder, path)];
        }

        return diagnostics;
    }

    /// <summary>Evidence names the system it was gathered for (informative); scoring it against another is allowed, and worth a warning.</summary>
    private static void WarnIfForAnotherSystem(string path, IndicatorSystem system, long maxBytes, TextWriter stderr)
    {
        if (JsonPeek.Read(path, maxBytes) is { System: { } named } peek && !string.Equals(named, system.Id, StringComparison.Ordinal))
        {
            stderr.WriteLine(SafeText.Line(
                $"{path}:{peek.SystemLine}:{peek.SystemColumn}: warning: this evidence names the system '{named}', but it is scored against '{system.Id}' (at /system)"));
        }
    }

    private static void Print(IEnumerable<Diagnostic> diagnostics, TextWriter stderr)
    {
        foreach (var diagnostic in diagnostics)
        {
            stderr.WriteLine(SafeText.Line(diagnostic.ToString()));
        }
    }
}
