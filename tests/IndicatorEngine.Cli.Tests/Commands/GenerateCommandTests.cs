namespace IndicatorEngine.Cli.Tests.Commands;

/// <summary><c>indicator generate</c>: the same seed gives the same bytes, on standard output or in a file.</summary>
public class GenerateCommandTests
{
    [Fact]
    public void SameSeed_SameBytes_DifferentSeed_DifferentBytes()
    {
        var first = Cli.Run("generate", "henan-secondary-vocational", "--count", "40", "--seed", "3");
        var again = Cli.Run("generate", "henan-secondary-vocational", "--count", "40", "--seed", "3");
        var other = Cli.Run("generate", "henan-secondary-vocational", "--count", "40", "--seed", "4");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(40, first.StdoutLines.Length);
        Assert.Equal(first.Stdout, again.Stdout);
        Assert.NotEqual(first.Stdout, other.Stdout);
        Assert.Contains("\"profile\":\"secondary-vocational\"", first.Stdout, StringComparison.Ordinal);
        Assert.Equal("", first.Stderr);
    }

    [Fact]
    public void File_HoldsWhatStandardOutputGets_AndCsvHasTheBatchHeader()
    {
        using var temp = new Testing.TempFolder();
        var stdout = Cli.Run("generate", "national-benchmark-monitoring", "-n", "25", "--format", "csv");
        Assert.Equal(0, Cli.Run("generate", "national-benchmark-monitoring", "-n", "25", "--out", temp.File("s.csv")).ExitCode);

        Assert.Equal(stdout.Stdout, File.ReadAllText(temp.File("s.csv")));
        Assert.StartsWith("id,name,profile,province,city,county,period,", stdout.Stdout, StringComparison.Ordinal);
        Assert.Equal(26, stdout.StdoutLines.Length);
    }

    [Theory]
    [InlineData("--count=-1", null, "option '--count' needs 0 or more schools")]
    [InlineData("--format", "xml", "unknown format 'xml'")]
    [InlineData("--encoding", "gb18030", "NDJSON is always UTF-8")]
    public void Mistakes_GiveAClearMessage(string option, string? value, string expected)
    {
        var result = value is null ? Cli.Run("generate", "henan-higher-vocational", option) : Cli.Run("generate", "henan-higher-vocational", "--count", "3", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }
}
