using System.Runtime.CompilerServices;
using static IndicatorEngine.Benchmarks.HenanEvidence;

namespace IndicatorEngine.Benchmarks;

/// <summary>The grade bands of the Henan system, highest first.</summary>
public enum HenanGrade : byte
{
    Excellent,
    Good,
    Pass,
    Fail,

    /// <summary>Not graded: a veto fired.</summary>
    None,
}

/// <summary>
/// Where <see cref="HenanFloor.Score"/> writes one subject's result. Allocate one and reuse it: scoring writes
/// every field and allocates nothing. Arrays are in the order of <see cref="HenanFloor.PointIds"/>,
/// <see cref="HenanFloor.SecondLevelIds"/> and <see cref="HenanFloor.FirstLevelIds"/>.
/// </summary>
public sealed class HenanResult
{
    public readonly decimal[] Points = new decimal[HenanFloor.PointIds.Length];
    public readonly ScoreStatus[] PointStatus = new ScoreStatus[HenanFloor.PointIds.Length];
    public readonly decimal[] SecondLevel = new decimal[HenanFloor.SecondLevelIds.Length];
    public readonly ScoreStatus[] SecondLevelStatus = new ScoreStatus[HenanFloor.SecondLevelIds.Length];
    public readonly decimal[] FirstLevel = new decimal[HenanFloor.FirstLevelIds.Length];
    public readonly ScoreStatus[] FirstLevelStatus = new ScoreStatus[HenanFloor.FirstLevelIds.Length];

    /// <summary>The one third-level group, <c>infrastructure.network.communication</c> (21 points).</summary>
    public decimal NetworkCommunication;
    public ScoreStatus NetworkCommunicationStatus;

    /// <summary>Per observation point: whether evidence the subject has not given could raise it (see <see cref="HenanFloor"/>).</summary>
    public readonly bool[] Open = new bool[HenanFloor.PointIds.Length];

    public decimal Total;
    public decimal TotalUpperBound;
    public bool Vetoed;
    public bool VetoUndecided;
    public Verdict Verdict;
    public HenanGrade Grade;
    public HenanGrade GradeUpperBound;

    // Scratch for the upper bound: the points with every open one at its full points, and the groups over them.
    internal readonly decimal[] UpperPoints = new decimal[HenanFloor.PointIds.Length];
    internal readonly decimal[] UpperSecondLevel = new decimal[HenanFloor.SecondLevelIds.Length];
    internal readonly decimal[] UpperFirstLevel = new decimal[HenanFloor.FirstLevelIds.Length];
}

