using System.Text;
using System.Text.Json;
using IndicatorEngine.Batch;
using IndicatorEngine.Cli.Commands;
using IndicatorEngine.Cli.Rendering;
using NJsonSchema;

namespace IndicatorEngine.Cli.Tests.Commands;

/// <summary><c>indicator generate</c> → <c>batch</c> → <c>merge</c>, run in-process on a few hundred generated schools.</summary>
public class BatchCommandTests
{
    private const string Henan = "henan-higher-vocational";

    private static readonly Lazy<JsonSchema> LineSchema = new(() =>
        JsonSchema.FromFileAsync(Path.Combine(RepoPaths.Indicators, "schema", "batch-line.schema.json")).GetAwaiter().GetResult());

    [Fact]
    public void ShardsScoredApart_MergeToTheSummaryOfOneRun_AndRankAsOneRun()
    {
        using var temp = new Testing.TempFolder();
        var all = Generate(temp, "all.ndjson", 300);
        var whole = Ok(Cli.Run("batch", Henan, all, "--out", temp.File("all.out"), "--summary", temp.File("all.json"), "--quiet"));
        var lines = File.ReadAllLines(all);
        File.WriteAllLines(temp.File("a.ndjson"), lines[..120]);
        File.WriteAllLines(temp.File("b.ndjson"), lines[120..]);
        Ok(Cli.Run("batch", Henan, temp.File("a.ndjson"), "--out", temp.File("a.out"), "--summary", temp.File("a.json"), "-q"));
        Ok(Cli.Run("batch", Henan, temp.File("b.ndjson"), "--out", temp.File("b.out"), "--summary", temp.File("b.json"), "-q"));

        var merge = Ok(Cli.Run("merge", temp.File("a.json"), temp.File("b.json"), "--out", temp.File("merged.json")));

        Assert.Equal(File.ReadAllText(temp.File("all.json")), File.ReadAllText(temp.File("merged.json")));
        Assert.Equal(whole.Stdout.Split('\n')[2..], merge.Stdout.Split('\n')[2..]);

        // Ranked against the merged summary, the first shard's lines are those of the one run (same record numbers).
        Ok(Cli.Run("batch", Henan, temp.File("a.ndjson"), "--out", temp.File("a.ranked"), "--ranks-from", temp.File("merged.json"), "-q"));
        Assert.Equal(File.ReadAllLines(temp.File("all.out"))[..120], File.ReadAllLines(temp.File("a.ranked")));
    }

    [Fact]
    public void CsvAndNdjson_OfTheSameSchools_GiveTheSameSummary_AndGb18030IsReadWhenAskedFor()
    {
        using var temp = new Testing.TempFolder();
        Generate(temp, "s.ndjson", 200);
        Generate(temp, "s.csv", 200);
        Generate(temp, "gb.csv", 200, "--encoding", "gb18030");
        Assert.NotEqual(File.ReadAllBytes(temp.File("s.csv")), File.ReadAllBytes(temp.File("gb.csv")));

        Ok(Cli.Run("batch", Henan, temp.File("s.ndjson"), "-o", temp.File("n.out"), "--summary", temp.File("n.json"), "-q"));
        Ok(Cli.Run("batch", Henan, temp.File("s.csv"), "-o", temp.File("c.out"), "--summary", temp.File("c.json"), "-q"));
        Ok(Cli.Run("batch", Henan, temp.File("gb.csv"), "-o", temp.File("g.out"), "--summary", temp.File("g.json"), "-q", "--encoding", "gb18030"));

        Assert.Equal(File.ReadAllText(temp.File("n.json")), File.ReadAllText(temp.File("c.json")));
        Assert.Equal(File.ReadAllText(temp.File("c.json")), File.ReadAllText(temp.File("g.json")));
        Assert.Equal(File.ReadAllLines(temp.File("c.out")), File.ReadAllLines(temp.File("g.out")));

        // Read as UTF-8, GB18030 bytes are not text: those rows are error records, never garbled names.
        var wrong = Cli.Run("batch", Henan, temp.File("gb.csv"), "-o", temp.File("w.out"), "-q");
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains("IE007", File.ReadAllText(temp.File("w.out")), StringComparison.Ordinal);
    }

