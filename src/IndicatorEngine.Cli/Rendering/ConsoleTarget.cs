using System.Globalization;
using Spectre.Console;

namespace IndicatorEngine.Cli.Rendering;

/// <summary>
/// What the scorecard table is written for. A terminal gets ANSI styles, and colour unless <c>NO_COLOR</c> is
/// set (or <c>TERM=dumb</c>), at the terminal's width. Anything else (a pipe, a file, <c>--out</c>, a test's
/// writer) gets plain text with no escape codes at all, no blanks at line ends, at a fixed width: the
/// <c>COLUMNS</c> environment variable when it holds a sensible number (40–1000), otherwise 120.
/// </summary>
internal sealed record ConsoleTarget(bool Ansi, bool Colour, int Width)
{
    public const int DefaultWidth = 120;

    /// <summary>Plain text at the width <c>COLUMNS</c> asks for, or 120.</summary>
    public static ConsoleTarget Plain(Func<string, string?>? environment = null) =>
        new(false, false, WidthFromColumns(environment ?? Environment.GetEnvironmentVariable) ?? DefaultWidth);

    /// <summary>For standard output: a terminal when it is not redirected.</summary>
    public static ConsoleTarget ForStandardOutput() => ForConsole(Console.IsOutputRedirected);

    /// <summary>For standard error (a batch's progress): a terminal when it is not redirected.</summary>
    public static ConsoleTarget ForStandardError() => ForConsole(Console.IsErrorRedirected);

    /// <summary>A terminal of the given width (else <c>COLUMNS</c>, else 120), honouring <c>NO_COLOR</c> and <c>TERM=dumb</c>.</summary>
    public static ConsoleTarget Terminal(int? width, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var columns = width ?? WidthFromColumns(environment) ?? DefaultWidth;
        if (string.Equals(environment("TERM"), "dumb", StringComparison.Ordinal))
        {
            return new ConsoleTarget(false, false, columns);
        }

        // https://no-color.org: present and not empty.
        var colour = string.IsNullOrEmpty(environment("NO_COLOR"));
        return new ConsoleTarget(true, colour, columns);
    }

    /// <summary>
    /// A Spectre console writing to <paramref name="writer"/> as this target says; interactive (live displays such as
    /// a progress bar) only when asked.
    /// </summary>
    public IAnsiConsole CreateConsole(TextWriter writer, bool interactive = false)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = Ansi ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = Colour ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),

            // This target has decided: Spectre's own guesses from the environment (GitHub Actions and Azure
            // Pipelines turn ANSI on) would put escape codes into redirected output.
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false },
        });
        console.Profile.Width = Width;
        return console;
    }

    private static ConsoleTarget ForConsole(bool redirected)
    {
        if (redirected)
        {
            return Plain();
        }

        int? width = null;
        try
        {
            width = Console.WindowWidth;
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException or InvalidOperationException)
        {
        }

        return Terminal(width is > 0 ? width.Value : null, Environment.GetEnvironmentVariable);
    }

    private static int? WidthFromColumns(Func<string, string?> environment) =>
        int.TryParse(environment("COLUMNS"), NumberStyles.None, CultureInfo.InvariantCulture, out var columns) && columns is >= 40 and <= 1000
            ? columns
            : null;
}
