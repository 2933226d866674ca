using IndicatorEngine.Cli.Rendering;
using NJsonSchema;

namespace IndicatorEngine.Cli.Tests.Rendering;

/// <summary>Evidence is untrusted: its text must not break a table, inject Markdown or drive the terminal.</summary>
public class HostileTextTests
{
    private const string Name = "A|B *bold* `code`\n\u001b[31m红色 <script>";

    private static Scorecard Scorecard(string? name = Name, Region? region = null, int? period = null) =>
        IndicatorSystem.LoadShipped("henan-higher-vocational").Score(
            SubjectEvidence.Create("S-1", new Dictionary<string, object?> { ["campusHeadcount"] = 1000 }, name: name, region: region, period: period));

    [Fact]
    public void Table_ShowsControlCharactersAsEscapes_AndLineBreaksAsSpaces()
    {
        var text = ScorecardTable.Render(Scorecard(), ScorecardView.Full, Cli.Redirected);

        Assert.DoesNotContain('\u001b', text);
        var subject = Assert.Single(text.Split('\n'), l => l.StartsWith("学校", StringComparison.Ordinal));
        Assert.Contains(@"A|B *bold* `code` \u001B[31m红色 <script> (S-1)", subject, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_EscapesMarkupInEvidenceText()
    {
        var markdown = ScorecardMarkdown.ToMarkdown(Scorecard());

        Assert.DoesNotContain('\u001b', markdown);
        Assert.Contains(@"A\|B \*bold\* \`code\` ?\[31m红色 \<script\>", markdown, StringComparison.Ordinal);
        var subjectRow = Assert.Single(markdown.Split('\n'), l => l.StartsWith("| 学校 |", StringComparison.Ordinal));
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(subjectRow, @"(?<!\\)\|")); // the row's own three cell borders
    }

    [Fact]
    public async Task Json_WritesAbsentSubjectFieldsAsNull_AndStillMatchesTheSchema()
    {
        var json = ScorecardJson.ToJson(Scorecard(name: null));

        Assert.Contains("\"name\": null", json, StringComparison.Ordinal);
        Assert.Contains("\"region\": null", json, StringComparison.Ordinal);
        Assert.Contains("\"period\": null", json, StringComparison.Ordinal);
        var schema = await JsonSchema.FromFileAsync(RepoPaths.ResultSchema);
        Assert.Empty(schema.Validate(json));
    }

    [Fact]
    public void Json_KeepsEvidenceTextAsData()
    {
        var json = ScorecardJson.ToJson(Scorecard(region: new Region("河南省", null, "金水区"), period: 2025), indented: false);

        Assert.DoesNotContain('\n', json);
        Assert.Contains("\"name\":\"A|B *bold* \\u0060code\\u0060\\n\\u001B[31m红色 \\u003Cscript\\u003E\"", json, StringComparison.Ordinal);
        Assert.Contains("\"region\":{\"province\":\"河南省\",\"city\":null,\"county\":\"金水区\"}", json, StringComparison.Ordinal);
    }

    /// <summary>Every character that must not reach a terminal raw.</summary>
    private static readonly char[] Unsafe =
        ['\u001b', '\u009b', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c', '\u2028'];

    private static string HostileEvidence(TempFolder temp) =>
        temp.Write("evidence.json", File.ReadAllText(RepoPaths.Sample("passing"))
            .Replace("\"name\": \"中原数智职业技术学院\"", "\"name\": \"中原\\u202Elanoitacov\\u2066学院\\u001b[2J\\u2028\"", StringComparison.Ordinal)
            .Replace("\"backboneLevel\": \"10G-redundant\"", "\"backboneLevel\": \"10G\\u202E-redundant\"", StringComparison.Ordinal));

    [Theory]
    [InlineData("table")]
    [InlineData("json")]
    [InlineData("markdown")]
    public void BidiAndControlCharactersFromEvidence_NeverReachTheConsoleRaw(string format)
    {
        using var temp = Cli.TempFolder();
        var result = Cli.Run("score", "henan-higher-vocational", HostileEvidence(temp), "--format", format);

        Assert.True(result.ExitCode == 2, result.ToString()); // the enum value is invalid
        Assert.Equal(-1, result.Stdout.IndexOfAny(Unsafe));
        Assert.Equal(-1, result.Stderr.IndexOfAny(Unsafe));
        Assert.Contains(@"中原\u202Elanoitacov\u2066学院", result.Stdout, StringComparison.Ordinal);
        Assert.Contains(@"'backboneLevel' is ""10G\u202E-redundant""", Assert.Single(result.StderrLines), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_EscapesStayJson_AndReadBackAsTheOriginalText()
    {
        using var temp = Cli.TempFolder();
        var result = Cli.Run("score", "henan-higher-vocational", HostileEvidence(temp), "--format", "json");

        using var json = System.Text.Json.JsonDocument.Parse(result.Stdout);
        Assert.Equal("中原\u202Elanoitacov\u2066学院\u001b[2J\u2028", json.RootElement.GetProperty("subject").GetProperty("name").GetString());
    }

    [Fact]
    public void Table_SubjectLine_ShowsTheEscapes()
    {
        using var temp = Cli.TempFolder();
        var result = Cli.Run("score", "henan-higher-vocational", HostileEvidence(temp));

        var subject = Assert.Single(result.StdoutLines, l => l.StartsWith("学校", StringComparison.Ordinal));
        Assert.EndsWith(@"中原\u202Elanoitacov\u2066学院\u001B[2J\u2028 (HV-410105-0137)", subject, StringComparison.Ordinal);
    }
}
