using IndicatorEngine.Benchmarks;
using IndicatorEngine.Benchmarks.Peers;

namespace IndicatorEngine.Tests.Floor;

/// <summary>
/// The peers of <c>PeerBenchmarks</c> — the Henan points as a Microsoft RulesEngine workflow and as NCalc
/// expressions — score generated schools exactly as the hand-written floor does (every point, whether it was
/// scored, every group, the total and the veto), so that the benchmark compares like with like.
/// </summary>
public class PeerFloorTests
{
    private const int Schools = 300;

    private static readonly Lazy<(HenanEvidence Bound, PeerSubject Peer)[]> Subjects = new(() =>
        HenanSubjects.Generate(Schools, seed: 11).Select(HenanEvidence.From).Select(e => (e, PeerSubject.From(e))).ToArray());

    [Fact]
    public void RulesEngineWorkflow_AgreesWithTheFloor_OnGeneratedSchools()
    {
        var peer = new RulesEnginePeer();
        AssertAgrees((subject, result) => peer.Score(RulesEnginePeer.Input(subject), result));
    }

    [Fact]
    public void NCalcExpressions_AgreeWithTheFloor_OnGeneratedSchools()
    {
        var peer = new NCalcPeer();
        AssertAgrees(peer.Score);
    }

    [Fact]
    public void GeneratedSchools_IncludeMissingValuesAndVetoes_SoTheComparisonCoversThem()
    {
        var floor = new HenanResult();
        var missing = 0;
        var vetoed = 0;
        foreach (var (bound, _) in Subjects.Value)
        {
            HenanFloor.Score(bound, floor);
            missing += floor.PointStatus.Any(s => s == ScoreStatus.MissingEvidence) ? 1 : 0;
            vetoed += floor.Vetoed ? 1 : 0;
        }

        Assert.InRange(missing, 1, Schools - 1);
        Assert.InRange(vetoed, 1, Schools - 1);
    }

    [Fact]
    public void Peers_AreGivenEveryObservationPoint_InTheFloorsOrder()
    {
        Assert.Equal(HenanFloor.PointIds.Length, PeerPoints.All.Length);
        Assert.Equal(HenanFloor.PointIds, RulesEnginePeer.Workflow().Rules.Take(PeerPoints.All.Length).Select(r => r.RuleName));
    }

    private static void AssertAgrees(Action<PeerSubject, PeerResult> score)
    {
        var floor = new HenanResult();
        var result = new PeerResult();
        var differences = new List<string>();
        foreach (var (bound, subject) in Subjects.Value)
        {
            HenanFloor.Score(bound, floor);
            score(subject, result);
            if (result.Difference(floor) is { } difference)
            {
                differences.Add($"{bound.Id}: {difference}");
            }
        }

        Assert.Empty(differences);
    }
}
