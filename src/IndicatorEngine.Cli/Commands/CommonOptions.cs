using System.CommandLine;
using IndicatorEngine.Cli.CommandLine;
using IndicatorEngine.Cli.Rendering;

namespace IndicatorEngine.Cli.Commands;

/// <summary>Options more than one command takes, and what they turn into.</summary>
internal static class CommonOptions
{
    public static Option<long?> MaxFileSize() => new("--max-file-size")
    {
        Description = "Largest input file accepted (default 16m; suffixes k, m, g).",
        HelpName = "BYTES",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (ByteSize.TryParse(text, out var bytes))
            {
                return bytes;
            }

            result.AddError($"option '--max-file-size' needs a positive number of bytes (e.g. 1048576 or 16m), not '{SafeText.Line(text)}'");
            return null;
        },
    };

    /// <summary>
    /// <c>DEFINITION</c> (or another <paramref name="name"/>): a definition file, or the id of a shipped system (completed
    /// from the shipped ids). <paramref name="listedBelow"/> for a command whose help lists those ids.
    /// </summary>
    public static Argument<string> Definition(bool listedBelow = false, string name = "DEFINITION")
    {
        var argument = new Argument<string>(name)
        {
            HelpName = name,
            Description = "A definition file, or the id of a system shipped with the tool" + (listedBelow ? " (listed below)." : "."),
        };
        argument.CompletionSources.Add(_ => IndicatorSystem.ShippedIds);
        return argument;
    }

    /// <summary><c>EVIDENCE</c>: one subject's evidence file.</summary>
    public static Argument<string> Evidence() => new("EVIDENCE")
    {
        HelpName = "EVIDENCE",
        Description = "The subject's evidence, a JSON file (indicators/schema/evidence.schema.json).",
    };

    /// <summary><c>--profile ID</c> for one subject.</summary>
    public static Option<string?> Profile() => new("--profile", "-p")
    {
        Description = "Score under this profile (school type) instead of the one the evidence names or the system's default.",
        HelpName = "ID",
    };

    public static Option<string?> Plugins() => new("--plugins")
    {
        Description = "Load the scorer plugins in DIR (every *.dll, and NAME/NAME.dll of each subfolder) for rules of type \"plugin\". Plugins are trusted code: they run in this process with its rights, and only their exceptions and results are checked; see docs/plugins.md.",
        HelpName = "DIR",
    };

    /// <summary><c>--lang zh|en</c>: the language of a scorecard's words; without it, the system's own (zh unless its definition says en).</summary>
    public static Option<string?> Language()
    {
        string[] values = ["zh", "en"];
        var option = new Option<string?>("--lang")
        {
            Description = "Write the scorecard in zh (Chinese) or en (English): statuses, headings and explanations. Default: the system's language (zh for the shipped systems).",
            HelpName = "LANG",
        };
        option.CompletionSources.Add(values);
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string?>();
            if (value is not null && !values.Contains(value, StringComparer.Ordinal))
            {
                var typed = SafeText.Line(value);
                result.AddError($"unknown lang '{typed}'; use zh or en{Suggestions.DidYouMean(typed, values)}");
            }
        });
        return option;
    }

    /// <summary>The card in the language <c>--lang</c> asked for; as it is without the option.</summary>
    public static Scorecard In(Scorecard scorecard, string? language) =>
        language is null ? scorecard : scorecard.In(LanguageOf(language, scorecard.Language));

    /// <summary>The language <c>--lang</c> names (zh or en); <paramref name="fallback"/> without it.</summary>
    public static Language LanguageOf(string? language, Language fallback) => language switch
    {
        "en" => IndicatorEngine.Language.English,
        "zh" => IndicatorEngine.Language.Chinese,
        _ => fallback,
    };

    /// <summary><c>--format</c>/<c>-f</c> with the formats a command writes, the first being the default; a typo gets a suggestion.</summary>
    public static Option<string> Format(string description, params string[] formats) => Choice("--format", "-f", "FORMAT", description, formats);

    /// <summary>An option whose value is one of <paramref name="values"/> (the first is the default), completed from them; anything else is an error naming them.</summary>
    public static Option<string> Choice(string name, string? alias, string helpName, string description, params string[] values)
    {
        var option = alias is null ? new Option<string>(name) : new Option<string>(name, alias);
        option.Description = description;
        option.HelpName = helpName;
        option.DefaultValueFactory = _ => values[0];
        option.CompletionSources.Add(values);
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!values.Contains(value, StringComparer.Ordinal))
            {
                var typed = SafeText.Line(value);
                result.AddError($"unknown {name.TrimStart('-')} '{typed}'; use {string.Join(", ", values[..^1])} or {values[^1]}{Suggestions.DidYouMean(typed, values)}");
            }
        });
        return option;
    }

    /// <summary>As <see cref="Choice"/>, without a default: null when the option is not given.</summary>
    public static Option<string?> OptionalChoice(string name, string? alias, string helpName, string description, params string[] values)
    {
        var option = alias is null ? new Option<string?>(name) : new Option<string?>(name, alias);
        option.Description = description;
        option.HelpName = helpName;
        option.CompletionSources.Add(values);
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string?>();
            if (value is not null && !values.Contains(value, StringComparer.Ordinal))
            {
                var typed = SafeText.Line(value);
                result.AddError($"unknown {name.TrimStart('-')} '{typed}'; use {string.Join(", ", values[..^1])} or {values[^1]}{Suggestions.DidYouMean(typed, values)}");
            }
        });
        return option;
    }

    /// <summary><c>--encoding utf-8|gb18030</c> for CSV.</summary>
    public static Option<string> Encoding(string description) =>
        Choice("--encoding", null, "ENCODING", description + " utf-8 (with or without a byte order mark; the default) or gb18030 (which covers GBK and GB2312).", "utf-8", "gb18030");

    /// <summary>The encoding <c>--encoding</c> names: UTF-8 without a byte order mark, or GB18030.</summary>
    public static System.Text.Encoding TextEncoding(string? name) =>
        name == "gb18030" ? IndicatorEngine.Batch.BatchSource.Gb18030 : new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Each diagnostic on its own line, made safe for a terminal.</summary>
    public static void Print(IEnumerable<Diagnostic> diagnostics, TextWriter stderr)
    {
        foreach (var diagnostic in diagnostics)
        {
            stderr.WriteLine(SafeText.Line(diagnostic.ToString()));
        }
    }

    public static LoadOptions LoadOptions(long? maxFileSize) =>
        maxFileSize is { } size ? new LoadOptions { MaxFileBytes = size } : IndicatorEngine.LoadOptions.Default;

    /// <summary>
    /// <c>--plugins DIR</c>: the folder's scorer plugins added to the options; each problem loading them goes to
    /// stderr, and <paramref name="printedError"/> says whether any of them was an error (a missing folder, a
    /// plugin that cannot be loaded).
    /// </summary>
    public static LoadOptions WithPlugins(LoadOptions options, string? folder, TextWriter stderr, out bool printedError)
    {
        printedError = false;
        if (folder is null)
        {
            return options;
        }

        var scorers = new ScorerRegistry();
        foreach (var diagnostic in scorers.AddPlugins(folder))
        {
            stderr.WriteLine(SafeText.Line(diagnostic.ToString()));
            printedError |= diagnostic.IsError;
        }

        options.Scorers = scorers;
        return options;
    }
}
