using System.Globalization;

namespace IndicatorEngine.Benchmarks.Peers;

/// <summary>
/// Where a peer writes one subject's result: each observation point's score (in the order of
/// <see cref="HenanFloor.PointIds"/>) and whether its evidence was there to score it, the veto, and the groups
/// and total added up in C# with the floor's caps (<see cref="HenanFloor.Total"/>). Allocate one and reuse it.
/// </summary>
public sealed class PeerResult
{
    public readonly decimal[] Points = new decimal[HenanFloor.PointIds.Length];

    /// <summary>False when the point's rule did not apply: the evidence it reads was missing or unusable (the peers cannot say which).</summary>
    public readonly bool[] Applied = new bool[HenanFloor.PointIds.Length];

    public readonly decimal[] SecondLevel = new decimal[HenanFloor.SecondLevelIds.Length];
    public readonly decimal[] FirstLevel = new decimal[HenanFloor.FirstLevelIds.Length];
    public decimal Total;
    public bool Vetoed;

    /// <summary>Adds the points up into the groups and the total.</summary>
    public void AddUp() => Total = HenanFloor.Total(Points, SecondLevel, FirstLevel);

    /// <summary>
    /// The first difference from the floor's result for the same subject, or null: every point's score, whether a
    /// point with evidence of its own (not a checklist) was scored or left missing/in error, every group, the
    /// total and the veto.
    /// </summary>
    public string? Difference(HenanResult floor)
    {
        ArgumentNullException.ThrowIfNull(floor);
        for (var i = 0; i < Points.Length; i++)
        {
            if (Points[i] != floor.Points[i])
            {
                return Say($"{HenanFloor.PointIds[i]}: floor {floor.Points[i]}, peer {Points[i]}");
            }

            var scored = floor.PointStatus[i] is not (ScoreStatus.MissingEvidence or ScoreStatus.Error);
            if (PeerPoints.All[i] is not ChecklistPoint && Applied[i] != scored)
            {
                return Say($"{HenanFloor.PointIds[i]}: floor {floor.PointStatus[i]}, peer {(Applied[i] ? "applied" : "not applied")}");
            }
        }

        for (var i = 0; i < SecondLevel.Length; i++)
        {
            if (SecondLevel[i] != floor.SecondLevel[i])
            {
                return Say($"{HenanFloor.SecondLevelIds[i]}: floor {floor.SecondLevel[i]}, peer {SecondLevel[i]}");
            }
        }

        for (var i = 0; i < FirstLevel.Length; i++)
        {
            if (FirstLevel[i] != floor.FirstLevel[i])
            {
                return Say($"{HenanFloor.FirstLevelIds[i]}: floor {floor.FirstLevel[i]}, peer {FirstLevel[i]}");
            }
        }

        return Total != floor.Total ? Say($"total: floor {floor.Total}, peer {Total}")
            : Vetoed != floor.Vetoed ? Say($"veto: floor {floor.Vetoed}, peer {Vetoed}")
            : null;
    }

    private static string Say(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
