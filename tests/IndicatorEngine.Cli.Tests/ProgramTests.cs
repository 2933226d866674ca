using System.Text;

namespace IndicatorEngine.Cli.Tests;

public class ProgramTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public void Help_PrintsUsageToStdout(string flag)
    {
        var result = Cli.Run(flag);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("indicator validate FILE...", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("indicator score DEFINITION EVIDENCE", result.Stdout, StringComparison.Ordinal);
        Assert.Equal("", result.Stderr);
    }

    [Theory]
    [InlineData("validate", "Usage:\n  indicator validate <FILE>... [options]")]
    [InlineData("score", "Usage:\n  indicator score <DEFINITION> <EVIDENCE> [options]")]
    [InlineData("completion", "Usage:\n  indicator completion <SHELL> [options]")]
    public void CommandHelp_PrintsThatCommandsUsage(string command, string expected)
    {
        var result = Cli.Run(command, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Description:\n", result.Stdout, StringComparison.Ordinal); // System.CommandLine's layout
        Assert.Contains(expected, result.Stdout, StringComparison.Ordinal);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void ScoreHelp_NamesTheShippedSystems()
    {
        var result = Cli.Run("score", "-h");

        Assert.Contains("henan-higher-vocational, henan-secondary-vocational, national-benchmark-monitoring", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_PrintsTheVersion()
    {
        var result = Cli.Run("--version");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^indicator \d+\.\d+\.\d+\S*\n$", result.Stdout);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("--frobnicate")]
    [InlineData("-x")]
    public void UnknownCommandOrOption_PrintsUsageToStderr_AndExitsTwo(string arg)
    {
        var result = Cli.Run(arg);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.StartsWith("indicator: unknown ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Usage:", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void NoArguments_PrintsUsageToStderr_AndExitsTwo()
    {
        var result = Cli.Run();

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Usage:", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void InternalError_IsExitOne_WithAOneLineMessage_AndNoStackTrace()
    {
        using var stderr = new StringWriter();

        var code = Program.Run(["score", RepoPaths.HenanHigher, RepoPaths.Sample("passing")], new BrokenWriter(), stderr);

        Assert.Equal(1, code);
        Assert.Equal("internal error: the disk is full" + Environment.NewLine, stderr.ToString());
    }

    [Fact]
    public void InternalError_WithVerbose_AddsTheStackTrace()
    {
        using var stderr = new StringWriter();

        var code = Program.Run(["score", RepoPaths.HenanHigher, RepoPaths.Sample("passing"), "--verbose"], new BrokenWriter(), stderr);

        Assert.Equal(1, code);
        Assert.StartsWith("internal error: the disk is full", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("   at ", stderr.ToString(), StringComparison.Ordinal);
    }

    public static TheoryData<string[]> ErrorCases => new()
    {
        new[] { "frobnicate" },
        new[] { "score" },
        new[] { "score", "--format", "pdf", "a", "b" },
        new[] { "score", "no-such.json", "no-such-evidence.json" },
        new[] { "score", "henan-higher-vocational", "no-such-evidence.json" },
        new[] { "score", "henan-higher-vocational", "SAMPLE", "--profile", "nope" },
        new[] { "validate", "no-such.json" },
        new[] { "validate", "--format", "xml", "x.json" },
        new[] { "validate", "-f", "json", "no-such.json" },
    };

    [Theory]
    [MemberData(nameof(ErrorCases))]
    public void ErrorCases_ExitTwo_WithoutAStackTrace(string[] args)
    {
        var result = Cli.Run(args.Select(a => a == "SAMPLE" ? RepoPaths.Sample("passing") : a).ToArray());

        Assert.Equal(2, result.ExitCode);
        Assert.False(result.HasStackTrace, result.ToString());
        Assert.DoesNotContain("Exception", result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>A stdout that fails the way a full disk or a closed pipe does.</summary>
    private sealed class BrokenWriter : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => throw new IOException("the disk is full");

        public override void Write(string? value) => throw new IOException("the disk is full");

        public override void Flush()
        {
        }
    }
}