/// <summary>
/// The hand-written floor: the Henan higher-vocational system (51 observation points, 600 points) scored in
/// plain C# from pre-bound evidence, with the engine's rules, statuses and rounding — every observation point
/// clamped to [0, points] and rounded to 2 decimals half away from zero, in decimal arithmetic (the formula
/// point in double, as the engine's compiled formula runs it); groups are their children's sum capped at their
/// points; a veto on <c>majorSecurityIncidents3y ≥ 1</c>; pass at 480; grades at 540/480/420. A value that is
/// missing scores 0 (missing-evidence), one that is invalid scores 0 (error), as in the engine. The verdict by
/// bounds as the engine decides it: a point is open when its status is missing evidence or error, or when it
/// scored below its points and a checklist item it reads is invalid or an unsupplied yes/no (an unsupplied
/// document is "no document"); the upper bound puts every open point at its full points and adds up again.
/// No reflection, LINQ, dictionaries or allocation: the baseline the engine's batch scoring is measured against.
/// </summary>
public static class HenanFloor
{
    public static readonly string[] PointIds =
    [
        "infrastructure.network.communication.campus-network",           // 0
        "infrastructure.network.communication.exit-bandwidth",           // 1
        "infrastructure.network.communication.backbone",                 // 2
        "infrastructure.network.communication.business-subnets",         // 3
        "infrastructure.network.communication.cernet",                   // 4
        "infrastructure.network.communication.ipv6",                     // 5
        "infrastructure.network.communication.physical-facilities",      // 6
        "infrastructure.network.wireless-iot",                           // 7
        "infrastructure.cloud.cloud-deployment",                         // 8
        "infrastructure.cloud.resource-pool",                            // 9
        "infrastructure.smart-environment.multimedia-classrooms",        // 10
        "infrastructure.smart-environment.smart-classrooms",             // 11
        "infrastructure.smart-environment.virtual-simulation",           // 12
        "infrastructure.operations.it-staff",                            // 13
        "infrastructure.operations.ops-management",                      // 14
        "platforms.services.unified-identity",                           // 15
        "platforms.services.service-hall",                               // 16
        "platforms.services.campus-card",                                // 17
        "platforms.data.data-standards",                                 // 18
        "platforms.data.data-sharing",                                   // 19
        "platforms.data.data-hub-reporting",                             // 20
        "resources.building.resource-libraries",                         // 21
        "resources.building.online-courses",                             // 22
        "resources.building.course-digitization",                        // 23
        "resources.building.platform-contribution",                      // 24
        "resources.use.resource-visits",                                 // 25
        "resources.use.teacher-active-use",                              // 26
        "smart-education.teaching.teacher-spaces",                       // 27
        "smart-education.teaching.student-spaces",                       // 28
        "smart-education.teaching.blended-courses",                      // 29
        "smart-education.services.smart-library",                        // 30
        "smart-education.services.online-student-affairs",               // 31
        "smart-education.services.learning-visibility",                  // 32
        "smart-education.management.teaching-administration",            // 33
        "smart-education.management.management-domains",                 // 34
        "smart-education.management.decision-support",                   // 35
        "governance.leadership.leading-group",                           // 36
        "governance.leadership.cio",                                     // 37
        "governance.leadership.plans",                                   // 38
        "governance.leadership.leader-training",                         // 39
        "governance.execution.budget",                                   // 40
        "governance.execution.teacher-training",                         // 41
        "governance.execution.regulations-evaluation",                   // 42
        "cybersecurity.basic.classified-protection",                     // 43
        "cybersecurity.basic.security-controls",                         // 44
        "cybersecurity.data.backup",                                     // 45
        "cybersecurity.data.data-protection",                            // 46
        "cybersecurity.incidents.vulnerability-remediation",             // 47
        "cybersecurity.incidents.emergency-drills",                      // 48
        "cybersecurity.public-opinion.opinion-monitoring",               // 49
        "cybersecurity.public-opinion.awareness",                        // 50
    ];

    public static readonly string[] SecondLevelIds =
    [
        "infrastructure.network",            // 0
        "infrastructure.cloud",              // 1
        "infrastructure.smart-environment",  // 2
        "infrastructure.operations",         // 3
        "platforms.services",                // 4
        "platforms.data",                    // 5
        "resources.building",                // 6
        "resources.use",                     // 7
        "smart-education.teaching",          // 8
        "smart-education.services",          // 9
        "smart-education.management",        // 10
        "governance.leadership",             // 11
        "governance.execution",              // 12
        "cybersecurity.basic",               // 13
        "cybersecurity.data",                // 14
        "cybersecurity.incidents",           // 15
        "cybersecurity.public-opinion",      // 16
    ];

    public static readonly string[] FirstLevelIds =
    [
        "infrastructure",   // 0
        "platforms",        // 1
        "resources",        // 2
        "smart-education",  // 3
        "governance",       // 4
        "cybersecurity",    // 5
    ];

    public const string NetworkCommunicationId = "infrastructure.network.communication";

    /// <summary>Grade ids as in the definition, by <see cref="HenanGrade"/>.</summary>
    public static readonly string[] GradeIds = ["excellent", "good", "pass", "fail"];

    /// <summary>The grade's id in the definition; null for <see cref="HenanGrade.None"/> (not graded).</summary>
    public static string? GradeId(HenanGrade grade) => grade == HenanGrade.None ? null : GradeIds[(int)grade];

    public const decimal MaxTotal = 600m;
    public const decimal PassThreshold = 480m;

