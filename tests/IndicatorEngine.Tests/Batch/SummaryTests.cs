using System.Text;
using FsCheck.Xunit;
using IndicatorEngine.Batch;

namespace IndicatorEngine.Tests.Batch;

/// <summary>The summary's statistics, roll-ups, and exact merging of shards.</summary>
public class SummaryTests
{
    private static readonly string[] Input = BuildInput();

    [Fact]
    public void Statistics_AreThoseOfTheScoredTotals_QuantilesOfType7()
    {
        var (lines, summary) = BatchRun.Ndjson(BatchRun.Subjects(301, seed: 5), new BatchOptions { Detail = BatchDetail.Summary });
        var rows = lines.Select(BatchRun.Json).ToList();
        var totals = rows.Select(r => r.GetProperty("total").GetDecimal()).Order().ToList();

        Assert.Equal(301, summary.Scored);
        Assert.Equal(rows.Count(r => r.GetProperty("verdict").GetString() == "passed"), summary.Passed);
        Assert.Equal(rows.Count(r => r.GetProperty("verdict").GetString() == "undetermined"), summary.Undetermined);
        Assert.Equal(rows.Count(r => r.GetProperty("vetoed").GetBoolean()), summary.Vetoed);
        Assert.Equal(summary.Scored, summary.Passed + summary.Failed + summary.Undetermined + summary.Vetoed);
        Assert.Equal(totals.Sum(), summary.Sum);
        Assert.Equal(Math.Round(totals.Sum() / 301, 4, MidpointRounding.AwayFromZero), summary.Mean);
        Assert.Equal(totals[0], summary.Min);
        Assert.Equal(totals[^1], summary.Max);
        Assert.Equal(totals[150], summary.Median);
        Assert.Equal(totals[75], summary.LowerQuartile);
        Assert.Equal(totals[225], summary.UpperQuartile);
        // Vetoed subjects are not graded: they come last, with no grade id.
        var grades = rows.GroupBy(r => r.GetProperty("grade") is { ValueKind: System.Text.Json.JsonValueKind.Object } g ? g.GetProperty("id").GetString()! : "").ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Equal(summary.Vetoed, grades[""]);
        Assert.Equal(["excellent", "good", "pass", "fail", null], summary.Grades.Select(g => g.GradeId));
        Assert.All(summary.Grades, g => Assert.Equal(grades.GetValueOrDefault(g.GradeId ?? ""), g.Count));
    }

    [Fact]
    public void Quartiles_InterpolateBetweenTotals()
    {
        var lines = BatchRun.Subjects(4, seed: 21);
        var summary = BatchRun.Ndjson(lines).Summary;
        var x = summary.Totals.SelectMany(t => Enumerable.Repeat(t.Total, (int)t.Count)).ToList();

        // n = 4: h = 0.75, 1.5, 2.25.
        Assert.Equal(x[0] + (0.75m * (x[1] - x[0])), summary.LowerQuartile);
        Assert.Equal(x[1] + (0.5m * (x[2] - x[1])), summary.Median);
        Assert.Equal(x[2] + (0.25m * (x[3] - x[2])), summary.UpperQuartile);
    }

    [Fact]
    public void RegionalRollUps_CountPassRateMeanAndShares_ByCity()
    {
        var (lines, summary) = BatchRun.Ndjson(BatchRun.Subjects(200, seed: 8), new BatchOptions { Detail = BatchDetail.Indicators });
        var rows = lines.Select(BatchRun.Json).ToList();
        var province = Assert.Single(summary.Regions, r => r.Level == RegionLevel.Province);
        Assert.Equal(("河南省", 200L), (province.Province, province.Count));
        foreach (var city in summary.Regions.Where(r => r.Level == RegionLevel.City))
        {
            var mine = rows.Where(r => r.GetProperty("subject").GetProperty("region").GetProperty("city").GetString() == city.City).ToList();
            Assert.Equal(mine.Count, city.Count);
            Assert.Equal(Math.Round((decimal)mine.Count(r => r.GetProperty("verdict").GetString() == "passed") / mine.Count, 4, MidpointRounding.AwayFromZero), city.PassRate);
            Assert.Equal(Math.Round(mine.Sum(r => r.GetProperty("total").GetDecimal()) / mine.Count, 4, MidpointRounding.AwayFromZero), city.Mean);
            var infrastructure = mine.Sum(r => r.GetProperty("indicators")[0].GetProperty("score").GetDecimal());
            Assert.Equal(infrastructure, city.Indicators[0].Sum);
            Assert.Equal(Math.Round(infrastructure / (mine.Count * 80m), 4, MidpointRounding.AwayFromZero), city.Indicators[0].MeanShare);
        }

        Assert.Equal(200, summary.Regions.Where(r => r.Level == RegionLevel.City).Sum(r => r.Count));
    }

