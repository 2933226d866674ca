using System.CommandLine;
using IndicatorEngine.Cli.CommandLine;
using IndicatorEngine.Cli.Rendering;

namespace IndicatorEngine.Cli.Commands;

/// <summary><c>indicator explain DEFINITION EVIDENCE [--indicator ID]</c>: the full trace of how a node, or the whole card, got its score.</summary>
internal sealed class ExplainCommand
{
    public const string Summary = "Trace how one subject's scores came about: rules, values read, numbers, aggregation, vetoes, bounds.";

    private readonly SubjectOptions _subject = new();

    private readonly Option<string?> _indicator = new("--indicator", "-i")
    {
        Description = "Trace only this indicator or observation point (and the nodes below it); without it, the whole tree, the vetoes and the verdict.",
        HelpName = "ID",
    };

    private readonly Option<string> _format = CommonOptions.Format("text or json (its shape: docs/explain.md).", "text", "json");

    public ExplainCommand()
    {
        Command = _subject.Command("explain", Summary, _indicator, _format);
        Command.SetAction(Run);
    }

    public Command Command { get; }

    /// <summary>"no indicator 'x' in SYSTEM; near ids: a, b" — the ids closest to what was typed, by edit distance or because they contain it.</summary>
    internal static string UnknownIndicator(string typed, IndicatorSystem system)
    {
        var ids = system.Indicators.SelectMany(i => i.DescendantsAndSelf()).Select(i => i.Id).ToList();
        var near = Suggestions.Nearest(typed, ids)
            .Concat(ids.Where(id => id.Contains(typed, StringComparison.OrdinalIgnoreCase)))
            .Concat(ids.Where(id => Suggestions.Nearest(typed, [id[(id.LastIndexOf('.') + 1)..]]).Count > 0))
            .Distinct(StringComparer.Ordinal)
            .Take(5)
            .ToList();
        var hint = near.Count > 0
            ? $"; near ids: {string.Join(", ", near)}"
            : $"; the first-level ids are {string.Join(", ", system.Indicators.Select(i => i.Id))} (indicator score --format json lists every id)";
        return $"error: no indicator or observation point has the id '{SafeText.Line(typed)}' in {system.Id}{hint}";
    }

    private int Run(ParseResult parse)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;
        if (_subject.Score(parse, out var system, out _) is not { } scorecard)
        {
            return ExitCodes.InvalidInput;
        }

        var id = parse.GetValue(_indicator);
        if (id is not null && ScoreTrace.IndexOf(scorecard, id) < 0)
        {
            stderr.WriteLine($"{SafeText.Line(_subject.Definition(parse))}: {UnknownIndicator(id, system!)}");
            return ExitCodes.InvalidInput;
        }

        var text = parse.GetValue(_format) == "json" ? ScoreTrace.ToJson(scorecard, id) : ScoreTrace.ToText(scorecard, id);
        stdout.Write(SafeText.Document(text));
        stdout.Flush();
        return ScoreCommand.ExitStatus(scorecard, stderr);
    }
}
