using System.Globalization;
using System.Text.Json;

namespace IndicatorEngine.Benchmarks;

/// <summary>
/// One school's evidence for the Henan higher-vocational system (<c>indicators/henan-higher-vocational.json</c>),
/// bound ahead of time to one typed field per key of its evidence catalogue, in catalogue order. Every field
/// says whether the value was supplied, supplied but unusable (the engine's "invalid": wrong type, out of
/// range, not one of the enum's values…), or what it is. Built once per subject by <see cref="From(byte[])"/>
/// (setup, not timed) and read by <see cref="HenanFloor"/>.
/// </summary>
public sealed class HenanEvidence
{
    /// <summary>Whether a number was supplied and usable.</summary>
    public enum State : byte
    {
        Missing,
        Invalid,
        Supplied,
    }

    /// <summary>A <c>boolean</c> key.</summary>
    public enum Flag : byte
    {
        Missing,
        Invalid,
        No,
        Yes,
    }

    /// <summary>A <c>document</c> key: a document of that kind listed, or the key wrongly given as a value (invalid).</summary>
    public enum Document : byte
    {
        Missing,
        Invalid,
        Supplied,
    }

    /// <summary><c>backboneLevel</c>.</summary>
    public enum Backbone : byte
    {
        Missing,
        Invalid,
        TenGRedundant,
        TenG,
        OneG,
        BelowOneG,
    }

    /// <summary><c>virtualSimulationBase</c>.</summary>
    public enum SimulationBase : byte
    {
        Missing,
        Invalid,
        National,
        Provincial,
        School,
        None,
    }

    /// <summary><c>dataHubReporting</c>.</summary>
    public enum HubReporting : byte
    {
        Missing,
        Invalid,
        Continuous,
        Connected,
        None,
    }

    /// <summary><c>backupLevel</c>.</summary>
    public enum Backup : byte
    {
        Missing,
        Invalid,
        Offsite,
        Local,
        None,
    }

    /// <summary>A <c>number</c> or <c>integer</c> key: <see cref="Value"/> is meaningful when <see cref="State"/> is <see cref="State.Supplied"/>.</summary>
    public struct Number
    {
        public State State;
        public decimal Value;

        public static Number Of(decimal value) => new() { State = State.Supplied, Value = value };

        public static readonly Number Invalid = new() { State = State.Invalid };
    }

    public string Id = "";

    public Number CampusHeadcount;
    public Number StudentCount;
    public Flag WiredCoverageTeachingOffice;
    public Flag IndoorWirelessFull;
    public Flag OutdoorWirelessPublic;
    public Flag MultiCampusOneNetwork;
    public Number ExitBandwidthGbps;
    public Backbone BackboneLevel;
    public Flag BusinessSubnets;
    public Number CernetBandwidthMbps;
    public Number Ipv6Applications;
    public Number PhysicalFacilitiesScore;
    public Flag GigabitWlan;
    public Flag Campus5g;
    public Flag IotPlatform;
    public Number CloudSystemsRatio;
    public Number VirtualCpuCores;
    public Number MultimediaClassroomRatio;
    public Number SmartClassroomRatio;
    public SimulationBase VirtualSimulationBase;
    public Number ItStaffCount;
    public Flag OpsMonitoringPlatform;
    public Flag OpsHelpDesk;
    public Flag OpsDuty7x24;
    public Document OpsRegulations;
    public Number SsoCoverageRatio;
    public Number OnlineServiceItems;
    public Flag CampusCardConsumption;
    public Flag CampusCardLibrary;
    public Flag CampusCardAccess;
    public Flag CampusCardMobile;
    public Document DataStandard;
    public Document DataResourceCatalog;
    public Number DataSharingRatio;
    public HubReporting DataHubReporting;
    public Number ResourceLibraries;
    public Number OnlineOpenCourses;
    public Number CourseDigitizationRatio;
    public Number PlatformContributedResources;
    public Number AnnualResourceVisits;
    public Number TeacherActiveUseRatio;
    public Number TeacherSpaceRatio;
    public Number StudentSpaceRatio;
    public Number BlendedCourseRatio;
    public Flag LibDigitalResources;
    public Flag LibSelfService;
    public Flag LibSeatBooking;
    public Flag LibMobileAccess;
    public Number OnlineStudentAffairsRatio;
    public Number LearningVisibilityScore;
    public Flag EduScheduling;
    public Flag EduGrades;
    public Flag EduQualityMonitoring;
    public Flag EduInternship;
    public Number ManagementDomainsOnline;
    public Flag DecisionSupportDashboard;
    public Flag LeadingGroup;
    public Flag CioAppointed;
    public Document InformatizationPlan;
    public Document AnnualImplementationPlan;
    public Number LeaderTrainingRatio;
    public Number ItBudgetRatio;
    public Number TeacherTrainingRatio;
    public Document ItRegulations;
    public Document SelfAssessmentReport;
    public Document ThirdPartyEvaluation;
    public Number MlpsPassRatio;
    public Flag RealNameAccess;
    public Flag FirewallIps;
    public Flag WebAppFirewall;
    public Flag LogAudit6m;
    public Backup BackupLevel;
    public Document DataClassification;
    public Document PrivacyPolicy;
    public Number VulnFixedOnTimeRatio;
    public Number EmergencyDrills;
    public Flag OpinionMonitoring;
    public Number AwarenessScore;
    public Number MajorSecurityIncidents3y;

