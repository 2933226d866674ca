namespace IndicatorEngine.Cli.Tests.Commands;

/// <summary>Shipped ids wherever a definition goes, suggestions for near misses, and files given in the wrong place.</summary>
public class DefinitionArgumentTests
{
    [Fact]
    public void Validate_AcceptsShippedIds_AsScoreDoes()
    {
        var result = Cli.Run("validate", "henan-higher-vocational", "henan-secondary-vocational", "national-benchmark-monitoring");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            ["henan-higher-vocational: ok", "henan-secondary-vocational: ok", "national-benchmark-monitoring: ok"],
            result.StdoutLines);
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("score")]
    public void UnknownId_SuggestsTheNearestShippedSystem(string command)
    {
        string[] args = command == "score" ? ["score", "henan-higher-vocatonal", RepoPaths.Sample("passing")] : ["validate", "henan-higher-vocatonal"];

        var result = Cli.Run(args);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(command == "score" ? result.StderrLines : result.StdoutLines);
        Assert.StartsWith("henan-higher-vocatonal: error IE001: ", line, StringComparison.Ordinal);
        Assert.EndsWith("did you mean henan-higher-vocational?", line, StringComparison.Ordinal);
    }

    [Fact]
    public void AmbiguousId_SuggestsEveryCandidate()
    {
        var result = Cli.Run("validate", "henan");

        Assert.EndsWith("did you mean henan-higher-vocational or henan-secondary-vocational?", Assert.Single(result.StdoutLines), StringComparison.Ordinal);
    }

    [Fact]
    public void FarFromAnyId_ListsTheShippedSystems()
    {
        var result = Cli.Run("validate", "kindergarten");

        Assert.Contains("henan-higher-vocational, henan-secondary-vocational, national-benchmark-monitoring", Assert.Single(result.StdoutLines), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EvidenceFile_SaysItLooksLikeEvidence()
    {
        var sample = RepoPaths.Sample("passing");

        var result = Cli.Run("validate", sample);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"{sample}: error IE004: this file looks like evidence (it has \"values\" and no \"indicators\"), not an indicator system definition",
            Assert.Single(result.StdoutLines));
    }

    [Fact]
    public void Score_SwappedOperands_SaysWhichIsWhich()
    {
        var sample = RepoPaths.Sample("passing");

        var result = Cli.Run("score", sample, RepoPaths.HenanHigher);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        var line = Assert.Single(result.StderrLines);
        Assert.StartsWith($"{sample}: error IE004: this file looks like evidence", line, StringComparison.Ordinal);
        Assert.EndsWith("not an indicator system definition; score takes DEFINITION first, then EVIDENCE", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_DefinitionGivenAsEvidence_SaysSo()
    {
        var result = Cli.Run("score", "henan-higher-vocational", RepoPaths.HenanHigher);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("looks like an indicator system definition", Assert.Single(result.StderrLines), StringComparison.Ordinal);
    }

    [Fact]
    public void EvidenceForAnotherSystem_IsScored_WithAWarningWhereItSaysSo()
    {
        var sample = File.ReadAllText(RepoPaths.Sample("passing"));
        using var temp = Cli.TempFolder();
        var file = temp.Write("evidence.json", sample.Replace("\"system\": \"henan-higher-vocational\"", "\"system\": \"national-benchmark-monitoring\"", StringComparison.Ordinal));

        var result = Cli.Run("score", "henan-higher-vocational", file);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("536.29 / 600", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(
            $"{file}:3:13: warning: this evidence names the system 'national-benchmark-monitoring', but it is scored against 'henan-higher-vocational' (at /system)",
            Assert.Single(result.StderrLines));
    }

    [Fact]
    public void EvidenceWithoutASystem_HasNoWarning()
    {
        var sample = File.ReadAllText(RepoPaths.Sample("passing"));
        using var temp = Cli.TempFolder();
        var file = temp.Write("evidence.json", sample.Replace("\"system\": \"henan-higher-vocational\",", "", StringComparison.Ordinal));

        var result = Cli.Run("score", "henan-higher-vocational", file);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void UnknownProfile_SuggestsTheNearest()
    {
        var result = Cli.Run("score", "henan-higher-vocational", RepoPaths.Sample("passing"), "--profile", "higher-vocatonal");

        Assert.Equal(2, result.ExitCode);
        Assert.EndsWith("did you mean higher-vocational?", Assert.Single(result.StderrLines), StringComparison.Ordinal);
    }
}
