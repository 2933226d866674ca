namespace IndicatorEngine.Benchmarks.Peers;

/// <summary>One of the Henan system's observation points, as the peers are given it: a shape and its numbers.</summary>
/// <param name="Max">The point's design points: a score is clamped to [0, Max].</param>
public abstract record PeerPoint(decimal Max);

/// <summary>Max points on yes, 0 on no.</summary>
public sealed record BooleanPoint(string Key, decimal Max) : PeerPoint(Max);

/// <summary>The points of the first tier the value reaches (highest first), 0 below them all.</summary>
/// <param name="Per">When set, the value is <c>Key × Scale ÷ Per</c> (a per-head measure; 0 people is an error).</param>
public sealed record TiersPoint(string Key, decimal Max, (decimal AtLeast, decimal Points)[] Tiers, string? Per = null, decimal Scale = 1m) : PeerPoint(Max);

/// <summary><c>Max × clamp((value − From) ÷ (Target − From), 0, 1)</c>, rounded to 2 places.</summary>
public sealed record LinearPoint(string Key, decimal Max, decimal From, decimal Target, string? Per = null) : PeerPoint(Max);

/// <summary>The points of the value chosen.</summary>
public sealed record ChoicePoint(string Key, decimal Max, (string Value, decimal Points)[] Choices) : PeerPoint(Max);

/// <summary>The points of the items present (a yes, or a listed document), capped at Max.</summary>
public sealed record ChecklistPoint(decimal Max, (string Key, decimal Points)[] Items) : PeerPoint(Max);

/// <summary>A score entered by hand, 0 outside [0, Max] (the engine: an error), rounded to 2 places.</summary>
public sealed record ManualPoint(string Key, decimal Max) : PeerPoint(Max);

/// <summary>
/// The exit-bandwidth formula: <c>min(exitBandwidthGbps × 1000 ÷ (campusHeadcount ≥ 30000 ? 20000 : 0.7 × campusHeadcount), 1) × 3</c>.
/// </summary>
public sealed record ExitBandwidthPoint() : PeerPoint(3m);

/// <summary>
/// The 51 observation points of the Henan higher-vocational system in the order of <see cref="HenanFloor.PointIds"/>,
/// with the same numbers as <see cref="HenanFloor"/>, written once and rendered as RulesEngine rules
/// (<see cref="RulesEnginePeer"/>) and as NCalc expressions (<see cref="NCalcPeer"/>), so both peers score
/// the same rules. The veto is <see cref="VetoKey"/> ≥ 1.
/// </summary>
public static class PeerPoints
{
    public const string VetoKey = "majorSecurityIncidents3y";

