using System.Text.Json;

namespace IndicatorEngine.Cli.Tests.Commands;

/// <summary><c>indicator gap</c>: the improvement plan in text (zh/en), Markdown and JSON; targets; bad input.</summary>
public sealed class GapCommandTests
{
    [Fact]
    public void Gap_OfAFailingSchool_ListsTheFewestChangesToThePassBar()
    {
        var result = Cli.Run("gap", "henan-higher-vocational", RepoPaths.Sample("failing"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("现在总分 437.76，目标 480（及格线）", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("改动 6 项佐证可达到目标，改后总分 480（超出 0）", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("1. 省级以上精品在线开放课程 (onlineOpenCourses)：7 门 → 20 门", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("infrastructure.network.communication.physical-facilities 1.5/2 分：需专家评分", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Gap_OfASchoolVetoedForAPastIncident_SaysItCannotBeCleared_InEnglish()
    {
        var result = Cli.Run("gap", "henan-higher-vocational", RepoPaths.Sample("vetoed"), "--lang", "en");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("cannot reach it: the veto major-security-incident cannot be cleared by a computed change (major-security-incident depends on majorSecurityIncidents3y (近3年重大网络安全事件数), a fact of the school, not changed by a plan)", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("1 incidents → 0 incidents", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Gap_InEnglish_NumbersTheChangesInOrder()
    {
        var result = Cli.Run("gap", "national-benchmark-monitoring", RepoPaths.Sample("national-benchmark-monitoring", "failing"), "--lang", "en");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("3 change(s) reach it: total after 60.32 (0.32 beyond the target)", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(["1.", "2.", "3."], result.StdoutLines.Where(l => l.Length > 4 && char.IsAsciiDigit(l[2]) && l[3] == '.').Select(l => l[2..4]));
    }

    [Fact]
    public void Gap_ToAGrade_AsJson_HasTheDocumentedShape()
    {
        var result = Cli.Run("gap", "henan-higher-vocational", RepoPaths.Sample("passing"), "--grade", "excellent", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal("reachable", root.GetProperty("outcome").GetString());
        Assert.Equal("grade", root.GetProperty("target").GetProperty("kind").GetString());
        Assert.Equal(540m, root.GetProperty("target").GetProperty("points").GetDecimal());
        var change = Assert.Single(root.GetProperty("changes").EnumerateArray());
        Assert.Equal(("blendedCourseRatio", "earn-points", 38m, 50m), (change.GetProperty("key").GetString(), change.GetProperty("purpose").GetString(), change.GetProperty("from").GetDecimal(), change.GetProperty("to").GetDecimal()));
        Assert.Contains(root.GetProperty("points").EnumerateArray(), p => p.GetProperty("kind").GetString() == "needs-expert");
    }

    [Fact]
    public void Gap_ToPointsOutOfReach_SaysAtMost_InMarkdown()
    {
        var result = Cli.Run("gap", "henan-secondary-vocational", RepoPaths.Sample("henan-secondary-vocational", "failing"), "--target", "599", "--format", "markdown");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("# 改进计划\n\n## 概况\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("无法达到：可计算的改动至多得 561.5 分", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Gap_WithTargetAndGrade_IsACommandLineError()
    {
        var result = Cli.Run("gap", "henan-higher-vocational", RepoPaths.Sample("passing"), "--target", "500", "--grade", "good");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("give --target POINTS or --grade ID, not both", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--target", "abc", "option '--target' needs 0 or more points (e.g. 500), not 'abc'")]
    [InlineData("--target", "-5", "option '--target' needs 0 or more points (e.g. 500), not '-5'")]
    [InlineData("--search-limit", "0", "option '--search-limit' needs a whole number of sets, 1 or more, not '0'")]
    [InlineData("--search-limit", "2.5", "option '--search-limit' needs a whole number of sets, 1 or more, not '2.5'")]
    public void Gap_WithABadNumber_IsACommandLineError_NotAnInternalOne(string option, string value, string message)
    {
        var result = Cli.Run("gap", "henan-higher-vocational", RepoPaths.Sample("passing"), option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"indicator: {message}", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Gap_ToAnUnknownGrade_ExitTwo_NamingTheGrades()
    {
        var result = Cli.Run("gap", "henan-higher-vocational", RepoPaths.Sample("passing"), "--grade", "excelent");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("has no grade 'excelent'; its grades are excellent, good, pass, fail", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("did you mean excellent?", result.Stderr, StringComparison.Ordinal);
        Assert.False(result.HasStackTrace);
    }

    [Fact]
    public void Report_WithPlan_AddsThePlanToThePage()
    {
        using var folder = Cli.TempFolder();
        var card = Path.Combine(folder.Path, "card.html");

        var result = Cli.Run("report", "henan-higher-vocational", RepoPaths.Sample("failing"), "--plan", "--out", card);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("<section class=\"plan\" id=\"plan\">", File.ReadAllText(card), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_WithPlanAndBatch_IsAnError()
    {
        using var folder = Cli.TempFolder();

        var result = Cli.Run("report", "henan-higher-vocational", "--batch", Path.Combine(folder.Path, "results.ndjson"), "--plan", "--out", Path.Combine(folder.Path, "p.html"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--plan goes with one school's EVIDENCE", result.Stderr, StringComparison.Ordinal);
    }
}
