using System.CommandLine;
using IndicatorEngine.Cli.CommandLine;
using IndicatorEngine.Cli.Rendering;

namespace IndicatorEngine.Cli.Commands;

/// <summary><c>indicator gap DEFINITION EVIDENCE [--target POINTS | --grade ID]</c>: the fewest evidence changes that reach a target, and each point's headroom.</summary>
internal sealed class GapCommand
{
    public const string Summary = "Work out the fewest evidence changes that reach the pass bar, a grade or a total, and what earns each point more.";

    private readonly SubjectOptions _subject = new();

    private readonly Option<decimal?> _target = new("--target", "-t")
    {
        Description = "Aim at a total of at least POINTS.",
        HelpName = "POINTS",
        CustomParser = result => Parse(result, "--target", "0 or more points (e.g. 500)", 0m) is { } points ? points : null,
    };

    private readonly Option<string?> _grade = new("--grade", "-g")
    {
        Description = "Aim at the lowest total of this grade of the profile (e.g. excellent).",
        HelpName = "ID",
    };

    private readonly Option<string> _format = CommonOptions.Format("text, markdown or json (its shape: docs/gap.md).", "text", "markdown", "json");

    private readonly Option<int> _searchLimit = new("--search-limit")
    {
        Description = "Score at most N candidate sets of changes; past it the best set found is reported as such.",
        HelpName = "N",
        DefaultValueFactory = _ => GapAnalysis.DefaultSearchLimit,
        CustomParser = result => Parse(result, "--search-limit", "a whole number of sets, 1 or more", 1m) is { } limit && limit == decimal.Truncate(limit) && limit <= int.MaxValue
            ? (int)limit
            : Fail(result, "--search-limit", "a whole number of sets, 1 or more"),
    };

    public GapCommand()
    {
        Command = _subject.Command("gap", Summary, _target, _grade, _format, _searchLimit);
        Command.Validators.Add(result =>
        {
            if (result.GetResult(_target) is not null && result.GetResult(_grade) is not null)
            {
                result.AddError("give --target POINTS or --grade ID, not both");
            }
        });
        Command.SetAction(Run);
    }

    public Command Command { get; }

    /// <summary>The option's number (invariant, at least <paramref name="least"/>), or null after adding an error that says what it needs.</summary>
    private static decimal? Parse(System.CommandLine.Parsing.ArgumentResult result, string name, string needs, decimal least)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= least)
        {
            return value;
        }

        Fail(result, name, needs);
        return null;
    }

    private static int Fail(System.CommandLine.Parsing.ArgumentResult result, string name, string needs)
    {
        if (result.Errors.Count() == 0)
        {
            result.AddError($"option '{name}' needs {needs}, not '{SafeText.Line(result.Tokens.Count > 0 ? result.Tokens[0].Value : "")}'");
        }

        return 0;
    }

    private int Run(ParseResult parse)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;
        if (_subject.Score(parse, out var system, out var evidence) is not { } scorecard)
        {
            return ExitCodes.InvalidInput;
        }

        var target = parse.GetValue(_target) is { } points ? ImprovementTarget.ForPoints(points)
            : parse.GetValue(_grade) is { } grade ? ImprovementTarget.ForGrade(grade)
            : ImprovementTarget.Default;
        if (target.GradeId is { } id && system!.FindProfile(scorecard.Subject.Profile) is { } scoredProfile && scoredProfile.Grades.All(g => g.Id != id))
        {
            var grades = scoredProfile.Grades.Select(g => g.Id).ToList();
            stderr.WriteLine(SafeText.Line($"{_subject.Definition(parse)}: error: profile '{scoredProfile.Id}' has no grade '{id}'; its grades are {string.Join(", ", grades)}{Suggestions.DidYouMean(id, grades)}"));
            return ExitCodes.InvalidInput;
        }

        var plan = GapAnalysis.Plan(system!, evidence!, target, _subject.Profile(parse), parse.GetValue(_searchLimit));
        var language = scorecard.Language;
        var text = parse.GetValue(_format) switch
        {
            "json" => plan.ToJson(),
            "markdown" => plan.ToMarkdown(language),
            _ => plan.ToText(language),
        };
        stdout.Write(SafeText.Document(text));
        stdout.Flush();
        return ScoreCommand.ExitStatus(scorecard, stderr);
    }
}