    /// <summary>Scores one subject into <paramref name="r"/>.</summary>
    public static void Score(HenanEvidence e, HenanResult r)
    {
        var p = r.Points;
        var s = r.PointStatus;
        var open = r.Open;
        Array.Clear(open);

        // ── 1 infrastructure ─────────────────────────────────────────────────────────────────
        // 1.1.1 network communication (published points)
        var t = default(Tally);
        Item(ref t, e.WiredCoverageTeachingOffice, 1m);
        Item(ref t, e.IndoorWirelessFull, 1m);
        Item(ref t, e.OutdoorWirelessPublic, 1m);
        Item(ref t, e.MultiCampusOneNetwork, 1m);
        Checklist(p, s, open, 0, in t, 4m);
        ExitBandwidth(p, s, 1, in e.ExitBandwidthGbps, in e.CampusHeadcount);
        switch (e.BackboneLevel)
        {
            case Backbone.TenGRedundant: Leaf(p, s, 2, 3m, 3m); break;
            case Backbone.TenG: Leaf(p, s, 2, 2m, 3m); break;
            case Backbone.OneG: Leaf(p, s, 2, 1m, 3m); break;
            case Backbone.BelowOneG: Leaf(p, s, 2, 0m, 3m); break;
            default: Unscored(p, s, 2, e.BackboneLevel == Backbone.Invalid); break;
        }

        Boolean(p, s, 3, e.BusinessSubnets, 3m);
        if (Usable(p, s, 4, in e.CernetBandwidthMbps))
        {
            var v = e.CernetBandwidthMbps.Value;
            Leaf(p, s, 4, v >= 100m ? 4m : v >= 1m ? 2m : 0m, 4m);
        }

        if (Usable(p, s, 5, in e.Ipv6Applications))
        {
            Leaf(p, s, 5, e.Ipv6Applications.Value >= 1m ? 2m : 0m, 2m);
        }

        Manual(p, s, 6, in e.PhysicalFacilitiesScore, 2m);

        // 1.1.2 wireless and IoT
        t = default;
        Item(ref t, e.GigabitWlan, 2m);
        Item(ref t, e.Campus5g, 2m);
        Item(ref t, e.IotPlatform, 2m);
        Checklist(p, s, open, 7, in t, 6m);

        // 1.2 cloud
        Linear(p, s, 8, in e.CloudSystemsRatio, 8m, 0m, 80m);
        if (Usable(p, s, 9, in e.VirtualCpuCores))
        {
            var v = e.VirtualCpuCores.Value;
            Leaf(p, s, 9, v >= 1000m ? 8m : v >= 500m ? 6m : v >= 200m ? 4m : v >= 50m ? 2m : 0m, 8m);
        }

        // 1.3 smart environment
        Threshold(p, s, 10, in e.MultimediaClassroomRatio, 7m, 70m, 50m, 4m);
        Linear(p, s, 11, in e.SmartClassroomRatio, 7m, 0m, 20m);
        switch (e.VirtualSimulationBase)
        {
            case SimulationBase.National: Leaf(p, s, 12, 7m, 7m); break;
            case SimulationBase.Provincial: Leaf(p, s, 12, 6m, 7m); break;
            case SimulationBase.School: Leaf(p, s, 12, 4m, 7m); break;
            case SimulationBase.None: Leaf(p, s, 12, 0m, 7m); break;
            default: Unscored(p, s, 12, e.VirtualSimulationBase == SimulationBase.Invalid); break;
        }

        // 1.4 operations: IT staff per 1,000 staff and students
        if (Usable(p, s, 13, in e.ItStaffCount) && UsablePer(p, s, 13, in e.CampusHeadcount))
        {
            var v = e.ItStaffCount.Value * 1000m / e.CampusHeadcount.Value;
            Leaf(p, s, 13, v >= 1m ? 8m : v >= 0.5m ? 4m : 0m, 8m);
        }

        t = default;
        Item(ref t, e.OpsMonitoringPlatform, 2m);
        Item(ref t, e.OpsHelpDesk, 2m);
        Item(ref t, e.OpsDuty7x24, 2m);
        Item(ref t, e.OpsRegulations, 2m);
        Checklist(p, s, open, 14, in t, 8m);

        // ── 2 platforms ──────────────────────────────────────────────────────────────────────
        Linear(p, s, 15, in e.SsoCoverageRatio, 18m, 0m, 90m);
        if (Usable(p, s, 16, in e.OnlineServiceItems))
        {
            var v = e.OnlineServiceItems.Value;
            Leaf(p, s, 16, v >= 100m ? 16m : v >= 50m ? 12m : v >= 20m ? 6m : 0m, 16m);
        }

        t = default;
        Item(ref t, e.CampusCardConsumption, 4m);
        Item(ref t, e.CampusCardLibrary, 4m);
        Item(ref t, e.CampusCardAccess, 4m);
        Item(ref t, e.CampusCardMobile, 4m);
        Checklist(p, s, open, 17, in t, 16m);

        t = default;
        Item(ref t, e.DataStandard, 5m);
        Item(ref t, e.DataResourceCatalog, 5m);
        Checklist(p, s, open, 18, in t, 10m);
        Linear(p, s, 19, in e.DataSharingRatio, 15m, 0m, 90m);
        switch (e.DataHubReporting)
        {
            case HubReporting.Continuous: Leaf(p, s, 20, 15m, 15m); break;
            case HubReporting.Connected: Leaf(p, s, 20, 8m, 15m); break;
            case HubReporting.None: Leaf(p, s, 20, 0m, 15m); break;
            default: Unscored(p, s, 20, e.DataHubReporting == HubReporting.Invalid); break;
        }

        // ── 3 resources ──────────────────────────────────────────────────────────────────────
        if (Usable(p, s, 21, in e.ResourceLibraries))
        {
            var v = e.ResourceLibraries.Value;
            Leaf(p, s, 21, v >= 3m ? 15m : v >= 2m ? 12m : v >= 1m ? 8m : 0m, 15m);
        }

        Linear(p, s, 22, in e.OnlineOpenCourses, 15m, 0m, 20m);
        Linear(p, s, 23, in e.CourseDigitizationRatio, 15m, 20m, 80m);
        Threshold(p, s, 24, in e.PlatformContributedResources, 15m, 500m, 100m, 8m);

        // yearly visits per student
        if (Usable(p, s, 25, in e.AnnualResourceVisits) && UsablePer(p, s, 25, in e.StudentCount))
        {
            Linear(p, s, 25, e.AnnualResourceVisits.Value / e.StudentCount.Value, 10m, 0m, 100m);
        }

        Threshold(p, s, 26, in e.TeacherActiveUseRatio, 10m, 80m, 50m, 5m);

        // ── 4 smart education ────────────────────────────────────────────────────────────────
        Threshold(p, s, 27, in e.TeacherSpaceRatio, 16m, 90m, 70m, 10m);
        Threshold(p, s, 28, in e.StudentSpaceRatio, 16m, 60m, 40m, 10m);
        Linear(p, s, 29, in e.BlendedCourseRatio, 16m, 0m, 50m);

        t = default;
        Item(ref t, e.LibDigitalResources, 4m);
        Item(ref t, e.LibSelfService, 4m);
        Item(ref t, e.LibSeatBooking, 4m);
        Item(ref t, e.LibMobileAccess, 4m);
        Checklist(p, s, open, 30, in t, 16m);
        Linear(p, s, 31, in e.OnlineStudentAffairsRatio, 18m, 0m, 80m);
        Manual(p, s, 32, in e.LearningVisibilityScore, 18m);

        t = default;
        Item(ref t, e.EduScheduling, 5m);
        Item(ref t, e.EduGrades, 5m);
        Item(ref t, e.EduQualityMonitoring, 5m);
        Item(ref t, e.EduInternship, 5m);
        Checklist(p, s, open, 33, in t, 20m);
        if (Usable(p, s, 34, in e.ManagementDomainsOnline))
        {
            var v = e.ManagementDomainsOnline.Value;
            Leaf(p, s, 34, v >= 8m ? 15m : v >= 6m ? 11m : v >= 4m ? 7m : 0m, 15m);
        }

        Boolean(p, s, 35, e.DecisionSupportDashboard, 15m);

        // ── 5 governance ─────────────────────────────────────────────────────────────────────
        Boolean(p, s, 36, e.LeadingGroup, 12m);
        Boolean(p, s, 37, e.CioAppointed, 12m);
        t = default;
        Item(ref t, e.InformatizationPlan, 8m);
        Item(ref t, e.AnnualImplementationPlan, 7m);
        Checklist(p, s, open, 38, in t, 15m);
        Linear(p, s, 39, in e.LeaderTrainingRatio, 12m, 0m, 100m);

        if (Usable(p, s, 40, in e.ItBudgetRatio))
        {
            var v = e.ItBudgetRatio.Value;
            Leaf(p, s, 40, v >= 8m ? 17m : v >= 5m ? 13m : v >= 3m ? 8m : 0m, 17m);
        }

        Threshold(p, s, 41, in e.TeacherTrainingRatio, 16m, 50m, 30m, 10m);
        t = default;
        Item(ref t, e.ItRegulations, 6m);
        Item(ref t, e.SelfAssessmentReport, 5m);
        Item(ref t, e.ThirdPartyEvaluation, 5m);
        Checklist(p, s, open, 42, in t, 16m);

        // ── 6 cybersecurity ──────────────────────────────────────────────────────────────────
        Linear(p, s, 43, in e.MlpsPassRatio, 18m, 0m, 100m);
        t = default;
        Item(ref t, e.RealNameAccess, 6m);
        Item(ref t, e.FirewallIps, 4m);
        Item(ref t, e.WebAppFirewall, 4m);
        Item(ref t, e.LogAudit6m, 4m);
        Checklist(p, s, open, 44, in t, 18m);

        switch (e.BackupLevel)
        {
            case Backup.Offsite: Leaf(p, s, 45, 12m, 12m); break;
            case Backup.Local: Leaf(p, s, 45, 7m, 12m); break;
            case Backup.None: Leaf(p, s, 45, 0m, 12m); break;
            default: Unscored(p, s, 45, e.BackupLevel == Backup.Invalid); break;
        }

        t = default;
        Item(ref t, e.DataClassification, 6m);
        Item(ref t, e.PrivacyPolicy, 6m);
        Checklist(p, s, open, 46, in t, 12m);

        Linear(p, s, 47, in e.VulnFixedOnTimeRatio, 10m, 50m, 100m);
        if (Usable(p, s, 48, in e.EmergencyDrills))
        {
            var v = e.EmergencyDrills.Value;
            Leaf(p, s, 48, v >= 2m ? 10m : v >= 1m ? 6m : 0m, 10m);
        }

        Boolean(p, s, 49, e.OpinionMonitoring, 10m);
        Manual(p, s, 50, in e.AwarenessScore, 10m);

        // ── groups: sums capped at their points ──────────────────────────────────────────────
        var anyOpen = false;
        for (var i = 0; i < s.Length; i++)
        {
            open[i] |= s[i] is ScoreStatus.MissingEvidence or ScoreStatus.Error;
            anyOpen |= open[i];
        }

        var g = r.SecondLevel;
        var gs = r.SecondLevelStatus;
        var communication = Math.Min(p[0] + p[1] + p[2] + p[3] + p[4] + p[5] + p[6], 21m);
        var communicationStatus = GroupStatus(communication, 21m, Worst(s, 0, 7));
        r.NetworkCommunication = communication;
        r.NetworkCommunicationStatus = communicationStatus;
        g[0] = Math.Min(communication + p[7], 27m);
        gs[0] = GroupStatus(g[0], 27m, Worse(communicationStatus, s[7]));
        Group(g, gs, 1, p, s, 8, 2, 16m);
        Group(g, gs, 2, p, s, 10, 3, 21m);
        Group(g, gs, 3, p, s, 13, 2, 16m);
        Group(g, gs, 4, p, s, 15, 3, 50m);
        Group(g, gs, 5, p, s, 18, 3, 40m);
        Group(g, gs, 6, p, s, 21, 4, 60m);
        Group(g, gs, 7, p, s, 25, 2, 20m);
        Group(g, gs, 8, p, s, 27, 3, 48m);
        Group(g, gs, 9, p, s, 30, 3, 52m);
        Group(g, gs, 10, p, s, 33, 3, 50m);
        Group(g, gs, 11, p, s, 36, 4, 51m);
        Group(g, gs, 12, p, s, 40, 3, 49m);
        Group(g, gs, 13, p, s, 43, 2, 36m);
        Group(g, gs, 14, p, s, 45, 2, 24m);
        Group(g, gs, 15, p, s, 47, 2, 20m);
        Group(g, gs, 16, p, s, 49, 2, 20m);

        var f = r.FirstLevel;
        var fs = r.FirstLevelStatus;
        Group(f, fs, 0, g, gs, 0, 4, 80m);
        Group(f, fs, 1, g, gs, 4, 2, 90m);
        Group(f, fs, 2, g, gs, 6, 2, 80m);
        Group(f, fs, 3, g, gs, 8, 3, 150m);
        Group(f, fs, 4, g, gs, 11, 2, 100m);
        Group(f, fs, 5, g, gs, 13, 4, 100m);

        var total = Math.Min(f[0] + f[1] + f[2] + f[3] + f[4] + f[5], MaxTotal);
        var upper = anyOpen ? UpperBound(r) : total;
        var incidents = e.MajorSecurityIncidents3y;
        var vetoed = incidents.State == State.Supplied && incidents.Value >= 1m;
        var undecided = incidents.State != State.Supplied;
        r.Total = total;
        r.TotalUpperBound = upper;
        r.Vetoed = vetoed;
        r.VetoUndecided = undecided;
        r.Verdict = vetoed || upper < PassThreshold ? Verdict.Failed
            : undecided || total < PassThreshold ? Verdict.Undetermined
            : Verdict.Passed;
        r.Grade = vetoed ? HenanGrade.None : GradeOf(total);
        r.GradeUpperBound = vetoed ? HenanGrade.None : GradeOf(upper);
    }

