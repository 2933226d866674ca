using System.Text;
using IndicatorEngine.Batch;

namespace IndicatorEngine.Tests.Batch;

/// <summary>Competition ranking by total, vetoed subjects last, percentiles, regions; joined into the result lines.</summary>
public class RankingTests
{
    [Fact]
    public void Ties_ShareARank_TheNextIsSkipped_VetoedRankLast_AndAListingOrdersTiesById()
    {
        var passing = BatchRun.SampleLine();
        var lines = new[]
        {
            passing.Replace("HV-410105-0137", "z1", StringComparison.Ordinal),
            BatchRun.SampleLine("failing"),
            passing.Replace("HV-410105-0137", "v", StringComparison.Ordinal).Replace("\"majorSecurityIncidents3y\":0", "\"majorSecurityIncidents3y\":1", StringComparison.Ordinal),
            "not json",
            passing.Replace("HV-410105-0137", "a1", StringComparison.Ordinal),
        };
        var (ranked, summary) = BatchRun.Ndjson(lines, new BatchOptions { Ranking = RankScopes.Batch, Detail = BatchDetail.Summary });

        var json = ranked.Select(BatchRun.Json).ToList();
        Assert.True(json[2].GetProperty("vetoed").GetBoolean());
        Assert.Equal(json[0].GetProperty("total").GetDecimal(), json[2].GetProperty("total").GetDecimal());
        Assert.Equal([1L, 3L, 4L, 1L], new[] { 0, 1, 2, 4 }.Select(i => json[i].GetProperty("rank").GetInt64()));
        Assert.Equal([100m, 33.33m, 0m, 100m], new[] { 0, 1, 2, 4 }.Select(i => json[i].GetProperty("percentile").GetDecimal()));
        Assert.False(json[3].TryGetProperty("rank", out _), "an error record is not ranked");
        Assert.Equal(4, summary.Scored);

        var cards = lines.Where(l => l != "not json").Select(l => BatchRun.Henan.Score(BatchRun.Henan.ReadEvidence(Encoding.UTF8.GetBytes(l), "x")));
        var listing = BatchRanking.List(cards);
        Assert.Equal(["a1", "z1", BatchRun.Json(ranked[1]).GetProperty("subject").GetProperty("id").GetString(), "v"], listing.Select(r => r.Id));
        Assert.Equal([1L, 1L, 3L, 4L], listing.Select(r => r.Position.Rank));
    }

    [Fact]
    public void RanksWithinRegions_AreCompetitionRanksAmongThatRegionsSubjects()
    {
        var subjects = BatchRun.Subjects(400, seed: 3);
        var (lines, _) = BatchRun.Ndjson(subjects, new BatchOptions { Ranking = RankScopes.Batch | RankScopes.Province | RankScopes.City, Detail = BatchDetail.Summary });

        var rows = lines.Select(BatchRun.Json).Select(j => (
            City: j.GetProperty("subject").GetProperty("region").GetProperty("city").GetString()!,
            Total: j.GetProperty("total").GetDecimal(),
            Vetoed: j.GetProperty("vetoed").GetBoolean(),
            Rank: j.GetProperty("rank").GetInt64(),
            Province: j.GetProperty("ranks").GetProperty("province").GetProperty("rank").GetInt64(),
            CityRank: j.GetProperty("ranks").GetProperty("city").GetProperty("rank").GetInt64(),
            CityOf: j.GetProperty("ranks").GetProperty("city").GetProperty("of").GetInt64(),
            HasCounty: j.GetProperty("ranks").TryGetProperty("county", out _))).ToList();

        Assert.Contains(rows, r => r.Vetoed);
        foreach (var row in rows)
        {
            Assert.Equal(ExpectedRank(rows.Select(r => (r.Total, r.Vetoed)), row.Total, row.Vetoed), row.Rank);
            Assert.Equal(row.Rank, row.Province);
            var city = rows.Where(r => r.City == row.City).ToList();
            Assert.Equal(ExpectedRank(city.Select(r => (r.Total, r.Vetoed)), row.Total, row.Vetoed), row.CityRank);
            Assert.Equal(city.Count, row.CityOf);
            Assert.False(row.HasCounty);
        }
    }

    [Fact]
    public void Percentile_IsOneHundredTimesTheShareOfTheOthersRankedBelowTheRank()
    {
        var tally = BatchRun.Ndjson(BatchRun.Subjects(5, seed: 9)).Summary;
        var ranking = new BatchRanking(tally);
        var totals = tally.Totals.Select(t => t.Total).OrderDescending().ToList();
        Assert.Equal(new RankPosition(1, 5, 100m), ranking.Rank(totals[0], false, null).Batch);
        Assert.Equal(new RankPosition(2, 5, 75m), ranking.Rank(totals[1], false, null).Batch);
        Assert.Equal(new RankPosition(5, 5, 0m), ranking.Rank(totals[4], false, null).Batch);
        Assert.Equal(new RankPosition(1, 5, 100m), ranking.Rank(totals[0] + 1, false, null).Batch);
        Assert.Null(ranking.Rank(totals[0], false, new Region("河南省", null, null)).Province);
    }

    private static long ExpectedRank(IEnumerable<(decimal Total, bool Vetoed)> all, decimal total, bool vetoed)
    {
        var list = all.ToList();
        return vetoed
            ? list.Count(r => !r.Vetoed) + list.Count(r => r.Vetoed && r.Total > total) + 1
            : list.Count(r => !r.Vetoed && r.Total > total) + 1;
    }
}
