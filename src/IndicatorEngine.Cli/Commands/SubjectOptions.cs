using System.CommandLine;

namespace IndicatorEngine.Cli.Commands;

/// <summary>
/// The operands and options of a command that scores one subject and then works on its scorecard (explain, gap, sheet):
/// DEFINITION, EVIDENCE, --profile, --lang, --max-file-size, --plugins, and the loading and scoring they mean.
/// </summary>
internal sealed class SubjectOptions
{
    private readonly Argument<string> _definition = CommonOptions.Definition(listedBelow: true);
    private readonly Argument<string> _evidence = CommonOptions.Evidence();
    private readonly Option<string?> _profile = CommonOptions.Profile();
    private readonly Option<string?> _lang = CommonOptions.Language();
    private readonly Option<long?> _maxFileSize = CommonOptions.MaxFileSize();
    private readonly Option<string?> _plugins = CommonOptions.Plugins();

    /// <summary>Adds the operands first and the options after <paramref name="own"/>, the command's own options.</summary>
    public Command Command(string name, string summary, params Option[] own)
    {
        var command = new Command(name, summary) { _definition, _evidence };
        foreach (var option in own.Concat<Option>([_profile, _lang, _maxFileSize, _plugins]))
        {
            command.Add(option);
        }

        return command;
    }

    /// <summary>The DEFINITION operand as typed.</summary>
    public string Definition(ParseResult parse) => parse.GetRequiredValue(_definition);

    /// <summary>The --profile given, or null.</summary>
    public string? Profile(ParseResult parse) => parse.GetValue(_profile);

    /// <summary>
    /// Loads both files and scores the subject as 'indicator score' does: the card (in the language --lang asks
    /// for), the system and the evidence; null after printing why on standard error.
    /// </summary>
    public Scorecard? Score(ParseResult parse, out IndicatorSystem? system, out SubjectEvidence? evidence)
    {
        var stderr = parse.InvocationConfiguration.Error;
        var options = CommonOptions.WithPlugins(CommonOptions.LoadOptions(parse.GetValue(_maxFileSize)), parse.GetValue(_plugins), stderr, out _);
        var evidencePath = parse.GetRequiredValue(_evidence);
        var evidenceLoad = Task.Run(() => SubjectEvidence.Load(evidencePath, options));
        var card = ScoreCommand.Score(Definition(parse), evidencePath, evidenceLoad, Profile(parse), parse.GetValue(_lang), options, stderr, out system);
        evidence = card is null ? null : evidenceLoad.Result.Value;
        return card;
    }
}
