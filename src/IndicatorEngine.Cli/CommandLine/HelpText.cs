using IndicatorEngine.Cli.Commands;

namespace IndicatorEngine.Cli.CommandLine;

/// <summary>
/// What each help page says after System.CommandLine's description, usage, arguments and options: the longer
/// explanation, the formats, and the exit status. Kept together so that it reads as one manual page.
/// </summary>
internal static class HelpText
{
    public const string Root = """
        Examples:
          indicator validate FILE...
          indicator score DEFINITION EVIDENCE [--view compact] [--format json|markdown] [--out FILE]
          indicator score henan-higher-vocational school.json
          indicator COMMAND --help

        Exit status: 0 done, 1 internal error, 2 invalid input or command line.
        Results go to standard output; errors and warnings to standard error.
        Shell completion: eval "$(indicator completion bash)" (see indicator completion --help).
        """;

    public const string ValidateNotes = """
        Checks indicator-system definition files (and the files they extend): JSON syntax, the schema
        indicators/schema/indicator-system.schema.json, and meaning (unique ids, points that add up,
        declared evidence, overlays). A FILE that does not exist but is the id of a shipped system checks
        that system. Prints one line per problem,

          FILE:LINE:COL: error CODE: message (at /json/pointer)

        and "FILE: ok" for each valid file.

        Exit status: 0 when nothing printed is an error (warnings allowed), 2 when any error was
        printed, about a file or about the plugins.
        """;

    public static string ScoreNotes => $"""
        Scores one subject's evidence (a JSON file, see indicators/schema/evidence.schema.json) against an
        indicator system and prints the scorecard: every indicator's score and status, the total, the pass
        threshold and verdict, the grade, vetoes with their reasons, and missing evidence.

        Shipped systems (DEFINITION may be one of these ids):
          {DefinitionLoader.ShippedList}

        The table: the full view lists every observation point under its indicators (first level, second
        level, ...) with its score, status and one-line explanation; --view compact shows only the first two
        levels. On a terminal it is coloured (not with NO_COLOR set) and as wide as the terminal (at least
        as wide as its columns need); redirected or written with --out, it is plain text 120 columns wide
        (or $COLUMNS). Control characters and
        bidirectional controls from the evidence are shown as escapes such as \u202E, in every format.

        Evidence whose "system" names another system than DEFINITION is scored, with a warning on
        standard error.

        Exit status: 0 when scored, whether or not the subject passes; 2 when the definition or the
        evidence is invalid or the profile unknown (nothing on standard output), and also when the scorecard
        has errors, such as a value of the wrong type, not finite or out of range: the scorecard is still
        printed, and each error is printed on standard error as
          FILE:LINE:COL: error CODE: message (at /pointer)
        1 on an internal error.
        """;
}
