using System.Text.Json;
using System.Text.RegularExpressions;

namespace IndicatorEngine.Cli.Tests.Commands;

public partial class ValidateCommandTests
{
    [GeneratedRegex(@"^(?<file>.+):(?<line>\d+):(?<column>\d+): error (?<code>IE\d{3}): (?<message>.+?)( \(at (?<pointer>/\S*)\))?$")]
    private static partial Regex DiagnosticLine();

    [Fact]
    public void ValidFile_PrintsOk_AndExitsZero()
    {
        var result = Cli.Run("validate", RepoPaths.HenanHigher);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($"{RepoPaths.HenanHigher}: ok", Assert.Single(result.StdoutLines));
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void Quiet_PrintsNothingForValidFiles()
    {
        var result = Cli.Run("validate", "--quiet", RepoPaths.HenanHigher);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public void MalformedJson_IsReportedWithFileLineAndColumn_AndExitsTwo()
    {
        using var temp = Cli.TempFolder();
        // The stray string is on line 3, column 18: a comma is missing before it.
        var file = temp.Write("malformed.json", "{\n  \"id\": \"x\",\n  \"version\": \"1\" \"title\": {}\n}\n");

        var result = Cli.Run("validate", file);

        Assert.True(result.ExitCode == 2, result.ToString());
        var line = Assert.Single(result.StdoutLines);
        Assert.StartsWith($"{file}:3:18: error IE003: ", line);
        Assert.Matches(DiagnosticLine(), line);
        Assert.False(result.HasStackTrace);
    }

    [Fact]
    public void SchemaViolation_IsReportedWithLineColumnAndPointer()
    {
        using var temp = Cli.TempFolder();
        var text = File.ReadAllText(RepoPaths.HenanHigher).Replace("\"version\": \"2018-trial\"", "\"version\": 2018", StringComparison.Ordinal);
        var file = temp.Write("wrong-type.json", text);
        var expectedLine = text.Split('\n').ToList().FindIndex(l => l.Contains("\"version\": 2018", StringComparison.Ordinal)) + 1;

        var result = Cli.Run("validate", file);

        Assert.Equal(2, result.ExitCode);
        var match = DiagnosticLine().Match(Assert.Single(result.StdoutLines));
        Assert.True(match.Success, result.ToString());
        Assert.Equal(file, match.Groups["file"].Value);
        Assert.Equal("IE004", match.Groups["code"].Value);
        Assert.Equal("/version", match.Groups["pointer"].Value);
        Assert.Equal(expectedLine, int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture));
        // Somewhere on `  "version": 2018` (the property or its value).
        Assert.InRange(int.Parse(match.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture), 3, 14);
    }

    [Fact]
    public void SeveralFiles_ReportEachOne_AndFailWhenAnyFails()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-definition.json");

        var result = Cli.Run("validate", RepoPaths.HenanHigher, missing);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{RepoPaths.HenanHigher}: ok", result.StdoutLines);
        Assert.Contains(result.StdoutLines, l => l.StartsWith($"{missing}: error IE001: ", StringComparison.Ordinal));
    }

    [Fact]
    public void JsonFormat_PrintsOneArrayOfDiagnostics()
    {
        using var temp = Cli.TempFolder();
        var file = temp.Write("malformed.json", "{ \"id\": ");

        var result = Cli.Run("validate", "--format", "json", file, RepoPaths.HenanHigher);

        Assert.Equal(2, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(JsonValueKind.Array, json.RootElement.ValueKind);
        var diagnostic = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("IE003", diagnostic.GetProperty("code").GetString());
        Assert.Equal("error", diagnostic.GetProperty("severity").GetString());
        Assert.Equal(file, diagnostic.GetProperty("file").GetString());
        Assert.True(diagnostic.GetProperty("line").GetInt32() > 0);
        Assert.True(diagnostic.GetProperty("column").GetInt32() > 0);
    }

    [Fact]
    public void JsonFormat_ForValidFiles_IsAnEmptyArray()
    {
        var result = Cli.Run("validate", "-f", "json", RepoPaths.HenanHigher);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(0, json.RootElement.GetArrayLength());
    }

    [Fact]
    public void NoFile_IsAUsageError()
    {
        var result = Cli.Run("validate");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Usage: indicator validate", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public void FileOverTheSizeLimit_IsIE002()
    {
        var result = Cli.Run("validate", "--max-file-size", "100", RepoPaths.HenanHigher);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(": error IE002: ", result.Stdout, StringComparison.Ordinal);
    }
}