    [Fact]
    public void TheHistogram_KeepsTotalsExactly_WhateverTheirDecimalPlaces()
    {
        var tally = new Tally(0, 0);
        tally.AddTotal(5m, 1, 0);
        tally.AddTotal(5.5m, 1, 1);
        tally.AddTotal(5.25m, 2, 0);
        tally.AddTotal(5.50m, 1, 0);
        tally.AddTotal(0.125m, 1, 0);

        Assert.Equal([new TotalCount(0.125m, 1, 0), new TotalCount(5m, 1, 0), new TotalCount(5.25m, 2, 0), new TotalCount(5.5m, 2, 1)], tally.Ascending());
        Assert.Equal("5.5", tally.Ascending()[^1].Total.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ASummary_SurvivesJson()
    {
        var summary = BatchRun.Ndjson(Input).Summary;
        var json = summary.ToJson();
        Assert.Equal(json, BatchSummary.Parse(json).ToJson());
        Assert.Throws<InvalidDataException>(() => BatchSummary.Parse("{}"));
    }

    [Property(MaxTest = 40)]
    public void SplittingTheInputIntoAnyShards_AndMerging_EqualsOneRun(byte[] cuts)
    {
        var one = BatchRun.Ndjson(Input, new BatchOptions { Ranking = RankScopes.Batch | RankScopes.City, Detail = BatchDetail.Summary });
        var points = cuts.Select(c => c % (Input.Length + 1)).Append(0).Append(Input.Length).Distinct().Order().ToList();
        var shards = points.Zip(points.Skip(1)).Select(p => Input[p.First..p.Second]).ToList();
        var results = shards.Select(s => BatchRun.Ndjson(s, new BatchOptions { Detail = BatchDetail.Summary, MaxParallelism = 2 })).ToList();

        // Summaries merged in memory and through their JSON files.
        var merged = BatchSummary.Merge(results.Select(r => r.Summary));
        Assert.Equal(one.Summary.ToJson(), merged.ToJson());
        Assert.Equal(one.Summary.ToJson(), BatchSummary.Merge(results.Select(r => BatchSummary.Parse(r.Summary.ToJson(indented: false)))).ToJson());

        // The shards' lines ranked against the merged summary are the one run's ranked lines (but for the record numbers).
        var shardLines = new MemoryStream(Encoding.UTF8.GetBytes(string.Concat(results.SelectMany(r => r.Lines).Select(l => l + "\n"))));
        var ranked = new MemoryStream();
        new BatchRanking(merged, RankScopes.Batch | RankScopes.City).AddRanksAsync(shardLines, ranked).GetAwaiter().GetResult();
        Assert.Equal(one.Lines.Select(WithoutRecord), BatchRun.SplitLines(ranked.ToArray()).Select(WithoutRecord));
    }

    [Fact]
    public void Merging_RefusesAnotherSystem()
    {
        var henan = BatchRun.Ndjson(Input.Take(3)).Summary;
        var national = BatchRun.Ndjson("{\"id\":\"x\",\"values\":{}}\n", system: IndicatorSystem.LoadShipped("national-benchmark-monitoring")).Summary;
        Assert.Throws<ArgumentException>(() => BatchSummary.Merge([henan, national]));
    }

    /// <summary>A line without its record number (an error record: its code only, since its message names its line in its shard).</summary>
    private static string WithoutRecord(string line) =>
        BatchRun.Json(line).TryGetProperty("error", out var error)
            ? error.GetProperty("code").GetString()!
            : System.Text.RegularExpressions.Regex.Replace(line, "^\\{\"record\":[0-9]+,", "{");

    /// <summary>60 generated schools (vetoed ones among them), a copy of one under another id (a tie), an error and a blank line.</summary>
    private static string[] BuildInput()
    {
        var subjects = BatchRun.Subjects(60, seed: 17).ToList();
        subjects.Insert(20, subjects[4].Replace("school-00005", "school-tie", StringComparison.Ordinal));
        subjects.Insert(33, "{ broken");
        subjects.Insert(41, "");
        return [.. subjects];
    }
}
