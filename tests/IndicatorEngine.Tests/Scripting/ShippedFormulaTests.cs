
namespace IndicatorEngine.Tests.Scripting;

/// <summary>The shipped systems' formula rules say what the published points say.</summary>
public class ShippedFormulaTests
{
    private const string ExitBandwidth = "infrastructure.network.communication.exit-bandwidth";

    [Theory]
    [InlineData(16850, 10, 2.54)] // 0.59 Mbps/head of the 0.7 needed
    [InlineData(28000, 19.6, 3)] // 0.7 Mbps/head
    [InlineData(29999, 20, 2.86)] // below 30,000 people 0.7 Mbps/head is needed: 20,999.3 Mbps
    [InlineData(29999, 21, 3)]
    [InlineData(10000, 3.5, 1.5)]
    [InlineData(30000, 20, 3)] // from 30,000 people 20 Gbps in all suffices (0.7 × 30,000 would be 21 Gbps)
    [InlineData(30000, 19, 2.85)] // 19 of 20 Gbps
    [InlineData(30000, 21, 3)]
    [InlineData(40000, 20, 3)] // 0.5 Mbps/head, but 20 Gbps in all: full points (the 20 Gbps clause used to never help: 2.14)
    [InlineData(40000, 18, 2.7)] // 18 of 20 Gbps
    [InlineData(40000, 10, 1.5)]
    [InlineData(120000, 20, 3)]
    [InlineData(25000, 0, 0)]
    public void HenanExitBandwidth_Needs07MbpsPerHead_Or20GbpsInAllFrom30000People(int people, double gbps, double expected)
    {
        var system = IndicatorSystem.Load(RepoPaths.Definition("henan-higher-vocational")).GetValueOrThrow();
        var evidence = SubjectEvidence.Create("s", new Dictionary<string, object?> { ["campusHeadcount"] = people, ["exitBandwidthGbps"] = gbps });
        var leaf = system.Score(evidence).Find(ExitBandwidth)!;
        Assert.True((decimal)expected == leaf.Score, $"{leaf.Score}: {leaf.Explanation}");
        Assert.NotEqual(ScoreStatus.Error, leaf.Status);
    }
}
