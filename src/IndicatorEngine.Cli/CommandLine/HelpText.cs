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
          indicator report henan-higher-vocational school.json --out card.html [--lang en]
          indicator report henan-higher-vocational --batch results.ndjson --out province.html
          indicator sheet henan-higher-vocational school.json --out sheet.xlsx
          indicator explain henan-higher-vocational school.json [--indicator ID] [--format json]
          indicator gap henan-higher-vocational school.json [--target 500 | --grade excellent]
          indicator generate henan-higher-vocational --count 1000 --seed 7 --out schools.ndjson
          indicator batch henan-higher-vocational schools.ndjson --out results.ndjson --summary summary.json
          indicator merge shard-1.json shard-2.json --out all.json
          indicator compare self.json expert.json [--format json|html --out FILE]
          indicator compare --batch old-results.ndjson new-results.ndjson [--top 20]
          indicator diff henan-higher-vocational edited.json [--replay-evidence schools.ndjson]
          indicator test henan-higher-vocational indicators/tests/henan-higher-vocational
          indicator schema evidence
          indicator COMMAND --help

        Exit status: 0 done, 1 internal error, 2 invalid input or command line (for batch: also any
        error record), 3 a test case failed (indicator test), 130 a batch stopped by Ctrl-C.
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

    public const string BatchNotes = """
        Scores every record of INPUT against the system on every core, in bounded memory, and writes
        exactly one NDJSON line per record to --out, in input order: a result (the result document cut to
        --detail, with "record", "rank" and "percentile", and "ranks" within the --rollup level), or an
        error record {"record", "id", "error": {"code", "message"}, "diagnostics"} naming the line (NDJSON)
        or row and column (CSV) and saying why. A malformed record fails alone. Lines follow
        indicators/schema/batch-line.schema.json.

        INPUT: NDJSON (one evidence document per line, UTF-8) or CSV (header
        id,name,profile,province,city,county,period then evidence keys; lists ;-separated; booleans
        true/false, 是/否, 1/0; an empty cell is a value not supplied), UTF-8 with or without a byte order
        mark, or GB18030 with --encoding gb18030. Details: docs/batch.md.

        Ranks: competition ranks by total (1, 2, 2, 4), vetoed schools after all others. Shards scored
        apart: run batch on each with --summary, 'indicator merge' the summaries, then run batch again
        on each shard with --ranks-from MERGED.json to give every line its rank among all shards.

        Progress goes to standard error: a bar on a terminal, a plain line every few seconds when
        redirected, nothing with --quiet. The summary (counts, mean, median, quartiles, grades, targets,
        and with --rollup each region) is printed as a table on standard output. --out (and --summary)
        are replaced only once complete: an error or Ctrl-C leaves them as they were.

        Exit status: 0 when every record was scored (whether or not the schools pass); 2 when any record
        was an error record (every other record is still scored and written), or when the definition,
        the input or an option cannot be used (nothing written); 130 when stopped by Ctrl-C; 1 on an
        internal error.
        """;

    public const string GenerateNotes = """
        Writes synthetic but realistic evidence for any system, drawn from its evidence catalogue: a spread
        of strong and weak schools (each school's strength drawn first, its values around it within their
        declared ranges), about 4% of schools with values left out, 1% with a value that cannot be used,
        3% triggering a veto; profiles from the system, regions from real Henan cities and counties, unique
        ids. The same DEFINITION, --count and --seed give the same bytes; NDJSON and CSV of one seed hold
        the same schools. CSV is written as 'indicator batch' reads it.

        Exit status: 0 done, 2 when the definition cannot be used or FILE cannot be written.
        """;

    public const string MergeNotes = """
        Merges summaries written by 'indicator batch --summary' for shards of one input into exactly the
        summary one run over all of them would give: counts, exact sums and histograms add up, and the
        median and quartiles are read off the merged histogram. Shards must not share school ids.
        Prints the summary table; --out writes the merged JSON, which merges again and which
        'indicator batch --ranks-from' ranks against.

        Exit status: 0 done; 2 when a file is missing, not a summary, or of another system.
        """;

    public const string CompareNotes = """
        Two results of one subject (self-assessment and expert, last year and this year), each written by
        'indicator score DEFINITION EVIDENCE --format json': every indicator and observation point both
        have, matched by id, with its old and new score and status, largest change first (by the absolute
        change, ties by id); then the totals, upper bounds, bar, verdict and grade, old -> new. Results of
        another system, version or subject are still compared by id, with a note saying so (and a warning
        on standard error). --format json is documented in docs/compare.md; --format html writes one
        self-contained page with a bar chart of the first-level changes.

        With --batch, OLD and NEW are the NDJSON results of 'indicator batch' (any --detail), read one line
        at a time: counts, then the largest rises and falls of the total, rank changes, subjects newly
        eligible and newly not eligible, subjects added and missing, --top N of each (default 20). Error
        records are counted, not compared; a line that is not a result stops with its file and line.

        Exit status: 0 done; 2 when a file is missing or not a result (its place named), or FILE cannot be
        written.
        """;

    public const string DiffNotes = """
        Says what changed between two versions of a definition (files or shipped ids; an overlay is
        compared as merged with what it extends), matched by id, one sentence each: indicators and
        observation points added, removed, moved (parent changed) or renamed; their points, weights and
        rules (a new rule type, or each setting: thresholds, targets, bands, checklist items, formulas);
        the pass bar and the indicators not applicable of each profile; grades; vetoes and their
        conditions; evidence keys; regional targets; the system's own settings. --format markdown for a
        review, json as docs/compare.md describes.

        --replay-evidence INPUT scores every school of a batch input (NDJSON or CSV, as 'indicator batch'
        reads it) under both versions with the batch runner, and adds how each school's total, verdict,
        grade and rank change, largest moves first (--top N, default 20), after the counts: how many
        newly pass and newly fail. A batch's results (--replay) carry scores, not evidence, so they
        cannot be replayed; the command says so.

        Exit status: 0 done (whether or not anything changed); 2 when a definition or the input cannot be
        used, --replay is given, or any record could not be scored under either version.
        """;

    public const string TestNotes = """
        Runs the author's test cases in TESTS_DIR against the definition: every *.json file directly in
        the folder is one case (indicators/schema/test-case.schema.json; keep evidence files it names in a
        subfolder). A case names its evidence (inline, or a path relative to the case) and what the
        scorecard must say: scores and statuses by id, total, totalUpperBound, verdict, grade, vetoes,
        undecidedVetoes. Prints PASS or FAIL per case, with each difference as "expected …, actual …",
        then "N passed, N failed". A case that cannot be run (malformed, unknown id) fails alone: ERROR on
        standard output, its problems on standard error as FILE:LINE:COL: error CODE: message (at /pointer).
        --junit FILE also writes JUnit XML for a CI system.

        Exit status: 0 when every case passed; 3 when any failed; 2 when any case could not be run, or the
        definition, the folder or the plugins cannot be used.
        """;

    public const string SchemaNotes = """
        Prints a JSON Schema the tool checks files against, as embedded in the library: definition
        (indicator-system.schema.json, the default), evidence, result, test-case or batch-line.
        Example: indicator schema test-case > test-case.schema.json

        Exit status: 0 done; 2 for an unknown name.
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

    public static string ReportNotes => $"""
        Scores one subject's evidence as 'indicator score' does and writes its scorecard as one HTML page
        that works offline (no request leaves it; fonts from the system): the verdict, the bar and the
        bounds of the total, the grade and vetoes; a radar chart of the first-level indicators and a bar
        chart of the second level (score ÷ points, drawn by Apache ECharts, inlined with its licence); the
        missing evidence as a to-do list, most points at stake first; every observation point with its
        score, status and explanation under its indicators; with --plan, the improvement plan
        'indicator gap' works out for the default target. It prints on A4.

        With --batch RESULTS instead of EVIDENCE: a province report of the NDJSON results 'indicator batch'
        wrote (read one line at a time): the counts and statistics, a histogram of the totals with the bar
        marked, the grades, each first-level indicator's and each city's rates as charts, the weakest
        indicators (lowest mean share of points), the roll-up by city and county with the targets met or
        missed, and the ranking, sortable by column and filterable by city. Targets that read evidence need
        --summary SUMMARY, the summary the same batch wrote. A line that is not a result or error record of
        the system is an error naming its line (IE505).

          indicator batch henan-higher-vocational schools.ndjson --out results.ndjson --summary summary.json
          indicator report henan-higher-vocational --batch results.ndjson --summary summary.json --out province.html

        Shipped systems (DEFINITION may be one of these ids):
          {DefinitionLoader.ShippedList}

        FILE is replaced only once complete: an error leaves it as it was.

        Exit status: as for 'indicator score': 0 when written, whether or not the subject passes; 2 when
        the definition or the evidence is invalid, the profile unknown or FILE cannot be written, and also
        when the scorecard has errors (the page is still written, each error printed on standard error);
        1 on an internal error. With --batch: 0 when written, 2 when the definition, the results or the
        summary cannot be used or FILE cannot be written.
        """;

    public static string SheetNotes => $"""
        Scores one subject's evidence as 'indicator score' does and writes its score sheet in the layout of
        the published self-assessment form (自评表): first-level indicator and its points, second-level
        indicator and its points, observation point, its id, design points, the school's self-score (from
        the evidence's "selfScores"), the verified score (the computed one) and a note (the explanation, or
        why the point is open); one row per observation point, then a total row with the verdict.

        Formats (from FILE's extension, or --format):
          xlsx  an Excel workbook: a title row, the header, level cells merged over their points' rows,
                numbers as numbers, columns wide enough for Chinese, A4 landscape
          csv   UTF-8 with a byte order mark, CRLF, RFC 4180 quoting; the level cells repeated on every row

        Shipped systems (DEFINITION may be one of these ids):
          {DefinitionLoader.ShippedList}

        FILE is replaced only once complete: an error leaves it as it was.

        Exit status: as for 'indicator score': 0 when written, whether or not the subject passes; 2 when
        the definition or the evidence is invalid, the profile unknown, the format unknown or FILE cannot
        be written, and also when the scorecard has errors (the sheet is still written, each error printed
        on standard error); 1 on an internal error.
        """;

    public static string ExplainNotes => $"""
        Scores one subject's evidence as 'indicator score' does and prints how every number came about,
        top-down: for each observation point its rule as the definition writes it, every value it read
        (key, title, value), the engine's own line with the intermediate numbers, a result clamped into
        0..points, and the score and status; for each indicator its aggregation (sum with its cap,
        weighted mean with each part's weight, or formula), its parts' scores and extension items; then
        every veto with its condition, the values it read and whether it fired; then the total's lower
        and upper bounds, the bar, the verdict and the grade. With --indicator ID only that node and the
        nodes below it. An unknown ID is an error that lists the ids nearest to it.

        Shipped systems (DEFINITION may be one of these ids):
          {DefinitionLoader.ShippedList}

        Exit status: as for 'indicator score': 0 when traced, 2 on invalid input (also an unknown
        --indicator, or a scorecard with errors: the trace is still printed), 1 on an internal error.
        """;

    public static string GapNotes => $"""
        Works out what the subject must change in its evidence to reach a target: by default the
        profile's pass bar, and for a subject that passes already the next grade above its own; or
        --target POINTS, or --grade ID. Vetoes come first (a fired veto must be cleared, an undecided
        one needs its evidence). Then every candidate set of changes is scored again by the engine
        itself (caps, weighted means, extension items), smallest sets first, and the fewest changes
        that reach the target are listed (then those with the fewest points beyond it). The search
        is bounded (--search-limit): past the bound the best set found is reported as such. Below the
        plan, every observation point that can earn more, with the change that earns its next points
        (worked out from its rule; a formula by bisection where it is monotone in an input; a manual
        point needs an expert's score).

        Shipped systems (DEFINITION may be one of these ids):
          {DefinitionLoader.ShippedList}

        Exit status: 0 when the plan was worked out (whether the target is met, reachable or not);
        2 on invalid input (an unknown grade, --target with --grade, a scorecard with errors: the plan
        is still printed); 1 on an internal error.
        """;
}