    private static HenanGrade GradeOf(decimal total) =>
        total >= 540m ? HenanGrade.Excellent
        : total >= 480m ? HenanGrade.Good
        : total >= 420m ? HenanGrade.Pass
        : HenanGrade.Fail;

    /// <summary>The total with every open point at its full points, the groups added up and capped again.</summary>
    private static decimal UpperBound(HenanResult r)
    {
        var p = r.UpperPoints;
        for (var i = 0; i < p.Length; i++)
        {
            p[i] = r.Open[i] ? PointMax[i] : r.Points[i];
        }

        return Total(p, r.UpperSecondLevel, r.UpperFirstLevel);
    }

    /// <summary>
    /// The groups and the total over observation points' scores (in the order of <see cref="PointIds"/>), each
    /// group its children's sum capped at its points, written into <paramref name="secondLevel"/> and
    /// <paramref name="firstLevel"/> (the order of <see cref="SecondLevelIds"/> and <see cref="FirstLevelIds"/>).
    /// Scores only, no statuses: what the upper bound and the peers of <see cref="PeerBenchmarks"/> add up with.
    /// </summary>
    public static decimal Total(decimal[] p, decimal[] secondLevel, decimal[] firstLevel)
    {
        var g = secondLevel;
        g[0] = Math.Min(Math.Min(p[0] + p[1] + p[2] + p[3] + p[4] + p[5] + p[6], 21m) + p[7], 27m);
        Sum(g, 1, p, 8, 2, 16m);
        Sum(g, 2, p, 10, 3, 21m);
        Sum(g, 3, p, 13, 2, 16m);
        Sum(g, 4, p, 15, 3, 50m);
        Sum(g, 5, p, 18, 3, 40m);
        Sum(g, 6, p, 21, 4, 60m);
        Sum(g, 7, p, 25, 2, 20m);
        Sum(g, 8, p, 27, 3, 48m);
        Sum(g, 9, p, 30, 3, 52m);
        Sum(g, 10, p, 33, 3, 50m);
        Sum(g, 11, p, 36, 4, 51m);
        Sum(g, 12, p, 40, 3, 49m);
        Sum(g, 13, p, 43, 2, 36m);
        Sum(g, 14, p, 45, 2, 24m);
        Sum(g, 15, p, 47, 2, 20m);
        Sum(g, 16, p, 49, 2, 20m);
        var f = firstLevel;
        Sum(f, 0, g, 0, 4, 80m);
        Sum(f, 1, g, 4, 2, 90m);
        Sum(f, 2, g, 6, 2, 80m);
        Sum(f, 3, g, 8, 3, 150m);
        Sum(f, 4, g, 11, 2, 100m);
        Sum(f, 5, g, 13, 4, 100m);
        return Math.Min(f[0] + f[1] + f[2] + f[3] + f[4] + f[5], MaxTotal);
    }

