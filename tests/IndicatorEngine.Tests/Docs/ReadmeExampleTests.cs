
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
            Assert.Contains("passed: True", output.ToString());
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }
    }

    [Fact]
    public void ReadmeExample_IsShownInTheReadmeWordForWord()
    {
        var source = File.ReadAllLines(Path.Combine(RepoPaths.Root, "tests", "IndicatorEngine.Tests", "Docs", "ReadmeExampleTests.cs"));
        var start = Array.FindIndex(source, l => l.Contains("// begin-snippet: library", StringComparison.Ordinal)) + 1;
        var end = Array.FindIndex(source, l => l.Contains("// end-snippet", StringComparison.Ordinal));
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

        console.WriteLine($"{card.Subject.Name}: {card.Total} / {card.Max}, passed: {card.Passed}, grade: {card.Grade?.Title}");
        foreach (var point in card.ObservationPoints().Where(p => p.Status != ScoreStatus.Scored))
        {
            console.WriteLine($"  {point.Id} {point.Score}/{point.Max} {point.Status}: {point.Explanation}");
        }
        // end-snippet
    }
}
