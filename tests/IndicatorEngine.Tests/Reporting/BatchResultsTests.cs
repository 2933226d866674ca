using IndicatorEngine.Batch;

namespace IndicatorEngine.Tests.Reporting;

/// <summary>The province report's reading of a batch's results: the summary it builds is the batch's own.</summary>
public class BatchResultsTests
{
    private static (byte[] Results, BatchSummary Summary) Batch(IndicatorSystem system, int count)
    {
        using var schools = new MemoryStream();
        new EvidenceGenerator(system, seed: 11).WriteNdjson(schools, count);
        schools.Position = 0;
        using var output = new MemoryStream();
        var summary = new BatchRunner(system).RunAsync(BatchSource.Ndjson(schools, "schools.ndjson"), output).GetAwaiter().GetResult();
        return (output.ToArray(), summary);
    }

    [Theory]
    [InlineData("national-benchmark-monitoring")]
    [InlineData("henan-higher-vocational")]
    public void SummaryFromTheResults_IsTheBatchsSummary_ButForTargetsThatReadEvidence(string id)
    {
        var system = IndicatorSystem.LoadShipped(id);
        var (results, batch) = Batch(system, 150);

        using var input = new MemoryStream(results);
        var read = BatchResults.Read(system, input, "results.ndjson");

        Assert.Equal(batch.Records, read.Summary.Records);
        Assert.Equal(batch.Errors, read.Summary.Errors);
        Assert.Equal(batch.Totals, read.Summary.Totals);
        Assert.Equal(batch.Grades, read.Summary.Grades);
        Assert.Equal(batch.Indicators, read.Summary.Indicators);
        Assert.Equal(batch.Median, read.Summary.Median);
        Assert.Equal(batch.Regions.Select(r => (r.Level, r.City, r.County, r.Count, r.Passed, r.Sum)), read.Summary.Regions.Select(r => (r.Level, r.City, r.County, r.Count, r.Passed, r.Sum)));
        if (batch.Targets.Count == 0)
        {
            Assert.Equal(batch.ToJson(), read.Summary.ToJson());
        }
    }

    [Fact]
    public void PointShares_AreTheMeanOfEachPointsScores_OverTheSchoolsItAppliesTo()
    {
        var system = IndicatorSystem.LoadShipped("henan-secondary-vocational");
        var (results, _) = Batch(system, 40);
        using var input = new MemoryStream(results);
        var read = BatchResults.Read(system, input, "results.ndjson");

        var lines = System.Text.Encoding.UTF8.GetString(results).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => System.Text.Json.Nodes.JsonNode.Parse(l)!).Where(l => l["error"] is null).ToList();
        foreach (var point in read.Points())
        {
            var scores = lines.Select(l => Find(l["indicators"]!.AsArray(), point.Id)).Where(n => n!["status"]!.GetValue<string>() != "not-applicable").Select(n => n!["score"]!.GetValue<decimal>()).ToList();
            Assert.Equal(scores.Count, point.Count);
            Assert.Equal(scores.Sum(), point.Sum);
        }
    }

    private static System.Text.Json.Nodes.JsonNode? Find(System.Text.Json.Nodes.JsonArray nodes, string id)
    {
        foreach (var node in nodes)
        {
            if (node!["id"]!.GetValue<string>() == id)
            {
                return node;
            }

            if (Find(node["children"]!.AsArray(), id) is { } found)
            {
                return found;
            }
        }

        return null;
    }
}
