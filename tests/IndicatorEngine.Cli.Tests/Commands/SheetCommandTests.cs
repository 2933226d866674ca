namespace IndicatorEngine.Cli.Tests.Commands;

/// <summary><c>indicator sheet</c>: the format from the file name or --format, and bad input said in one line with exit 2.</summary>
public class SheetCommandTests
{
    [Fact]
    public void Format_OverridesTheExtension()
    {
        using var folder = Cli.TempFolder();
        var path = folder.File("sheet.txt");
        var result = Cli.Run("sheet", "henan-higher-vocational", RepoPaths.Sample("passing"), "--out", path, "--format", "csv");

        Assert.True(result.ExitCode == 0, result.ToString());
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.StartsWith("一级指标,", System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3), StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownExtension_WithoutFormat_IsExitTwo_NamingTheFix()
    {
        using var folder = Cli.TempFolder();
        var path = folder.File("sheet.txt");
        var result = Cli.Run("sheet", "henan-higher-vocational", RepoPaths.Sample("passing"), "--out", path);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.StderrLines);
        Assert.Contains("sheet.txt: error: cannot tell the sheet's format", line, StringComparison.Ordinal);
        Assert.Contains("--format xlsx|csv", line, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void EnglishSheet_HasEnglishHeadings()
    {
        using var folder = Cli.TempFolder();
        var path = folder.File("sheet.csv");
        var result = Cli.Run("sheet", "henan-higher-vocational", RepoPaths.Sample("passing"), "--out", path, "--lang", "en");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("First-level indicator,Points,Second-level indicator", File.ReadAllText(path, System.Text.Encoding.UTF8).TrimStart('\uFEFF'), StringComparison.Ordinal);
    }

    [Fact]
    public void BadEvidence_IsExitTwo_AndWritesNothing()
    {
        using var folder = Cli.TempFolder();
        var evidence = folder.Write("school.json", "{ \"id\": ");
        var path = folder.File("sheet.xlsx");
        var result = Cli.Run("sheet", "henan-higher-vocational", evidence, "--out", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("school.json:", result.Stderr, StringComparison.Ordinal);
        Assert.False(result.HasStackTrace);
        Assert.False(File.Exists(path));
    }
}