    private static void Sum(decimal[] scores, int i, decimal[] children, int first, int count, decimal max)
    {
        var sum = 0m;
        for (var c = first; c < first + count; c++)
        {
            sum += children[c];
        }

        scores[i] = Math.Min(sum, max);
    }

    /// <summary>Every observation point's design points, in the order of <see cref="PointIds"/>.</summary>
    private static readonly decimal[] PointMax =
    [
        4m, 3m, 3m, 3m, 4m, 2m, 2m, 6m, 8m, 8m, 7m, 7m, 7m, 8m, 8m, 18m, 16m, 16m, 10m, 15m, 15m, 15m, 15m, 15m, 15m, 10m, 10m,
        16m, 16m, 16m, 16m, 18m, 18m, 20m, 15m, 15m, 12m, 12m, 15m, 12m, 17m, 16m, 16m, 18m, 18m, 12m, 12m, 10m, 10m, 10m, 10m,
    ];

    // ── leaves ───────────────────────────────────────────────────────────────────────────────

    /// <summary>A rule's score on usable evidence: clamped to [0, max], rounded to 2 places half away from zero; partial when strictly between.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Leaf(decimal[] p, ScoreStatus[] s, int i, decimal raw, decimal max)
    {
        var score = Math.Round(Math.Clamp(raw, 0m, max), 2, MidpointRounding.AwayFromZero);
        p[i] = score;
        s[i] = score > 0m && score < max ? ScoreStatus.Partial : ScoreStatus.Scored;
    }