    public static readonly PeerPoint[] All =
    [
        Checklist(4m, ("wiredCoverageTeachingOffice", 1m), ("indoorWirelessFull", 1m), ("outdoorWirelessPublic", 1m), ("multiCampusOneNetwork", 1m)),
        new ExitBandwidthPoint(),
        new ChoicePoint("backboneLevel", 3m, [("10G-redundant", 3m), ("10G", 2m), ("1G", 1m), ("below-1G", 0m)]),
        new BooleanPoint("businessSubnets", 3m),
        Tiers("cernetBandwidthMbps", 4m, (100m, 4m), (1m, 2m)),
        Tiers("ipv6Applications", 2m, (1m, 2m)),
        new ManualPoint("physicalFacilitiesScore", 2m),
        Checklist(6m, ("gigabitWlan", 2m), ("campus5g", 2m), ("iotPlatform", 2m)),
        new LinearPoint("cloudSystemsRatio", 8m, 0m, 80m),
        Tiers("virtualCpuCores", 8m, (1000m, 8m), (500m, 6m), (200m, 4m), (50m, 2m)),
        Tiers("multimediaClassroomRatio", 7m, (70m, 7m), (50m, 4m)),
        new LinearPoint("smartClassroomRatio", 7m, 0m, 20m),
        new ChoicePoint("virtualSimulationBase", 7m, [("national", 7m), ("provincial", 6m), ("school", 4m), ("none", 0m)]),
        new TiersPoint("itStaffCount", 8m, [(1m, 8m), (0.5m, 4m)], Per: "campusHeadcount", Scale: 1000m),
        Checklist(8m, ("opsMonitoringPlatform", 2m), ("opsHelpDesk", 2m), ("opsDuty7x24", 2m), ("opsRegulations", 2m)),
        new LinearPoint("ssoCoverageRatio", 18m, 0m, 90m),
        Tiers("onlineServiceItems", 16m, (100m, 16m), (50m, 12m), (20m, 6m)),
        Checklist(16m, ("campusCardConsumption", 4m), ("campusCardLibrary", 4m), ("campusCardAccess", 4m), ("campusCardMobile", 4m)),
        Checklist(10m, ("dataStandard", 5m), ("dataResourceCatalog", 5m)),
        new LinearPoint("dataSharingRatio", 15m, 0m, 90m),
        new ChoicePoint("dataHubReporting", 15m, [("continuous", 15m), ("connected", 8m), ("none", 0m)]),
        Tiers("resourceLibraries", 15m, (3m, 15m), (2m, 12m), (1m, 8m)),
        new LinearPoint("onlineOpenCourses", 15m, 0m, 20m),
        new LinearPoint("courseDigitizationRatio", 15m, 20m, 80m),
        Tiers("platformContributedResources", 15m, (500m, 15m), (100m, 8m)),
        new LinearPoint("annualResourceVisits", 10m, 0m, 100m, Per: "studentCount"),
        Tiers("teacherActiveUseRatio", 10m, (80m, 10m), (50m, 5m)),
        Tiers("teacherSpaceRatio", 16m, (90m, 16m), (70m, 10m)),
        Tiers("studentSpaceRatio", 16m, (60m, 16m), (40m, 10m)),
        new LinearPoint("blendedCourseRatio", 16m, 0m, 50m),
        Checklist(16m, ("libDigitalResources", 4m), ("libSelfService", 4m), ("libSeatBooking", 4m), ("libMobileAccess", 4m)),
        new LinearPoint("onlineStudentAffairsRatio", 18m, 0m, 80m),
        new ManualPoint("learningVisibilityScore", 18m),
        Checklist(20m, ("eduScheduling", 5m), ("eduGrades", 5m), ("eduQualityMonitoring", 5m), ("eduInternship", 5m)),
        Tiers("managementDomainsOnline", 15m, (8m, 15m), (6m, 11m), (4m, 7m)),
        new BooleanPoint("decisionSupportDashboard", 15m),
        new BooleanPoint("leadingGroup", 12m),
        new BooleanPoint("cioAppointed", 12m),
        Checklist(15m, ("informatizationPlan", 8m), ("annualImplementationPlan", 7m)),
        new LinearPoint("leaderTrainingRatio", 12m, 0m, 100m),
        Tiers("itBudgetRatio", 17m, (8m, 17m), (5m, 13m), (3m, 8m)),
        Tiers("teacherTrainingRatio", 16m, (50m, 16m), (30m, 10m)),
        Checklist(16m, ("itRegulations", 6m), ("selfAssessmentReport", 5m), ("thirdPartyEvaluation", 5m)),
        new LinearPoint("mlpsPassRatio", 18m, 0m, 100m),
        Checklist(18m, ("realNameAccess", 6m), ("firewallIps", 4m), ("webAppFirewall", 4m), ("logAudit6m", 4m)),
        new ChoicePoint("backupLevel", 12m, [("offsite", 12m), ("local", 7m), ("none", 0m)]),
        Checklist(12m, ("dataClassification", 6m), ("privacyPolicy", 6m)),
        new LinearPoint("vulnFixedOnTimeRatio", 10m, 50m, 100m),
        Tiers("emergencyDrills", 10m, (2m, 10m), (1m, 6m)),
        new BooleanPoint("opinionMonitoring", 10m),
        new ManualPoint("awarenessScore", 10m),
    ];

    /// <summary>The evidence keys a point cannot be scored without (a checklist: none, it scores the items present).</summary>
    public static IEnumerable<string> Needs(PeerPoint point) => point switch
    {
        BooleanPoint p => [p.Key],
        TiersPoint p => p.Per is null ? [p.Key] : [p.Key, p.Per],
        LinearPoint p => p.Per is null ? [p.Key] : [p.Key, p.Per],
        ChoicePoint p => [p.Key],
        ManualPoint p => [p.Key],
        ExitBandwidthPoint => ["exitBandwidthGbps", "campusHeadcount"],
        _ => [],
    };

    /// <summary>The divisor a point reads (a per-head measure), which must not be 0.</summary>
    public static string? Per(PeerPoint point) => point switch
    {
        TiersPoint p => p.Per,
        LinearPoint p => p.Per,
        _ => null,
    };

    private static ChecklistPoint Checklist(decimal max, params (string Key, decimal Points)[] items) => new(max, items);

    private static TiersPoint Tiers(string key, decimal max, params (decimal AtLeast, decimal Points)[] tiers) => new(key, max, tiers);
}