    /// <summary>Binds an evidence file (UTF-8 JSON, the shape of <c>evidence.schema.json</c>) as the engine does.</summary>
    public static HenanEvidence From(byte[] utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var document = JsonDocument.Parse(utf8Json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        return From(document.RootElement);
    }

    /// <summary>Binds evidence JSON text as the engine does.</summary>
    public static HenanEvidence From(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        return From(document.RootElement);
    }

    /// <summary>
    /// Binds the evidence object the way the engine's binder does: a <c>null</c> value is not supplied, a key
    /// outside the catalogue is ignored, a value of the wrong type, not finite, not whole (integers), outside
    /// the declared range or not one of the enum's values is invalid, a document key given as a value is
    /// invalid, and a listed document of a document kind is supplied (whatever the values said). Numbers are
    /// read as the engine reads them: a whole number as a 64-bit integer (or, beyond that, a decimal), any
    /// other as a double, then converted to decimal.
    /// </summary>
    public static HenanEvidence From(JsonElement root)
    {
        var e = new HenanEvidence { Id = root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString()! : "" };
        if (root.TryGetProperty("values", out var values) && values.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in values.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.Null)
                {
                    e.Set(property.Name, property.Value);
                }
            }
        }

        if (root.TryGetProperty("documents", out var documents) && documents.ValueKind == JsonValueKind.Array)
        {
            foreach (var document in documents.EnumerateArray())
            {
                if (document.TryGetProperty("kind", out var kind) && kind.ValueKind == JsonValueKind.String)
                {
                    e.Supply(kind.GetString()!);
                }
            }
        }

