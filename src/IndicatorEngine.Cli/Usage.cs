namespace IndicatorEngine.Cli;

/// <summary>The help texts. Kept together so that they read as one manual page.</summary>
internal static class Usage
{
    public const string Main = """
        indicator: score school evidence against indicator systems (指标体系)

        Usage:
          indicator validate FILE... [--format text|json] [--quiet] [--max-file-size BYTES]
                          [--plugins DIR]
          indicator score DEFINITION EVIDENCE [--profile ID] [--format table|json|markdown]
                          [--out FILE] [--max-file-size BYTES] [--plugins DIR]
          indicator COMMAND --help
          indicator --help | --version

        Commands:
          validate   Check indicator-system definition files: JSON syntax, schema and meaning.
          score      Score one subject's evidence against an indicator system.

        Options:
          -h, --help       Show help; after a command, that command's help.
              --version    Show the version.
              --verbose    Show the stack trace of an internal error (or set INDICATOR_DEBUG=1).

        Exit status: 0 done, 1 internal error, 2 invalid input or command line.
        Results go to standard output, errors to standard error.
        """;

    public const string Validate = """
        Usage: indicator validate FILE... [--format text|json] [--quiet] [--max-file-size BYTES]
                                  [--plugins DIR]

        Checks indicator-system definition files (and the files they extend): JSON syntax, the schema
        indicators/schema/indicator-system.schema.json, and meaning (unique ids, points that add up,
        declared evidence, overlays). Prints one line per problem:

          FILE:LINE:COL: error CODE: message (at /json/pointer)

        and "FILE: ok" for each valid file.

        Options:
          -f, --format FORMAT        text (default) or json: one JSON array of every diagnostic, with
                                     code, severity, message, file, pointer, line and column.
          -q, --quiet                Print problems only, no "FILE: ok" lines.
              --max-file-size BYTES  Largest file accepted (default 16m; suffixes k, m, g).
              --plugins DIR          Load the scorer plugins in DIR (every *.dll, and NAME/NAME.dll of
                                     each subfolder) for rules of type "plugin"; see docs/plugins.md.
              --verbose              Show the stack trace of an internal error.
          -h, --help                 Show this help.

        Exit status: 0 when nothing printed is an error (warnings allowed), 2 when any error was
        printed, about a file or about the plugins.
        """;

    public const string Score = """
        Usage: indicator score DEFINITION EVIDENCE [--profile ID] [--format table|json|markdown]
                               [--out FILE] [--max-file-size BYTES] [--plugins DIR]

        Scores one subject's evidence (a JSON file, see indicators/schema/evidence.schema.json) against an
        indicator system and prints the scorecard: every indicator's score and status, the total, the pass
        threshold and verdict, the grade, vetoes with their reasons, and missing evidence.

        DEFINITION is a definition file, or the id of a system shipped with the tool:
          {0}

        Options:
          -p, --profile ID           Score under this profile (school type) instead of the one the
                                     evidence names or the system's default.
          -f, --format FORMAT        table (default), json (see indicators/schema/result.schema.json)
                                     or markdown.
          -o, --out FILE             Write the scorecard to FILE (UTF-8) instead of standard output.
              --max-file-size BYTES  Largest input file accepted (default 16m; suffixes k, m, g).
              --plugins DIR          Load the scorer plugins in DIR (every *.dll, and NAME/NAME.dll of
                                     each subfolder) for rules of type "plugin"; see docs/plugins.md.
              --verbose              Show the stack trace of an internal error.
          -h, --help                 Show this help.

        Exit status: 0 when scored, whether or not the subject passes; 2 when the definition or the
        evidence is invalid or the profile unknown (diagnostics on standard error); 1 on an internal error.
        """;
}
