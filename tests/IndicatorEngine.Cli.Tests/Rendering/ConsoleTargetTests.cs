using IndicatorEngine.Cli.Rendering;

namespace IndicatorEngine.Cli.Tests.Rendering;

/// <summary>Styles and colour on a terminal only; NO_COLOR and TERM=dumb honoured; redirected output plain, at a fixed width.</summary>
public class ConsoleTargetTests
{
    private static readonly string[] Score = ["score", "henan-higher-vocational", RepoPaths.Sample("vetoed")];

    private static Func<string, string?> Environment(params (string Name, string? Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Terminal_IsStyledAndColoured()
    {
        var result = Cli.RunFor(ConsoleTarget.Terminal(120, Environment()), Score);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\u001b[1m", result.Stdout, StringComparison.Ordinal); // bold
        Assert.Matches(@"\u001b\[(3[0-7]|9[0-7])m", result.Stdout); // a foreground colour (green, red …)
    }

    [Fact]
    public void Terminal_WithNoColor_HasNoColourCodes()
    {
        var target = ConsoleTarget.Terminal(120, Environment(("NO_COLOR", "1")));

        var result = Cli.RunFor(target, Score);

        Assert.False(target.Colour);
        Assert.DoesNotMatch(@"\u001b\[([0-9]+;)*(3[0-8]|9[0-7]|4[0-8])(;[0-9]+)*m", result.Stdout);
        Assert.Contains("申报条件 ", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Terminal_WithAnEmptyNoColor_IsColoured()
    {
        Assert.True(ConsoleTarget.Terminal(120, Environment(("NO_COLOR", ""))).Colour);
    }

    [Fact]
    public void DumbTerminal_IsPlain()
    {
        Assert.Equal(new ConsoleTarget(false, false, 100), ConsoleTarget.Terminal(100, Environment(("TERM", "dumb"))));
    }

    [Theory]
    [InlineData(null, 120)]
    [InlineData("160", 160)]
    [InlineData("80", 80)]
    [InlineData("10", 120)] // too narrow to be meant
    [InlineData("wide", 120)]
    public void Plain_IsAsWideAsColumnsSays_Or120(string? columns, int expected)
    {
        Assert.Equal(new ConsoleTarget(false, false, expected), ConsoleTarget.Plain(Environment(("COLUMNS", columns))));
    }

    [Fact]
    public void Redirected_HasNoEscapeCodes_AndKeepsToItsWidth()
    {
        var narrow = Cli.RunFor(new ConsoleTarget(false, false, 100), Score);
        var wide = Cli.RunFor(new ConsoleTarget(false, false, 160), Score);

        Assert.DoesNotContain('\u001b', narrow.Stdout);
        Assert.All(narrow.StdoutLines, l => Assert.True(TerminalWidth.Of(l) <= 100, $"wider than 100: |{l}|"));
        Assert.Contains(wide.StdoutLines, l => TerminalWidth.Of(l) > 120);
        Assert.True(narrow.StdoutLines.Length > wide.StdoutLines.Length, "explanations wrap less in a wider table");
    }

    [Fact]
    public void Out_IsPlain_EvenFromATerminal()
    {
        using var temp = Cli.TempFolder();
        var file = Path.Combine(temp.Path, "card.txt");

        var result = Cli.RunFor(ConsoleTarget.Terminal(200, Environment()), [.. Score, "--out", file]);

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain('\u001b', File.ReadAllText(file));
    }

    [Theory]
    [InlineData("GITHUB_ACTIONS", "true")]
    [InlineData("TF_BUILD", "True")]
    public void Redirected_InACiJob_HasNoEscapeCodes(string variable, string value)
    {
        // The tool itself, in a process of its own whose environment says it runs in GitHub Actions or Azure
        // Pipelines (where Spectre.Console would turn ANSI on by itself), its output read through a pipe.
        var tool = Path.Combine(AppContext.BaseDirectory, "indicator.dll");

        var stdout = Testing.DotnetCommand.RunProgram(RepoPaths.Root, new Dictionary<string, string> { [variable] = value }, null, [tool, .. Score]);

        Assert.Contains("申报条件", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', stdout);
    }

    [Theory]
    [InlineData(40, "full")]
    [InlineData(40, "compact")]
    [InlineData(10, "full")]
    [InlineData(1, "compact")]
    public async Task ANarrowConsole_GetsATableAsWideAsItsColumnsNeed_WithoutHanging(int width, string view)
    {
        // Spectre.Console 0.57 never finishes balancing a table too wide for its console; the table never asks it
        // to. A hang fails here with a TimeoutException after 30 s.
        var result = await Task.Run(() => Cli.RunFor(new ConsoleTarget(width > 20, false, width), [.. Score, "--view", view]))
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, result.ExitCode);
        var rows = result.StdoutLines.Select(l => System.Text.RegularExpressions.Regex.Replace(l, @"\u001b\[[0-9;]*m", ""))
            .Where(l => l.Contains(" / ", StringComparison.Ordinal)).ToList();
        Assert.True(rows.Count > 20, result.Stdout);
        Assert.Single(rows.Select(l => TerminalWidth.Of(l[..l.IndexOf(" / ", StringComparison.Ordinal)])).Distinct());
    }
}
