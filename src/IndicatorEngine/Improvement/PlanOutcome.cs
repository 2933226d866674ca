namespace IndicatorEngine;

/// <summary>What gap analysis found for a subject and a target (<see cref="ImprovementPlan.Outcome"/>).</summary>
public enum PlanOutcome
{
    /// <summary>The subject reaches the target as it is: no change is needed.</summary>
    AlreadyMet,

    /// <summary>The changes listed reach the target, and are the fewest that do (then the fewest points beyond it).</summary>
    Reachable,

    /// <summary>No change the rules allow reaches it: <see cref="ImprovementPlan.AtMost"/> is the best total, and the plan's points say what is left to experts or cannot be worked out.</summary>
    Unreachable,

    /// <summary>The search stopped at its bound: the changes listed reach the target, but fewer might; no smaller set was left unsearched than the number of changes minus one.</summary>
    SearchLimitReached,
}