        return e;
    }

    private void Set(string key, JsonElement v)
    {
        switch (key)
        {
            case "campusHeadcount": CampusHeadcount = Whole(v, 1, 200000); break;
            case "studentCount": StudentCount = Whole(v, 1, 150000); break;
            case "wiredCoverageTeachingOffice": WiredCoverageTeachingOffice = YesNo(v); break;
            case "indoorWirelessFull": IndoorWirelessFull = YesNo(v); break;
            case "outdoorWirelessPublic": OutdoorWirelessPublic = YesNo(v); break;
            case "multiCampusOneNetwork": MultiCampusOneNetwork = YesNo(v); break;
            case "exitBandwidthGbps": ExitBandwidthGbps = Real(v, 0, 1000); break;
            case "backboneLevel":
                BackboneLevel = Text(v) switch
                {
                    "10G-redundant" => Backbone.TenGRedundant,
                    "10G" => Backbone.TenG,
                    "1G" => Backbone.OneG,
                    "below-1G" => Backbone.BelowOneG,
                    _ => Backbone.Invalid,
                };
                break;
            case "businessSubnets": BusinessSubnets = YesNo(v); break;
            case "cernetBandwidthMbps": CernetBandwidthMbps = Real(v, 0, 100000); break;
            case "ipv6Applications": Ipv6Applications = Whole(v, 0, 10000); break;
            case "physicalFacilitiesScore": PhysicalFacilitiesScore = Real(v, 0, 2); break;
            case "gigabitWlan": GigabitWlan = YesNo(v); break;
            case "campus5g": Campus5g = YesNo(v); break;
            case "iotPlatform": IotPlatform = YesNo(v); break;
            case "cloudSystemsRatio": CloudSystemsRatio = Real(v, 0, 100); break;
            case "virtualCpuCores": VirtualCpuCores = Whole(v, 0, 1000000); break;
            case "multimediaClassroomRatio": MultimediaClassroomRatio = Real(v, 0, 100); break;
            case "smartClassroomRatio": SmartClassroomRatio = Real(v, 0, 100); break;
            case "virtualSimulationBase":
                VirtualSimulationBase = Text(v) switch
                {
                    "national" => SimulationBase.National,
                    "provincial" => SimulationBase.Provincial,
                    "school" => SimulationBase.School,
                    "none" => SimulationBase.None,
                    _ => SimulationBase.Invalid,
                };
                break;
            case "itStaffCount": ItStaffCount = Whole(v, 0, 2000); break;
            case "opsMonitoringPlatform": OpsMonitoringPlatform = YesNo(v); break;
            case "opsHelpDesk": OpsHelpDesk = YesNo(v); break;
            case "opsDuty7x24": OpsDuty7x24 = YesNo(v); break;
            case "ssoCoverageRatio": SsoCoverageRatio = Real(v, 0, 100); break;
            case "onlineServiceItems": OnlineServiceItems = Whole(v, 0, 5000); break;
            case "campusCardConsumption": CampusCardConsumption = YesNo(v); break;
            case "campusCardLibrary": CampusCardLibrary = YesNo(v); break;
            case "campusCardAccess": CampusCardAccess = YesNo(v); break;
            case "campusCardMobile": CampusCardMobile = YesNo(v); break;
            case "dataSharingRatio": DataSharingRatio = Real(v, 0, 100); break;
            case "dataHubReporting":
                DataHubReporting = Text(v) switch
                {
                    "continuous" => HubReporting.Continuous,
                    "connected" => HubReporting.Connected,
                    "none" => HubReporting.None,
                    _ => HubReporting.Invalid,
                };
                break;
            case "resourceLibraries": ResourceLibraries = Whole(v, 0, 100); break;
            case "onlineOpenCourses": OnlineOpenCourses = Whole(v, 0, 1000); break;
            case "courseDigitizationRatio": CourseDigitizationRatio = Real(v, 0, 100); break;
            case "platformContributedResources": PlatformContributedResources = Whole(v, 0, 1000000); break;
            case "annualResourceVisits": AnnualResourceVisits = Whole(v, 0, 1000000000); break;
            case "teacherActiveUseRatio": TeacherActiveUseRatio = Real(v, 0, 100); break;
            case "teacherSpaceRatio": TeacherSpaceRatio = Real(v, 0, 100); break;
            case "studentSpaceRatio": StudentSpaceRatio = Real(v, 0, 100); break;
            case "blendedCourseRatio": BlendedCourseRatio = Real(v, 0, 100); break;
            case "libDigitalResources": LibDigitalResources = YesNo(v); break;
            case "libSelfService": LibSelfService = YesNo(v); break;
            case "libSeatBooking": LibSeatBooking = YesNo(v); break;
            case "libMobileAccess": LibMobileAccess = YesNo(v); break;
            case "onlineStudentAffairsRatio": OnlineStudentAffairsRatio = Real(v, 0, 100); break;
            case "learningVisibilityScore": LearningVisibilityScore = Real(v, 0, 18); break;
            case "eduScheduling": EduScheduling = YesNo(v); break;
            case "eduGrades": EduGrades = YesNo(v); break;
            case "eduQualityMonitoring": EduQualityMonitoring = YesNo(v); break;
            case "eduInternship": EduInternship = YesNo(v); break;
            case "managementDomainsOnline": ManagementDomainsOnline = Whole(v, 0, 10); break;
            case "decisionSupportDashboard": DecisionSupportDashboard = YesNo(v); break;
            case "leadingGroup": LeadingGroup = YesNo(v); break;
            case "cioAppointed": CioAppointed = YesNo(v); break;
            case "leaderTrainingRatio": LeaderTrainingRatio = Real(v, 0, 100); break;
            case "itBudgetRatio": ItBudgetRatio = Real(v, 0, 100); break;
            case "teacherTrainingRatio": TeacherTrainingRatio = Real(v, 0, 100); break;
            case "mlpsPassRatio": MlpsPassRatio = Real(v, 0, 100); break;
            case "realNameAccess": RealNameAccess = YesNo(v); break;
            case "firewallIps": FirewallIps = YesNo(v); break;
            case "webAppFirewall": WebAppFirewall = YesNo(v); break;
            case "logAudit6m": LogAudit6m = YesNo(v); break;
            case "backupLevel":
                BackupLevel = Text(v) switch
                {
                    "offsite" => Backup.Offsite,
                    "local" => Backup.Local,
                    "none" => Backup.None,
                    _ => Backup.Invalid,
                };
                break;
            case "vulnFixedOnTimeRatio": VulnFixedOnTimeRatio = Real(v, 0, 100); break;
            case "emergencyDrills": EmergencyDrills = Whole(v, 0, 100); break;
            case "opinionMonitoring": OpinionMonitoring = YesNo(v); break;
            case "awarenessScore": AwarenessScore = Real(v, 0, 10); break;
            case "majorSecurityIncidents3y": MajorSecurityIncidents3y = Whole(v, 0, 100); break;

            // A document key given as a value: the engine says to list it under "documents" and counts the key invalid.
            case "opsRegulations": OpsRegulations = Document.Invalid; break;
            case "dataStandard": DataStandard = Document.Invalid; break;
            case "dataResourceCatalog": DataResourceCatalog = Document.Invalid; break;
            case "informatizationPlan": InformatizationPlan = Document.Invalid; break;
            case "annualImplementationPlan": AnnualImplementationPlan = Document.Invalid; break;
            case "itRegulations": ItRegulations = Document.Invalid; break;
            case "selfAssessmentReport": SelfAssessmentReport = Document.Invalid; break;
            case "thirdPartyEvaluation": ThirdPartyEvaluation = Document.Invalid; break;
            case "dataClassification": DataClassification = Document.Invalid; break;
            case "privacyPolicy": PrivacyPolicy = Document.Invalid; break;

            default: break; // not in the catalogue: the engine warns and ignores it
        }
    }

    private void Supply(string kind)
    {
        switch (kind)
        {
            case "opsRegulations": OpsRegulations = Document.Supplied; break;
            case "dataStandard": DataStandard = Document.Supplied; break;
            case "dataResourceCatalog": DataResourceCatalog = Document.Supplied; break;
            case "informatizationPlan": InformatizationPlan = Document.Supplied; break;
            case "annualImplementationPlan": AnnualImplementationPlan = Document.Supplied; break;
            case "itRegulations": ItRegulations = Document.Supplied; break;
            case "selfAssessmentReport": SelfAssessmentReport = Document.Supplied; break;
            case "thirdPartyEvaluation": ThirdPartyEvaluation = Document.Supplied; break;
            case "dataClassification": DataClassification = Document.Supplied; break;
            case "privacyPolicy": PrivacyPolicy = Document.Supplied; break;
            default: break; // not a document key of the catalogue: ignored
        }
    }

    private static Flag YesNo(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.True => Flag.Yes,
        JsonValueKind.False => Flag.No,
        _ => Flag.Invalid,
    };

    // Anything but a string is invalid for an enum; so is a string that is not one of its values (mapped by the caller).
    private static string? Text(JsonElement v) => v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static Number Whole(JsonElement v, decimal min, decimal max) =>
        Read(v) is { } n && n == decimal.Truncate(n) && n >= min && n <= max ? Number.Of(n) : Number.Invalid;

    private static Number Real(JsonElement v, decimal min, decimal max) =>
        Read(v) is { } n && n >= min && n <= max ? Number.Of(n) : Number.Invalid;

    /// <summary>
    /// The decimal the engine makes of a JSON number: digits only (no fraction or exponent) are a 64-bit
    /// integer, or beyond it a decimal; anything else is parsed as a double and converted with .NET's
    /// double-to-decimal conversion. Null for anything that is not a number (strings, "NaN" included).
    /// </summary>
    private static decimal? Read(JsonElement v)
    {
        if (v.ValueKind != JsonValueKind.Number)
        {
            return null;
        }

        var raw = v.GetRawText();
        if (raw.AsSpan().IndexOfAny('.', 'e', 'E') >= 0)
        {
            var d = double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (!double.IsFinite(d) || Math.Abs(d) > 1e20)
            {
                throw new ArgumentException($"the engine does not load evidence with the number {raw} (beyond 10^20)");
            }

            return (decimal)d;
        }

        if (long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            return whole;
        }

        var big = decimal.Parse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return Math.Abs(big) <= 1e20m ? big : throw new ArgumentException($"the engine does not load evidence with the number {raw} (beyond 10^20)");
    }
}
