namespace IndicatorEngine.Cli.Tests.Commands;

/// <summary>
/// Devices and FIFOs named on the command line are refused (IE006, exit 2) at once: no "internal error" after
/// reading gigabytes of /dev/zero, no waiting for ever on a FIFO; and validate exits 2 whenever it printed an error.
/// </summary>
public class SpecialInputTests
{
    private static void AssertRefused(CliResult result, string file, string output)
    {
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.False(result.HasStackTrace, result.ToString());
        Assert.DoesNotContain("internal error", result.Stderr, StringComparison.Ordinal);
        Assert.Contains($"{file}: error IE006: ", output, StringComparison.Ordinal);
    }

    [DevZeroFact]
    public void Validate_DevZero_IsIE006_ExitTwo()
    {
        var result = Cli.RunWithin30Seconds("validate", SpecialFiles.DevZero);
        AssertRefused(result, SpecialFiles.DevZero, result.Stdout);
    }

    [DevZeroFact]
    public void Score_DevZeroAsDefinitionOrEvidence_IsIE006_ExitTwo()
    {
        var definition = Cli.RunWithin30Seconds("score", SpecialFiles.DevZero, RepoPaths.Sample("passing"));
        AssertRefused(definition, SpecialFiles.DevZero, definition.Stderr);

        var evidence = Cli.RunWithin30Seconds("score", RepoPaths.HenanHigher, SpecialFiles.DevZero);
        AssertRefused(evidence, SpecialFiles.DevZero, evidence.Stderr);
        Assert.Equal("", evidence.Stdout);
    }

    [FifoFact]
    public void Validate_Fifo_IsIE006_ExitTwo_WithoutHanging()
    {
        using var temp = Cli.TempFolder();
        var fifo = SpecialFiles.MakeFifo(Path.Combine(temp.Path, "system.json"));
        var result = Cli.RunWithin30Seconds("validate", fifo);
        AssertRefused(result, fifo, result.Stdout);
    }

    [FifoFact]
    public void Score_FifoAsDefinitionOrEvidence_IsIE006_ExitTwo_WithoutHanging()
    {
        using var temp = Cli.TempFolder();
        var fifo = SpecialFiles.MakeFifo(Path.Combine(temp.Path, "input.json"));

        var definition = Cli.RunWithin30Seconds("score", fifo, RepoPaths.Sample("passing"));
        AssertRefused(definition, fifo, definition.Stderr);

        var evidence = Cli.RunWithin30Seconds("score", RepoPaths.HenanHigher, fifo);
        AssertRefused(evidence, fifo, evidence.Stderr);
    }

    [Fact]
    public void Validate_WithAMissingPluginsFolder_PrintsIE001_AndExitsTwo_EvenThoughTheFileIsValid()
    {
        var result = Cli.Run("validate", RepoPaths.HenanHigher, "--plugins", "no-such-folder");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("no-such-folder: error IE001: plugin folder not found", result.Stderr, StringComparison.Ordinal);
        Assert.Equal($"{RepoPaths.HenanHigher}: ok", Assert.Single(result.StdoutLines));
    }

    [Fact]
    public void Validate_WithABrokenPlugin_PrintsIE401_AndExitsTwo()
    {
        using var temp = Cli.TempFolder();
        var broken = temp.Write("Broken.dll", "not a PE file");
        var result = Cli.Run("validate", RepoPaths.HenanHigher, "--plugins", temp.Path);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith($"{broken}: error IE401: ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_InvalidUtf8_IsIE007_ExitTwo()
    {
        using var temp = Cli.TempFolder();
        var file = Path.Combine(temp.Path, "gbk.json");
        File.WriteAllBytes(file, [.. "{\n  \"id\": \""u8, 0xB2, 0xE2, .. "\"\n}\n"u8]);

        var result = Cli.Run("validate", file);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith($"{file}:2:10: error IE007: not valid UTF-8: the byte 0xB2 at byte offset 11 ", Assert.Single(result.StdoutLines), StringComparison.Ordinal);
    }
}
