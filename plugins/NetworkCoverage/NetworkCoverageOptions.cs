namespace NetworkCoverage;

/// <summary>The options of a <c>network-coverage</c> rule, as written in the definition.</summary>
public sealed class NetworkCoverageOptions
{
    /// <summary>The campuses, each with the evidence key of its wireless coverage (%) and, optionally, of its headcount.</summary>
    public required List<CampusOptions> Campuses { get; init; }

    /// <summary>Coverage (%) that earns full points. Default 95.</summary>
    public decimal Target { get; init; } = 95m;

    /// <summary>Coverage (%) at or below which no points are earned. Default 0.</summary>
    public decimal Floor { get; init; }
}

/// <summary>One campus of a <c>network-coverage</c> rule.</summary>
public sealed class CampusOptions
{
    /// <summary>The campus as the explanation names it, e.g. 主校区.</summary>
    public required string Name { get; init; }

    /// <summary>Evidence key of the share (%) of teaching and living areas the campus's wireless network covers.</summary>
    public required string Coverage { get; init; }

    /// <summary>Evidence key of the campus's headcount; when every campus gives one, the mean is weighted by headcount.</summary>
    public string? People { get; init; }
}
