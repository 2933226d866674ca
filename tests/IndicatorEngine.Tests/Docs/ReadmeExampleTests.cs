using IndicatorEngine.Batch;
using IndicatorEngine.Benchmarks;

namespace IndicatorEngine.Tests.Docs;

/// <summary>
/// The library example in README.md is this code: the test compiles and runs it, and checks that the README
/// shows it word for word, so the documentation cannot rot.
/// </summary>
public class ReadmeExampleTests
{
    [Fact]
    public void ReadmeExample_Runs()
    {
        var previous = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(RepoPaths.Root);
        try
        {
            var output = new StringWriter();
            Example(output);
            Assert.Contains("536.29 / 600", output.ToString());
            Assert.Contains("verdict: Passed", output.ToString());
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }
    }

    [Fact]
    public void BatchExample_ScoresEveryLine_AndSaysWhyALineCannotBe()
    {
        var system = IndicatorSystem.LoadShipped("henan-higher-vocational");
        using var folder = new TempFolder();
        var lines = new[] { "passing", "failing" }
            .Select(sample => System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(RepoPaths.Sample(sample)), documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!.ToJsonString())
            .Append("{ \"id\": ")
            .ToArray();
        folder.Write("schools.ndjson", string.Join("\n", lines));
        var previous = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(folder.Path);
        try
        {
            var output = new StringWriter();
            Batch(output, system);
            var printed = output.ToString().ReplaceLineEndings("\n").TrimEnd().Split('\n');
            Assert.Equal(3, printed.Length);
            Assert.Equal("HV-410105-0137\t536.29\tPassed", printed[0]);
            Assert.EndsWith("\tFailed", printed[1], StringComparison.Ordinal);
            Assert.Contains("error IE003", printed[2], StringComparison.Ordinal);
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }
    }

    [Fact]
    public async Task BatchApiExample_ScoresACsvFile_RanksAndRollsUp()
    {
        var system = IndicatorSystem.LoadShipped("henan-higher-vocational");
        using var folder = new TempFolder();
        var csv = new StringWriter();
        EvidenceCsv.Write(csv, system, new[] { "passing", "failing", "vetoed" }.Select(s => File.ReadAllBytes(RepoPaths.Sample(s))).Select(StripComments));
        folder.Write("schools.csv", csv + "HV-x,,,,,,next year\n");
        var previous = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(folder.Path);
        try
        {
            var output = new StringWriter();
            await BatchApi(output, system);
            var printed = output.ToString().ReplaceLineEndings("\n");
            Assert.StartsWith("3 scored, 1 passed, 1 errors, median ", printed, StringComparison.Ordinal);
            Assert.Contains("郑州市: ", printed, StringComparison.Ordinal);
            var lines = File.ReadAllLines(folder.File("results.ndjson"));
            Assert.Equal(4, lines.Length);
            Assert.Contains("\"rank\":1,", lines[0], StringComparison.Ordinal);
            Assert.Contains("\"error\"", lines[3], StringComparison.Ordinal);
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }

        static byte[] StripComments(byte[] json) =>
            System.Text.Encoding.UTF8.GetBytes(System.Text.Json.Nodes.JsonNode.Parse(json, documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!.ToJsonString());
    }

    [Theory]
    [InlineData("library")]
    [InlineData("batch")]
    [InlineData("batch-api")]
    public void ReadmeExample_IsShownInTheReadmeWordForWord(string name)
    {
        var source = File.ReadAllLines(Path.Combine(RepoPaths.Root, "tests", "IndicatorEngine.Tests", "Docs", "ReadmeExampleTests.cs"));
        var start = Array.FindIndex(source, l => l.Contains("// begin-snippet: " + name, StringComparison.Ordinal)) + 1;
        var end = Array.FindIndex(source, start, l => l.Contains("// end-snippet", StringComparison.Ordinal));
        var indent = source[start].Length - source[start].TrimStart().Length;
        var snippet = string.Join("\n", source[start..end].Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Contains(snippet, readme);
    }

    private static void Example(TextWriter console)
    {
        // begin-snippet: library
        // Load, check and compile a system once (from a file, a stream, or a shipped id) …
        var loaded = IndicatorSystem.Load("indicators/henan-higher-vocational.json");
        if (!loaded.Succeeded)
        {
            foreach (var problem in loaded.Diagnostics)
            {
                console.WriteLine(problem); // FILE:LINE:COL: error CODE: message (at /json/pointer)
            }

            return;
        }

        IndicatorSystem system = loaded.Value!;

        // … then score any number of schools against it, on any number of threads.
        var evidence = SubjectEvidence.Load("indicators/samples/henan-higher-vocational/passing.json").GetValueOrThrow();
        var card = system.Score(evidence);

        console.WriteLine($"{card.Subject.Name}: {card.Total} / {card.Max}, verdict: {card.Verdict}, grade: {card.Grade?.Title}");
        foreach (var point in card.ObservationPoints().Where(p => p.Status != ScoreStatus.Scored))
        {
            console.WriteLine($"  {point.Id} {point.Score}/{point.Max} {point.Status}: {point.Explanation}");
        }
        // end-snippet
    }

    private static void Batch(TextWriter console, IndicatorSystem system)
    {
        // begin-snippet: batch
        // A batch: one evidence document per line (NDJSON), read straight into the system's evidence slots.
        foreach (var line in File.ReadLines("schools.ndjson"))
        {
            var record = system.ReadEvidence(System.Text.Encoding.UTF8.GetBytes(line), "schools.ndjson");
            if (!record.CanScore)
            {
                console.WriteLine(record.Diagnostics[0]); // malformed JSON, or not the evidence shape
                continue;
            }

            var scored = system.Score(record);
            console.WriteLine($"{scored.Subject.Id}\t{scored.Total}\t{scored.Verdict}");
        }
        // end-snippet
    }

    private static async Task BatchApi(TextWriter console, IndicatorSystem system)
    {
        // begin-snippet: batch-api
        // Score a CSV file of schools on every core: one line per row in results.ndjson, in the file's order, ranked.
        var runner = new BatchRunner(system, new BatchOptions { Ranking = RankScopes.Batch | RankScopes.City });
        using (var input = File.OpenRead("schools.csv"))
        using (var output = File.Create("results.ndjson"))
        {
            BatchSummary summary = await runner.RunAsync(BatchSource.Csv(input, "schools.csv"), output);
            console.WriteLine($"{summary.Scored} scored, {summary.Passed} passed, {summary.Errors} errors, median {summary.Median}");
            foreach (var city in summary.Regions.Where(r => r.Level == RegionLevel.City))
            {
                console.WriteLine($"{city.City}: {city.Count} schools, pass rate {city.PassRate}, mean {city.Mean}");
            }
        }
        // end-snippet
    }
}
