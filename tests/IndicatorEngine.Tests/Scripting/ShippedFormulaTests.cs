
namespace IndicatorEngine.Tests.Scripting;

/// <summary>The shipped systems' formula rules say what the published points say.</summary>
public class ShippedFormulaTests
{
    private const string ExitBandwidth = "infrastructure.network.communication.exit-bandwidth";

    [Theory]
    [InlineData(16850, 10, 2.54)] // 0.59 Mbps/head, no total needed below 30,000 people
    [InlineData(28000, 19.6, 3)] // 0.7 Mbps/head
    [InlineData(30000, 19, 2.71)] // 0.63 Mbps/head (0.905 of the target) and 19 of 20 Gbps (0.95): the smaller counts
    [InlineData(30000, 21, 3)] // 0.7 Mbps/head and over 20 Gbps
    [InlineData(40000, 18, 1.93)] // 0.45 Mbps/head is 0.643 of the target; 18 of 20 Gbps is 0.9: the per-head part counts
    [InlineData(25000, 0, 0)]
    public void HenanExitBandwidth_NeedsPerHeadAndFrom30000People20GbpsInTotal(int people, double gbps, double expected)
    {
        var system = IndicatorSystem.Load(RepoPaths.Definition("henan-higher-vocational")).GetValueOrThrow();
        var evidence = SubjectEvidence.Create("s", new Dictionary<string, object?> { ["campusHeadcount"] = people, ["exitBandwidthGbps"] = gbps });
        var leaf = system.Score(evidence).Find(ExitBandwidth)!;
        Assert.True((decimal)expected == leaf.Score, $"{leaf.Score}: {leaf.Explanation}");
        Assert.NotEqual(ScoreStatus.Error, leaf.Status);
    }
}