    /// <summary>No score: the value the rule reads is invalid (error) or not supplied (missing evidence).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Unscored(decimal[] p, ScoreStatus[] s, int i, bool invalid)
    {
        p[i] = 0m;
        s[i] = invalid ? ScoreStatus.Error : ScoreStatus.MissingEvidence;
    }

    /// <summary>True when the number is usable; otherwise scores the leaf 0 with the reason.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Usable(decimal[] p, ScoreStatus[] s, int i, in Number value)
    {
        if (value.State == State.Supplied)
        {
            return true;
        }

        Unscored(p, s, i, value.State == State.Invalid);
        return false;
    }

    /// <summary>The divisor of a per-head measure: usable and not 0 (an error, as in the engine), else the leaf scores 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool UsablePer(decimal[] p, ScoreStatus[] s, int i, in Number per)
    {
        if (!Usable(p, s, i, in per))
        {
            return false;
        }

        if (per.Value != 0m)
        {
            return true;
        }

        Unscored(p, s, i, invalid: true);
        return false;
    }

    private static void Boolean(decimal[] p, ScoreStatus[] s, int i, Flag value, decimal max)
    {
        switch (value)
        {
            case Flag.Yes: Leaf(p, s, i, max, max); break;
            case Flag.No: Leaf(p, s, i, 0m, max); break;
            default: Unscored(p, s, i, value == Flag.Invalid); break;
        }
    }

