using IndicatorEngine.Cli.Arguments;
using IndicatorEngine.Plugins;

namespace IndicatorEngine.Cli.Commands;

/// <summary>Options every command accepts, and what they turn into.</summary>
internal static class CommonOptions
{
    public static readonly OptionSpec Help = new("help", 'h');
    public static readonly OptionSpec Verbose = new("verbose");
    public static readonly OptionSpec MaxFileSize = new("max-file-size", ValueName: "BYTES");
    public static readonly OptionSpec Format = new("format", 'f', "FORMAT");
    public static readonly OptionSpec Plugins = new("plugins", ValueName: "DIR");

    public static LoadOptions LoadOptions(ParsedArguments args, string usage) =>
        args.Value(MaxFileSize.Name) is { } size
            ? new LoadOptions { MaxFileBytes = ArgumentParser.ParseSize(size, MaxFileSize.Name, usage) }
            : IndicatorEngine.LoadOptions.Default;

    /// <summary>
    /// <c>--plugins DIR</c>: the folder's scorer plugins added to the options; each problem loading them goes to
    /// stderr, and <paramref name="printedError"/> says whether any of them was an error (a missing folder, a
    /// plugin that cannot be loaded).
    /// </summary>
    public static LoadOptions WithPlugins(LoadOptions options, ParsedArguments args, TextWriter stderr, out bool printedError)
    {
        printedError = false;
        if (args.Value(Plugins.Name) is not { } folder)
        {
            return options;
        }

        var scorers = new ScorerRegistry();
        foreach (var diagnostic in scorers.AddPlugins(folder))
        {
            stderr.WriteLine(diagnostic.ToString());
            printedError |= diagnostic.IsError;
        }

        options.Scorers = scorers;
        return options;
    }

    public static string ChosenFormat(ParsedArguments args, string usage, params string[] formats)
    {
        var format = args.Value(Format.Name) ?? formats[0];
        return formats.Contains(format, StringComparer.Ordinal)
            ? format
            : throw new UsageException($"unknown format '{format}'; use {string.Join(" or ", formats)}", usage);
    }
}
