using System.Text;

namespace IndicatorEngine.Benchmarks;

/// <summary>
/// Holds the hand-written floor to the engine: scores evidence both ways, through the engine's public API
/// (<see cref="IndicatorSystem.Score"/>, <see cref="Scorecard.Find"/>) and through <see cref="HenanFloor"/>,
/// and lists every difference in an observation point's score or status, a group's score or status, the
/// total, the veto, the verdict or the grade. Used by <c>--check-floor</c> and by the engine's tests.
/// </summary>
public static class HenanFloorCheck
{
    /// <summary>The differences between the engine and the floor for one evidence file; empty when they agree.</summary>
    public static List<string> Compare(IndicatorSystem system, byte[] utf8Json, HenanResult scratch)
    {
        ArgumentNullException.ThrowIfNull(system);
        var loaded = SubjectEvidence.Parse(Encoding.UTF8.GetString(utf8Json));
        if (loaded.Value is not { } evidence)
        {
            return [$"the engine did not load the evidence: {string.Join("; ", loaded.Diagnostics.Where(d => d.IsError))}"];
        }

        var card = system.Score(evidence);
        HenanFloor.Score(HenanEvidence.From(utf8Json), scratch);
        var differences = new List<string>();
        var prefix = evidence.Id + ": ";
        for (var i = 0; i < HenanFloor.PointIds.Length; i++)
        {
            Node(card, HenanFloor.PointIds[i], scratch.Points[i], scratch.PointStatus[i], prefix, differences);
        }

        Node(card, HenanFloor.NetworkCommunicationId, scratch.NetworkCommunication, scratch.NetworkCommunicationStatus, prefix, differences);
        for (var i = 0; i < HenanFloor.SecondLevelIds.Length; i++)
        {
            Node(card, HenanFloor.SecondLevelIds[i], scratch.SecondLevel[i], scratch.SecondLevelStatus[i], prefix, differences);
        }

        for (var i = 0; i < HenanFloor.FirstLevelIds.Length; i++)
        {
            Node(card, HenanFloor.FirstLevelIds[i], scratch.FirstLevel[i], scratch.FirstLevelStatus[i], prefix, differences);
        }

        if (card.Total != scratch.Total)
        {
            differences.Add($"{prefix}total: engine {card.Total}, floor {scratch.Total}");
        }

        if (card.Vetoed != scratch.Vetoed)
        {
            differences.Add($"{prefix}vetoed: engine {card.Vetoed}, floor {scratch.Vetoed}");
        }

        if (card.TotalUpperBound != scratch.TotalUpperBound)
        {
            differences.Add($"{prefix}total upper bound: engine {card.TotalUpperBound}, floor {scratch.TotalUpperBound}");
        }

        if (card.UndecidedVetoes.Count > 0 != scratch.VetoUndecided)
        {
            differences.Add($"{prefix}veto undecided: engine {card.UndecidedVetoes.Count > 0}, floor {scratch.VetoUndecided}");
        }

        if (card.Verdict != scratch.Verdict)
        {
            differences.Add($"{prefix}verdict: engine {card.Verdict}, floor {scratch.Verdict}");
        }

        if (card.Grade?.Id != HenanFloor.GradeId(scratch.Grade) || card.GradeUpperBound?.Id != HenanFloor.GradeId(scratch.GradeUpperBound))
        {
            differences.Add($"{prefix}grade: engine {card.Grade?.Id}–{card.GradeUpperBound?.Id}, floor {HenanFloor.GradeId(scratch.Grade)}–{HenanFloor.GradeId(scratch.GradeUpperBound)}");
        }

        return differences;
    }

    /// <summary>Differences in shape: the floor's ids are exactly the system's observation points and groups, in tree order.</summary>
    public static List<string> CompareStructure(IndicatorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        var differences = new List<string>();
        var leaves = new List<string>();
        var second = new List<string>();
        var first = system.Indicators.Select(i => i.Id).ToList();
        foreach (var indicator in system.Indicators)
        {
            foreach (var child in indicator.Children)
            {
                second.Add(child.Id);
            }
        }

        var card = system.Score(SubjectEvidence.Create("structure", new Dictionary<string, object?>()));
        leaves.AddRange(card.ObservationPoints().Select(p => p.Id));
        Same("observation points", leaves, HenanFloor.PointIds, differences);
        Same("second-level indicators", second, HenanFloor.SecondLevelIds, differences);
        Same("first-level indicators", first, HenanFloor.FirstLevelIds, differences);
        if (system.Points != HenanFloor.MaxTotal || system.DefaultProfile.PassThreshold != HenanFloor.PassThreshold)
        {
            differences.Add($"points {system.Points} and pass threshold {system.DefaultProfile.PassThreshold}; the floor has {HenanFloor.MaxTotal} and {HenanFloor.PassThreshold}");
        }

        return differences;
    }

    private static void Same(string what, List<string> engine, string[] floor, List<string> differences)
    {
        if (!engine.SequenceEqual(floor, StringComparer.Ordinal))
        {
            differences.Add($"{what}: engine [{string.Join(", ", engine)}], floor [{string.Join(", ", floor)}]");
        }
    }

    private static void Node(Scorecard card, string id, decimal score, ScoreStatus status, string prefix, List<string> differences)
    {
        var node = card.Find(id);
        if (node is null)
        {
            differences.Add($"{prefix}{id}: not in the engine's scorecard");
        }
        else if (node.Score != score || node.Status != status)
        {
            differences.Add($"{prefix}{id}: engine {node.Score} {node.Status} ({node.Explanation}), floor {score} {status}");
        }
    }
}
