using System.Text;
using System.Text.Json;
using IndicatorEngine.Batch;
using IndicatorEngine.Benchmarks;

namespace IndicatorEngine.Tests.Batch;

/// <summary>Runs batches in memory for the tests: NDJSON or CSV text in, result lines and the summary out.</summary>
internal static class BatchRun
{
    public static IndicatorSystem Henan { get; } = IndicatorSystem.LoadShipped("henan-higher-vocational");

    /// <summary>Generated Henan schools as NDJSON lines (compact, no line breaks).</summary>
    public static string[] Subjects(int count, int seed = 11) =>
        HenanSubjects.Enumerate(count, seed, indented: false).Select(Encoding.UTF8.GetString).ToArray();

    /// <summary>A shipped sample as one NDJSON line.</summary>
    public static string SampleLine(string sample = "passing") =>
        System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(RepoPaths.Sample(sample)), documentOptions: new() { CommentHandling = JsonCommentHandling.Skip })!.ToJsonString();

    public static (string[] Lines, BatchSummary Summary) Ndjson(string text, BatchOptions? options = null, IndicatorSystem? system = null) =>
        Run(BatchSource.Ndjson(new MemoryStream(Encoding.UTF8.GetBytes(text)), "schools.ndjson"), options, system);

    public static (string[] Lines, BatchSummary Summary) Ndjson(IEnumerable<string> lines, BatchOptions? options = null, IndicatorSystem? system = null) =>
        Ndjson(string.Join("\n", lines) + "\n", options, system);

    public static (string[] Lines, BatchSummary Summary) Csv(byte[] bytes, BatchOptions? options = null, Encoding? encoding = null) =>
        Run(BatchSource.Csv(new MemoryStream(bytes), "schools.csv", encoding), options, null);

    public static (string[] Lines, BatchSummary Summary) Run(BatchSource source, BatchOptions? options = null, IndicatorSystem? system = null)
    {
        var output = new MemoryStream();
        var summary = new BatchRunner(system ?? Henan, options).RunAsync(source, output).GetAwaiter().GetResult();
        return (SplitLines(output.ToArray()), summary);
    }

    public static string[] SplitLines(byte[] output)
    {
        var text = Encoding.UTF8.GetString(output);
        Assert.True(text.Length == 0 || text.EndsWith('\n'), "the output ends with a whole line");
        return text.Length == 0 ? [] : text[..^1].Split('\n');
    }

    public static JsonElement Json(string line) => JsonDocument.Parse(line).RootElement.Clone();

    /// <summary>The generated schools as the CSV a batch reads.</summary>
    public static byte[] CsvOf(IEnumerable<string> ndjsonLines, IndicatorSystem? system = null)
    {
        var text = new StringWriter();
        EvidenceCsv.Write(text, system ?? Henan, ndjsonLines.Select(Encoding.UTF8.GetBytes));
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
