namespace IndicatorEngine.Cli.Tests.CommandLine;

/// <summary>What System.CommandLine brings, as the tool shows it: suggestions, errors on stderr with exit 2, completion.</summary>
public class CommandLineTests
{
    [Theory]
    [InlineData("scor", "indicator: unknown command 'scor'; did you mean score?")]
    [InlineData("valdiate", "indicator: unknown command 'valdiate'; did you mean validate?")]
    [InlineData("frobnicate", "indicator: unknown command 'frobnicate'; the commands are validate, score, report, sheet, explain, gap, batch, generate, merge, compare, diff, test, schema, completion")]
    public void UnknownCommand_SuggestsTheNearest(string command, string expected)
    {
        var result = Cli.Run(command, "x.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal(expected, result.StderrLines[0]);
        Assert.Contains("Usage: indicator [command] [options]", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--fromat", "did you mean --format?")]
    [InlineData("--veiw", "did you mean --view?")]
    public void UnknownOption_SuggestsTheNearest(string option, string expected)
    {
        var result = Cli.Run("score", "henan-higher-vocational", RepoPaths.Sample("passing"), option, "json");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.StartsWith($"indicator: unknown option '{option}'; {expected}", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Usage: indicator score <DEFINITION> <EVIDENCE> [options]", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownOption_AmongFiles_IsAnError_NotAFileName()
    {
        var result = Cli.Run("validate", "--frobnicate", RepoPaths.HenanHigher);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.StartsWith("indicator: unknown option '--frobnicate'", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void AfterDoubleDash_ADashedNameIsAFile()
    {
        var result = Cli.Run("validate", "--", "-x.json");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("-x.json: error IE001: ", Assert.Single(result.StdoutLines), StringComparison.Ordinal);
    }

    [Fact]
    public void AnAtSign_IsAFileName_NotAResponseFile()
    {
        var result = Cli.Run("validate", "@no-such.json");

        Assert.StartsWith("@no-such.json: error IE001: ", Assert.Single(result.StdoutLines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--format", "jsno", "indicator: unknown format 'jsno'; use table, json or markdown; did you mean json?")]
    [InlineData("--view", "detailed", "indicator: unknown view 'detailed'; use full or compact")]
    [InlineData("--lang", "cn", "indicator: unknown lang 'cn'; use zh or en; did you mean en?")]
    public void UnknownValue_NamesTheChoices(string option, string value, string expected)
    {
        var result = Cli.Run("score", "henan-higher-vocational", RepoPaths.Sample("passing"), option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(expected, result.StderrLines[0]);
    }

    [Fact]
    public void Equals_And_Colon_SpellingsOfOptionValues_Work()
    {
        var result = Cli.Run("score", "henan-higher-vocational", RepoPaths.Sample("passing"), "--format=json", "--view:compact");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("{", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("help", "score", "Usage:\n  indicator score <DEFINITION> <EVIDENCE> [options]")]
    [InlineData("help", "validate", "Usage:\n  indicator validate <FILE>... [options]")]
    [InlineData("help", null, "Commands:")]
    public void HelpCommand_IsTheSameAsHelpOption(string help, string? topic, string expected)
    {
        var result = topic is null ? Cli.Run(help) : Cli.Run(help, topic);
        var option = topic is null ? Cli.Run("--help") : Cli.Run(topic, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(expected, result.Stdout, StringComparison.Ordinal);
        Assert.Equal(option.Stdout, result.Stdout);
    }

    [Fact]
    public void HelpCommand_ForAnUnknownCommand_SuggestsOne()
    {
        var result = Cli.Run("help", "scor");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("indicator: unknown command 'scor'; did you mean score?", result.StderrLines[0]);
    }

    [Fact]
    public void Help_WorksOnEveryCommand_AndNeverTouchesFiles()
    {
        foreach (var command in new[] { "validate", "score", "completion" })
        {
            foreach (var flag in new[] { "--help", "-h", "-?" })
            {
                var result = Cli.Run(command, flag);
                Assert.True(result.ExitCode == 0 && result.Stderr == "", $"{command} {flag}: {result}");
                Assert.Contains("Options:", result.Stdout, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Completion_OffersShippedIds_ForTheDefinition()
    {
        const string line = "indicator score henan-";
        var result = Cli.Run($"[suggest:{line.Length}]", line);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["henan-higher-vocational", "henan-secondary-vocational"], result.StdoutLines);
    }

    [Theory]
    [InlineData("indicator score a b --format ", new[] { "json", "markdown", "table" })]
    [InlineData("indicator score a b --view ", new[] { "compact", "full" })]
    [InlineData("indicator sc", new[] { "schema", "score" })]
    [InlineData("indicator score a b --fo", new[] { "--format" })]
    public void Completion_OffersCommandsOptionsAndValues(string line, string[] expected)
    {
        var result = Cli.Run($"[suggest:{line.Length}]", line);

        Assert.Equal(expected, result.StdoutLines);
    }

    [Theory]
    [InlineData("bash")]
    [InlineData("zsh")]
    public void CompletionScript_AsksTheSuggestDirective(string shell)
    {
        var result = Cli.Run("completion", shell);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("indicator \"[suggest:${COMP_POINT}]\" \"${COMP_LINE}\"", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("complete -o default -o bashdefault -F _indicator_complete indicator", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(shell == "zsh", result.Stdout.Contains("bashcompinit", StringComparison.Ordinal));
    }

    [Fact]
    public void CompletionScript_ForAnUnknownShell_IsAUsageError()
    {
        var result = Cli.Run("completion", "fish");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("indicator: unknown shell 'fish'", result.Stderr, StringComparison.Ordinal);
    }
}
