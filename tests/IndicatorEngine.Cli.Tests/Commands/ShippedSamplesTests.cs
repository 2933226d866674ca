using System.Text.Json;
using NJsonSchema;

namespace IndicatorEngine.Cli.Tests.Commands;

/// <summary>Every shipped system with every one of its samples, in every format.</summary>
public class ShippedSamplesTests
{
    private static readonly Lazy<JsonSchema> ResultSchema =
        new(() => JsonSchema.FromFileAsync(RepoPaths.ResultSchema).GetAwaiter().GetResult());

    public static TheoryData<string, string> SystemsAndSamples()
    {
        var data = new TheoryData<string, string>();
        foreach (var system in new[] { "henan-higher-vocational", "henan-secondary-vocational", "national-benchmark-monitoring" })
        {
            foreach (var sample in new[] { "passing", "failing", "vetoed", "missing-evidence" })
            {
                data.Add(system, sample);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SystemsAndSamples))]
    public void Json_MatchesTheResultSchema_AndTheLibrarysTotal(string system, string sample)
    {
        var result = Cli.Run("score", RepoPaths.Definition(system), RepoPaths.Sample(system, sample), "-f", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var errors = ResultSchema.Value.Validate(result.Stdout);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(Score(system, sample).Total, json.RootElement.GetProperty("total").GetDecimal());
    }

    [Theory]
    [MemberData(nameof(SystemsAndSamples))]
    public void CompactTable_IsAligned(string system, string sample)
    {
        var lines = Cli.Run("score", system, RepoPaths.Sample(system, sample), "--view", "compact").Stdout.Split('\n');
        var header = Array.FindIndex(lines, l => l.StartsWith("指标 ", StringComparison.Ordinal));
        var total = Array.FindIndex(lines, header, l => l.StartsWith("总分", StringComparison.Ordinal));
        var table = lines[header..(total + 1)];

        Assert.Single(table.Select(TerminalWidth.Of).Distinct());
        var scorecard = Score(system, sample);
        Assert.Equal(scorecard.Indicators.Sum(i => 1 + i.Children.Count) + 4, table.Length);
    }

    [Theory]
    [MemberData(nameof(SystemsAndSamples))]
    public void Markdown_ListsEveryObservationPointOnce(string system, string sample)
    {
        var result = Cli.Run("score", system, RepoPaths.Sample(system, sample), "-f", "markdown");

        var scorecard = Score(system, sample);
        foreach (var point in scorecard.ObservationPoints())
        {
            Assert.Single(result.StdoutLines, l => l.StartsWith($"| `{point.Id}` |", StringComparison.Ordinal));
        }

        Assert.Equal(scorecard.Indicators.Count, result.StdoutLines.Count(l => l.StartsWith("| 编号 |", StringComparison.Ordinal)));
    }

    private static Scorecard Score(string system, string sample) =>
        IndicatorSystem.Load(RepoPaths.Definition(system)).GetValueOrThrow()
            .Score(SubjectEvidence.Load(RepoPaths.Sample(system, sample)).GetValueOrThrow());
}