    [Fact]
    public void OneBadLine_FailsAlone_AndTheExitStatusIsTwo()
    {
        using var temp = new Testing.TempFolder();
        var lines = File.ReadAllLines(Generate(temp, "s.ndjson", 3));
        File.WriteAllLines(temp.File("bad.ndjson"), [lines[0], "{\"id\": \"broken\", \"values\": ", lines[2]]);

        var result = Cli.Run("batch", Henan, temp.File("bad.ndjson"), "--out", temp.File("bad.out"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("1 of 3 records are error records", result.Stderr, StringComparison.Ordinal);
        var output = File.ReadAllLines(temp.File("bad.out")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal([1, 2, 3], output.Select(l => l.GetProperty("record").GetInt32()));
        Assert.True(output[0].TryGetProperty("rank", out _));
        Assert.Contains(":2:", output[1].GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True(output[2].TryGetProperty("total", out _));
    }

    [Theory]
    [InlineData("summary")]
    [InlineData("indicators")]
    [InlineData("full")]
    public void EveryLine_FollowsTheBatchLineSchema(string detail)
    {
        using var temp = new Testing.TempFolder();
        var lines = File.ReadAllLines(Generate(temp, "s.ndjson", 60));
        File.WriteAllLines(temp.File("mixed.ndjson"), [.. lines, "", "not json", lines[0]]);

        var result = Cli.Run("batch", Henan, temp.File("mixed.ndjson"), "--out", temp.File("out"), "--detail", detail, "--rollup", "county", "-q");

        Assert.Equal(2, result.ExitCode);
        var output = File.ReadAllLines(temp.File("out"));
        Assert.Equal(63, output.Length);
        foreach (var line in output)
        {
            Assert.Empty(LineSchema.Value.Validate(line));
        }

        Assert.Empty(LineSchema.Value.Validate(output[0]));
        Assert.NotEmpty(LineSchema.Value.Validate("{\"record\": 1, \"error\": {\"code\": \"IE501\", \"message\": \"x\"}}"));
        Assert.NotEmpty(LineSchema.Value.Validate("{\"record\": 0, \"subject\": {}}"));
    }

    [Fact]
    public void Quiet_PrintsNothingOnStandardError_AndTheSummaryTableOnStandardOutput()
    {
        using var temp = new Testing.TempFolder();
        var input = Generate(temp, "s.ndjson", 50);

        var result = Ok(Cli.Run("batch", Henan, input, "--out", temp.File("out"), "--quiet", "--rollup", "city"));

        Assert.Equal("", result.Stderr);
        Assert.Contains("中位数", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("按市", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("达成", result.Stdout, StringComparison.Ordinal);

        var english = Ok(Cli.Run("batch", Henan, input, "--out", temp.File("out"), "--quiet", "--lang", "en"));
        Assert.Contains("median", english.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedirectedProgress_IsPlainLines_WithoutEscapeCodes()
    {
        using var temp = new Testing.TempFolder();
        var input = Generate(temp, "s.ndjson", 200);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter { NewLine = "\n" };

        var code = await BatchJobRunner.RunAsync(
            new BatchRequest(Henan, input, temp.File("out")) { ProgressInterval = 50, PlainProgressEvery = TimeSpan.Zero },
            stdout, stderr, Cli.Redirected, Cli.Redirected, CancellationToken.None);

        Assert.Equal(0, code);
        var lines = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length >= 4, stderr.ToString());
        Assert.All(lines, l => Assert.StartsWith("indicator batch: ", l, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("200 records, 0 errors", StringComparison.Ordinal));
        Assert.DoesNotContain('\u001b', stderr.ToString() + stdout);
    }

    [Fact]
    public async Task Cancelled_LeavesNoHalfFile_AndAnEarlierOutputAsItWas()
    {
        using var temp = new Testing.TempFolder();
        var input = Generate(temp, "s.ndjson", 300);
        var output = temp.Write("out.ndjson", "earlier\n");
        using var cancel = new CancellationTokenSource();
        using var stderr = new StringWriter();

        // Cancelled from the first progress report: mid-batch whatever the machine's speed.
        var code = await BatchJobRunner.RunAsync(
            new BatchRequest(Henan, input, output) { Quiet = true, ProgressInterval = 10, Observer = new Cancel(cancel) },
            TextWriter.Null, stderr, Cli.Redirected, Cli.Redirected, cancel.Token);

        Assert.Equal(ExitCodes.Cancelled, code);
        Assert.Contains("cancelled", stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal("earlier\n", File.ReadAllText(output));
        Assert.Equal(["out.ndjson", "s.ndjson"], Directory.GetFiles(temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Help_SaysTheFormatsAndTheExitStatus()
    {
        var batch = Ok(Cli.Run("batch", "--help"));
        Assert.Contains("--rollup", batch.Stdout, StringComparison.Ordinal);
        Assert.Contains("--ranks-from", batch.Stdout, StringComparison.Ordinal);
        Assert.Contains("2 when any record\nwas an error record", batch.Stdout, StringComparison.Ordinal);
        Assert.Contains("GB18030", batch.Stdout, StringComparison.Ordinal);

        Assert.Contains("--seed", Ok(Cli.Run("generate", "--help")).Stdout, StringComparison.Ordinal);
        Assert.Contains("exactly the", Ok(Cli.Run("merge", "--help")).Stdout, StringComparison.Ordinal);
        var root = Ok(Cli.Run("--help")).Stdout;
        Assert.Contains("batch", root, StringComparison.Ordinal);
        Assert.Contains("generate", root, StringComparison.Ordinal);
        Assert.Contains("merge", root, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing.ndjson", "missing.ndjson: error: no such file")]
    [InlineData("--input-format", "unknown input-format 'xml'")]
    [InlineData("--parallel", "option '--parallel' needs 1 or more")]
    [InlineData("--ranks-from", "not-a-summary.json: error: not a batch summary")]
    [InlineData("--profile", "unknown profile 'secondary-vocational' of henan-higher-vocational")]
    public void Mistakes_GiveAClearMessage_NeverAStackTrace(string mistake, string expected)
    {
        using var temp = new Testing.TempFolder();
        var input = Generate(temp, "s.ndjson", 5);
        temp.Write("not-a-summary.json", "{\"records\": 3}");
        string[] args = mistake switch
        {
            "missing.ndjson" => ["batch", Henan, temp.File("missing.ndjson"), "--out", temp.File("out")],
            "--input-format" => ["batch", Henan, input, "--out", temp.File("out"), "--input-format", "xml"],
            "--parallel" => ["batch", Henan, input, "--out", temp.File("out"), "--parallel", "0"],
            "--ranks-from" => ["batch", Henan, input, "--out", temp.File("out"), "--ranks-from", temp.File("not-a-summary.json")],
            _ => ["batch", Henan, input, "--out", temp.File("out"), "--profile", "secondary-vocational"],
        };

        var result = Cli.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        Assert.False(result.HasStackTrace, result.ToString());
        Assert.False(File.Exists(temp.File("out")));
    }

    [Fact]
    public void Merge_OfAMissingOrForeignFile_SaysSo()
    {
        using var temp = new Testing.TempFolder();
        var missing = Cli.Run("merge", temp.File("nope.json"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("nope.json: error: no such file", missing.Stderr, StringComparison.Ordinal);

        Ok(Cli.Run("batch", Henan, Generate(temp, "h.ndjson", 5), "-o", temp.File("h.out"), "--summary", temp.File("h.json"), "-q"));
        Ok(Cli.Run("batch", "national-benchmark-monitoring", GenerateFor("national-benchmark-monitoring", temp, "n.ndjson", 5), "-o", temp.File("n.out"), "--summary", temp.File("n.json"), "-q"));
        var foreign = Cli.Run("merge", temp.File("h.json"), temp.File("n.json"));
        Assert.Equal(2, foreign.ExitCode);
        Assert.Contains("cannot merge a summary of national-benchmark-monitoring", foreign.Stderr, StringComparison.Ordinal);
        Assert.False(foreign.HasStackTrace);
    }

    /// <summary>Generated schools in FILE (format from its extension).</summary>
    internal static string Generate(Testing.TempFolder temp, string name, int count, params string[] more) =>
        GenerateFor(Henan, temp, name, count, more);

    internal static string GenerateFor(string system, Testing.TempFolder temp, string name, int count, params string[] more)
    {
        Ok(Cli.Run(["generate", system, "--count", count.ToString(System.Globalization.CultureInfo.InvariantCulture), "--seed", "42", "--out", temp.File(name), .. more]));
        return temp.File(name);
    }

    private static CliResult Ok(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }

    private sealed class Cancel(CancellationTokenSource source) : IProgress<BatchProgress>
    {
        public void Report(BatchProgress value) => source.Cancel();
    }
}
