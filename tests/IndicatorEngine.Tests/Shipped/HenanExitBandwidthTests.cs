using System.Text.Json.Nodes;
using IndicatorEngine.Benchmarks;

namespace IndicatorEngine.Tests.Shipped;

/// <summary>
/// Henan's exit-bandwidth point (3 points): the requirement is 0.7 Mbps per head of staff and students, but
/// 20 Gbps in all suffices for 30,000 people or more; full points at the requirement, pro rata below. The
/// engine (the definition's formula) and the hand-written floor agree at the edges; the engine's scores at
/// the edges are pinned in <see cref="Scripting.ShippedFormulaTests"/>.
/// </summary>
public class HenanExitBandwidthTests
{
    private const string PointId = "infrastructure.network.communication.exit-bandwidth";

    private static readonly Lazy<IndicatorSystem> Henan = new(() => IndicatorSystem.Load(RepoPaths.Definition("henan-higher-vocational")).GetValueOrThrow());

    [Fact]
    public void FortyThousandPeopleWith20Gbps_ScoreFullPoints_RegressionFor20GbpsClauseNeverHelping()
    {
        var card = Henan.Value.Score(SubjectEvidence.Create("s", new Dictionary<string, object?>
        {
            ["campusHeadcount"] = 40000,
            ["exitBandwidthGbps"] = 20m,
        }));

        var point = card.Find(PointId)!;
        Assert.Equal(3m, point.Score);
        Assert.Equal(ScoreStatus.Scored, point.Status);
    }

    [Theory]
    [InlineData(29999, 20)]
    [InlineData(29999, 20.9993)]
    [InlineData(30000, 20)]
    [InlineData(30000, 19.99)]
    [InlineData(40000, 20)]
    [InlineData(40000, 19)]
    [InlineData(16850, 10)]
    public void ExitBandwidth_FloorAgreesWithTheEngine_AtTheEdges(int heads, double gbps)
    {
        var json = JsonNode.Parse(File.ReadAllText(RepoPaths.Sample("passing")))!;
        json["values"]!["campusHeadcount"] = heads;
        json["values"]!["exitBandwidthGbps"] = (decimal)gbps;
        var text = json.ToJsonString();
        var result = new HenanResult();
        HenanFloor.Score(HenanEvidence.From(text), result);
        var card = Henan.Value.Score(SubjectEvidence.Parse(text).GetValueOrThrow());

        var index = Array.IndexOf(HenanFloor.PointIds, PointId);
        Assert.Equal(card.Find(PointId)!.Score, result.Points[index]);
        Assert.Equal(card.Find(PointId)!.Status, result.PointStatus[index]);
        Assert.Equal(card.Total, result.Total);
    }
}