    private static void Threshold(decimal[] p, ScoreStatus[] s, int i, in Number value, decimal max, decimal target, decimal partialTarget, decimal partialPoints)
    {
        if (Usable(p, s, i, in value))
        {
            var v = value.Value;
            Leaf(p, s, i, v >= target ? max : v >= partialTarget ? Math.Min(partialPoints, max) : 0m, max);
        }
    }

    private static void Linear(decimal[] p, ScoreStatus[] s, int i, in Number value, decimal max, decimal from, decimal target)
    {
        if (Usable(p, s, i, in value))
        {
            Linear(p, s, i, value.Value, max, from, target);
        }
    }

    /// <summary><c>points × (value − from) ÷ (target − from)</c>, between 0 and points.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Linear(decimal[] p, ScoreStatus[] s, int i, decimal value, decimal max, decimal from, decimal target) =>
        Leaf(p, s, i, max * Math.Clamp((value - from) / (target - from), 0m, 1m), max);

    /// <summary>A manual score: the number entered, an error outside [0, max].</summary>
    private static void Manual(decimal[] p, ScoreStatus[] s, int i, in Number value, decimal max)
    {
        if (Usable(p, s, i, in value))
        {
            var v = value.Value;
            if (v < 0m || v > max)
            {
                Unscored(p, s, i, invalid: true);
            }
            else
            {
                Leaf(p, s, i, v, max);
            }
        }
    }

    /// <summary>
    /// The published exit-bandwidth point, written in JavaScript in the definition:
    /// <c>min(ratio(exitBandwidthGbps * 1000, campusHeadcount &gt;= 30000 ? 20000 : 0.7 * campusHeadcount), 1) * points</c>:
    /// the requirement is 0.7 Mbps per head, or 20 Gbps in all from 30,000 people (less than 0.7 × 30,000 Mbps).
    /// Evaluated in double as the engine's compiled formula evaluates it (JavaScript numbers), then converted
    /// to decimal as the engine converts a formula's result. An invalid input is an error before a missing one.
    /// </summary>
    private static void ExitBandwidth(decimal[] p, ScoreStatus[] s, int i, in Number gbps, in Number headcount)
    {
        if (gbps.State != State.Supplied || headcount.State != State.Supplied)
        {
            Unscored(p, s, i, gbps.State == State.Invalid || headcount.State == State.Invalid);
            return;
        }

        var exit = (double)gbps.Value;
        var people = (double)headcount.Value;
        var required = people >= 30000 ? 20000 : 0.7 * people;
        var result = JsMin(required == 0 ? 0 : exit * 1000 / required, 1) * 3.0;
        if (!double.IsFinite(result))
        {
            Unscored(p, s, i, invalid: true);
            return;
        }

        var clamped = Math.Clamp(result, -1e27, 1e27);
        Leaf(p, s, i, clamped == 0 ? 0m : (decimal)clamped, 3m);
    }

