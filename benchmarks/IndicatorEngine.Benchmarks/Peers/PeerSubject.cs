using static IndicatorEngine.Benchmarks.HenanEvidence;

namespace IndicatorEngine.Benchmarks.Peers;

/// <summary>
/// One Henan school as the peers read it: a plain object with one property per evidence key, what a .NET team
/// would bind JSON to before handing it to RulesEngine or NCalc. A number, yes/no or choice is null when it
/// was not supplied <em>or</em> was unusable (the peers cannot tell the two apart: the engine and the floor
/// score both 0, as missing evidence and as an error); a document is true when it was listed. Built from
/// <see cref="HenanEvidence"/> in setup, never timed.
/// </summary>
public sealed class PeerSubject
{
    private static readonly System.Reflection.PropertyInfo[] Properties = typeof(PeerSubject).GetProperties().Where(p => p.Name != nameof(Values)).ToArray();

    /// <summary>Every evidence key (its name in the catalogue) with its value, as NCalc takes parameters. Made by <see cref="From"/>.</summary>
    public IReadOnlyDictionary<string, object?> Values { get; private set; } = new Dictionary<string, object?>();

    // One property per evidence key, in catalogue order, named as the key.
    public decimal? CampusHeadcount { get; init; }
    public decimal? StudentCount { get; init; }
    public bool? WiredCoverageTeachingOffice { get; init; }
    public bool? IndoorWirelessFull { get; init; }
    public bool? OutdoorWirelessPublic { get; init; }
    public bool? MultiCampusOneNetwork { get; init; }
    public decimal? ExitBandwidthGbps { get; init; }
    public string? BackboneLevel { get; init; }
    public bool? BusinessSubnets { get; init; }
    public decimal? CernetBandwidthMbps { get; init; }
    public decimal? Ipv6Applications { get; init; }
    public decimal? PhysicalFacilitiesScore { get; init; }
    public bool? GigabitWlan { get; init; }
    public bool? Campus5g { get; init; }
    public bool? IotPlatform { get; init; }
    public decimal? CloudSystemsRatio { get; init; }
    public decimal? VirtualCpuCores { get; init; }
    public decimal? MultimediaClassroomRatio { get; init; }
    public decimal? SmartClassroomRatio { get; init; }
    public string? VirtualSimulationBase { get; init; }
    public decimal? ItStaffCount { get; init; }
    public bool? OpsMonitoringPlatform { get; init; }
    public bool? OpsHelpDesk { get; init; }
    public bool? OpsDuty7x24 { get; init; }
    public bool OpsRegulations { get; init; }
    public decimal? SsoCoverageRatio { get; init; }
    public decimal? OnlineServiceItems { get; init; }
    public bool? CampusCardConsumption { get; init; }
    public bool? CampusCardLibrary { get; init; }
    public bool? CampusCardAccess { get; init; }
    public bool? CampusCardMobile { get; init; }
    public bool DataStandard { get; init; }
    public bool DataResourceCatalog { get; init; }
    public decimal? DataSharingRatio { get; init; }
    public string? DataHubReporting { get; init; }
    public decimal? ResourceLibraries { get; init; }
    public decimal? OnlineOpenCourses { get; init; }
    public decimal? CourseDigitizationRatio { get; init; }
    public decimal? PlatformContributedResources { get; init; }
    public decimal? AnnualResourceVisits { get; init; }
    public decimal? TeacherActiveUseRatio { get; init; }
    public decimal? TeacherSpaceRatio { get; init; }
    public decimal? StudentSpaceRatio { get; init; }
    public decimal? BlendedCourseRatio { get; init; }
    public bool? LibDigitalResources { get; init; }
    public bool? LibSelfService { get; init; }
    public bool? LibSeatBooking { get; init; }
    public bool? LibMobileAccess { get; init; }
    public decimal? OnlineStudentAffairsRatio { get; init; }
    public decimal? LearningVisibilityScore { get; init; }
    public bool? EduScheduling { get; init; }
    public bool? EduGrades { get; init; }
    public bool? EduQualityMonitoring { get; init; }
    public bool? EduInternship { get; init; }
    public decimal? ManagementDomainsOnline { get; init; }
    public bool? DecisionSupportDashboard { get; init; }
    public bool? LeadingGroup { get; init; }
    public bool? CioAppointed { get; init; }
    public bool InformatizationPlan { get; init; }
    public bool AnnualImplementationPlan { get; init; }
    public decimal? LeaderTrainingRatio { get; init; }
    public decimal? ItBudgetRatio { get; init; }
    public decimal? TeacherTrainingRatio { get; init; }
    public bool ItRegulations { get; init; }
    public bool SelfAssessmentReport { get; init; }
    public bool ThirdPartyEvaluation { get; init; }
    public decimal? MlpsPassRatio { get; init; }
    public bool? RealNameAccess { get; init; }
    public bool? FirewallIps { get; init; }
    public bool? WebAppFirewall { get; init; }
    public bool? LogAudit6m { get; init; }
    public string? BackupLevel { get; init; }
    public bool DataClassification { get; init; }
    public bool PrivacyPolicy { get; init; }
    public decimal? VulnFixedOnTimeRatio { get; init; }
    public decimal? EmergencyDrills { get; init; }
    public bool? OpinionMonitoring { get; init; }
    public decimal? AwarenessScore { get; init; }
    public decimal? MajorSecurityIncidents3y { get; init; }

    /// <summary>
    /// The peers' view of a pre-bound subject: each property from the <see cref="HenanEvidence"/> field of its name,
    /// unusable values dropped to null, choices as their values in the catalogue, documents to listed or not.
    /// </summary>
    public static PeerSubject From(HenanEvidence e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var s = new PeerSubject();
        foreach (var property in Properties)
        {
            var field = typeof(HenanEvidence).GetField(property.Name) ?? throw new InvalidOperationException($"HenanEvidence has no field {property.Name}");
            property.SetValue(s, Of(field.GetValue(e)!));
        }

        s.Values = Properties.ToDictionary(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..], p => p.GetValue(s), StringComparer.Ordinal);
        return s;
    }

    private static object? Of(object value) => value switch
    {
        Number n => n.State == State.Supplied ? n.Value : null,
        Flag.Yes => true,
        Flag.No => false,
        Flag => null,
        Document d => d == Document.Supplied,
        Backbone.TenGRedundant => "10G-redundant",
        Backbone.TenG => "10G",
        Backbone.OneG => "1G",
        Backbone.BelowOneG => "below-1G",
        SimulationBase.National => "national",
        SimulationBase.Provincial => "provincial",
        SimulationBase.School => "school",
        SimulationBase.None => "none",
        HubReporting.Continuous => "continuous",
        HubReporting.Connected => "connected",
        HubReporting.None => "none",
        Backup.Offsite => "offsite",
        Backup.Local => "local",
        Backup.None => "none",
        Backbone or SimulationBase or HubReporting or Backup => null, // missing or not one of the values
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "a field type the peers are not given"),
    };
}
