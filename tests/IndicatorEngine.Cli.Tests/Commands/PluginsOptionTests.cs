using System.Text.Json;
using IndicatorEngine.Cli;

namespace IndicatorEngine.Cli.Tests.Commands;

/// <summary><c>indicator … --plugins DIR</c>: the example definition under plugins/ scored with the example plugins.</summary>
public class PluginsOptionTests
{
    private static readonly string Definition = RepoPaths.Example("campus-it.json");
    private static readonly string School = RepoPaths.Example("school.json");

    [Fact]
    public void Score_WithThePluginsFolder_ScoresTheExampleThroughBothPlugins()
    {
        var (code, stdout, stderr) = Run("score", Definition, School, "--plugins", RepoPaths.ExamplePlugins, "--format", "json");
        Assert.True(code == 0, stderr);
        Assert.Equal("", stderr);

        var card = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(7.66m, card.GetProperty("total").GetDecimal());
        Assert.Equal("passed", card.GetProperty("verdict").GetString());
        var leaves = card.GetProperty("indicators").EnumerateArray().SelectMany(i => i.GetProperty("children").EnumerateArray())
            .ToDictionary(l => l.GetProperty("id").GetString()!, l => (l.GetProperty("score").GetDecimal(), l.GetProperty("explanation").GetString()));
        Assert.Equal(
            (3.66m, "主校区 98% (12,000 people), 东校区 80% (6,000 people) → weighted by people 92%, full points at 95%, none at 60% → 3.66 of 4"),
            leaves["net.wifi"]);
        Assert.Equal(
            (2m, "网络安全管理制度 issued 2021-09-01, within 5 years only before 2025-12-31 → 2 of 4"),
            leaves["sec.policy"]);
    }

    [Fact]
    public void Validate_WithoutPlugins_SaysWhichScorerIsUnknown_AndHowToLoadIt()
    {
        var (code, stdout, _) = Run("validate", Definition);
        Assert.Equal(2, code);
        Assert.Contains("error IE103: no scorer is named 'network-coverage'", stdout);
        Assert.Contains("--plugins DIR", stdout);
        Assert.Contains("(at /indicators/0/children/0/rule/scorer)", stdout);
    }

    [Fact]
    public void Validate_WithABrokenPluginBesideGoodOnes_ReportsIt_UsesTheOthers_AndExitsTwo()
    {
        using var folder = new TempFolder();
        foreach (var dll in Directory.GetFiles(RepoPaths.ExamplePlugins, "*.dll"))
        {
            File.Copy(dll, folder.File(Path.GetFileName(dll)));
        }

        var broken = folder.Write("Broken.dll", "MZ but not really");
        var (code, stdout, stderr) = Run("validate", Definition, "--plugins", folder.Path);

        // The definition is valid, but an error was printed: validate exits 2 whenever it prints one.
        Assert.Equal(2, code);
        Assert.Equal($"{broken}: error IE401: cannot be loaded: it is not a .NET assembly (bad image); put native libraries a plugin needs in the plugin's own subfolder\n", stderr);
        Assert.Equal($"{Definition}: ok\n", stdout);
    }

    [Fact]
    public void Score_WithAMissingPluginsFolder_SaysSo_AndFailsOnTheUnknownScorers()
    {
        var (code, _, stderr) = Run("score", Definition, School, "--plugins", "no-such-folder");
        Assert.Equal(2, code);
        Assert.StartsWith("no-such-folder: error IE001: plugin folder not found", stderr);
        Assert.Contains("IE103", stderr);
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("score")]
    public void Help_DescribesThePluginsOption(string command)
    {
        var (code, stdout, _) = Run(command, "--help");
        Assert.Equal(0, code);
        Assert.Contains("--plugins <DIR>", stdout);
        Assert.Contains("trusted code", stdout);
        Assert.Contains("docs/plugins.md", stdout);
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var code = Program.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
