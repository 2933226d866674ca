namespace IndicatorEngine.Batch;

/// <summary>What a regional target measures.</summary>
public enum TargetKind
{
    /// <summary>The percentage of the counted schools that meet a condition (e.g. 70% of secondary vocational schools with a standardized digital campus).</summary>
    Share,

    /// <summary>The mean of an evidence value across the counted schools that supply it, weighted when the target names a weight (e.g. the share of students with an online learning space, weighted by students).</summary>
    Mean,
}