    /// <summary>JavaScript's <c>Math.min</c> of two numbers: NaN wins, −0 is below +0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double JsMin(double a, double b)
    {
        if (a < b)
        {
            return a;
        }

        if (b < a)
        {
            return b;
        }

        return double.IsNaN(a) || double.IsNaN(b) ? double.NaN : double.IsNegative(a) ? a : b;
    }

    /// <summary>The running score and counts of a checklist.</summary>
    private struct Tally
    {
        public decimal Score;
        public int Items;
        public int Missing;
        public int Invalid;

        /// <summary>Documents not supplied: an answer, "no document", never evidence still to come.</summary>
        public int AbsentDocuments;

        /// <summary>Items that leave the point open: invalid ones and unsupplied yes/no facts (not unsupplied documents).</summary>
        public int Open;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Item(ref Tally t, Flag value, decimal points)
    {
        t.Items++;
        switch (value)
        {
            case Flag.Missing: t.Missing++; t.Open++; break;
            case Flag.Invalid: t.Invalid++; t.Open++; break;
            case Flag.Yes: t.Score += points; break;
            default: break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Item(ref Tally t, Document value, decimal points)
    {
        t.Items++;
        switch (value)
        {
            case Document.Missing: t.AbsentDocuments++; break;
            case Document.Invalid: t.Invalid++; t.Open++; break;
            default: t.Score += points; break;
        }
    }

    /// <summary>
    /// The points of the items present, capped at the leaf's points: an error when every item is invalid,
    /// missing evidence when none is usable and some value is still to come (documents not supplied are "no"),
    /// otherwise scored on the items supplied.
    /// </summary>
    private static void Checklist(decimal[] p, ScoreStatus[] s, bool[] open, int i, in Tally t, decimal max)
    {
        if (t.Missing + t.Invalid > 0 && t.Missing + t.Invalid + t.AbsentDocuments == t.Items)
        {
            Unscored(p, s, i, t.Invalid == t.Items);
            return;
        }

        Leaf(p, s, i, Math.Min(t.Score, max), max);
        open[i] = t.Open > 0 && p[i] < max;
    }

    // ── groups ───────────────────────────────────────────────────────────────────────────────

    /// <summary>A group of <paramref name="count"/> consecutive children: their sum capped at <paramref name="max"/>.</summary>
    private static void Group(decimal[] scores, ScoreStatus[] statuses, int i, decimal[] children, ScoreStatus[] childStatuses, int first, int count, decimal max)
    {
        var sum = 0m;
        for (var c = first; c < first + count; c++)
        {
            sum += children[c];
        }

        var score = Math.Min(sum, max);
        scores[i] = score;
        statuses[i] = GroupStatus(score, max, Worst(childStatuses, first, count));
    }

    /// <summary>Error when a child is in error, else missing evidence when a child is, else partial or scored on the group's own score.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ScoreStatus GroupStatus(decimal score, decimal max, ScoreStatus worstChild) =>
        worstChild is ScoreStatus.Error or ScoreStatus.MissingEvidence ? worstChild
        : score > 0m && score < max ? ScoreStatus.Partial
        : ScoreStatus.Scored;

    private static ScoreStatus Worst(ScoreStatus[] statuses, int first, int count)
    {
        var worst = ScoreStatus.Scored;
        for (var c = first; c < first + count; c++)
        {
            worst = Worse(worst, statuses[c]);
        }

        return worst;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ScoreStatus Worse(ScoreStatus a, ScoreStatus b) =>
        a == ScoreStatus.Error || b == ScoreStatus.Error ? ScoreStatus.Error
        : a == ScoreStatus.MissingEvidence || b == ScoreStatus.MissingEvidence ? ScoreStatus.MissingEvidence
        : ScoreStatus.Scored;
}
