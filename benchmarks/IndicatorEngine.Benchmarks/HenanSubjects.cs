using System.Text.Json;

namespace IndicatorEngine.Benchmarks;

/// <summary>
/// Deterministic synthetic schools for the Henan higher-vocational system, as evidence files of the shape of
/// <c>indicators/samples/henan-higher-vocational/passing.json</c>: ids <c>school-00001</c>, <c>school-00002</c>…,
/// every value within its declared range, a spread of strong and weak schools (each school has a strength
/// that moves all of its figures together, with noise per figure), about one school in twelve without one to
/// three values, and about one in thirty with a major security incident (vetoed).
/// </summary>
public static class HenanSubjects
{
    private static readonly string[] Cities = ["郑州市", "洛阳市", "开封市", "新乡市", "南阳市", "许昌市", "焦作市", "安阳市", "平顶山市", "商丘市", "信阳市", "周口市"];

    private static readonly string[] DocumentKinds =
    [
        "opsRegulations", "dataStandard", "dataResourceCatalog", "informatizationPlan", "annualImplementationPlan",
        "itRegulations", "selfAssessmentReport", "thirdPartyEvaluation", "dataClassification", "privacyPolicy",
    ];

    /// <summary>The value keys a school may leave out (every value key of the catalogue).</summary>
    private static readonly string[] ValueKeys =
    [
        "campusHeadcount", "studentCount", "wiredCoverageTeachingOffice", "indoorWirelessFull", "outdoorWirelessPublic",
        "multiCampusOneNetwork", "exitBandwidthGbps", "backboneLevel", "businessSubnets", "cernetBandwidthMbps",
        "ipv6Applications", "physicalFacilitiesScore", "gigabitWlan", "campus5g", "iotPlatform", "cloudSystemsRatio",
        "virtualCpuCores", "multimediaClassroomRatio", "smartClassroomRatio", "virtualSimulationBase", "itStaffCount",
        "opsMonitoringPlatform", "opsHelpDesk", "opsDuty7x24", "ssoCoverageRatio", "onlineServiceItems",
        "campusCardConsumption", "campusCardLibrary", "campusCardAccess", "campusCardMobile", "dataSharingRatio",
        "dataHubReporting", "resourceLibraries", "onlineOpenCourses", "courseDigitizationRatio",
        "platformContributedResources", "annualResourceVisits", "teacherActiveUseRatio", "teacherSpaceRatio",
        "studentSpaceRatio", "blendedCourseRatio", "libDigitalResources", "libSelfService", "libSeatBooking",
        "libMobileAccess", "onlineStudentAffairsRatio", "learningVisibilityScore", "eduScheduling", "eduGrades",
        "eduQualityMonitoring", "eduInternship", "managementDomainsOnline", "decisionSupportDashboard", "leadingGroup",
        "cioAppointed", "leaderTrainingRatio", "itBudgetRatio", "teacherTrainingRatio", "mlpsPassRatio",
        "realNameAccess", "firewallIps", "webAppFirewall", "logAudit6m", "backupLevel", "vulnFixedOnTimeRatio",
        "emergencyDrills", "opinionMonitoring", "awarenessScore", "majorSecurityIncidents3y",
    ];

    /// <summary><paramref name="count"/> evidence files (UTF-8 JSON, one school each); the same seed gives the same bytes.</summary>
    public static byte[][] Generate(int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 99999);
        return Enumerate(count, seed).ToArray();
    }

    /// <summary>
    /// The same schools one at a time, for batches of any size (the first <c>n</c> are those of
    /// <c>Generate(n, seed)</c>); <paramref name="indented"/> false writes each on one line, as an NDJSON record.
    /// </summary>
    public static IEnumerable<byte[]> Enumerate(int count, int seed, bool indented = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            yield return One(random, i + 1, indented);
        }
    }

    /// <summary>Writes <paramref name="count"/> schools as NDJSON (one compact document per line, <c>\n</c> after each).</summary>
    public static void WriteNdjson(Stream output, int count, int seed)
    {
        foreach (var subject in Enumerate(count, seed, indented: false))
        {
            output.Write(subject);
            output.WriteByte((byte)'\n');
        }
    }

    private static byte[] One(Random random, int number, bool indented)
    {
        // Strength: a quarter weak, half middling, a quarter strong.
        var band = random.NextDouble();
        var q = band < 0.25 ? 0.1 + 0.4 * random.NextDouble()
            : band < 0.75 ? 0.5 + 0.35 * random.NextDouble()
            : 0.85 + 0.15 * random.NextDouble();
        var g = new Gen(random, q);

        var leaveOut = new HashSet<string>(StringComparer.Ordinal);
        if (random.NextDouble() < 1.0 / 12)
        {
            var n = random.Next(1, 4);
            while (leaveOut.Count < n)
            {
                leaveOut.Add(ValueKeys[random.Next(ValueKeys.Length)]);
            }
        }

        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("$schema", "../../schema/evidence.schema.json");
            w.WriteString("system", "henan-higher-vocational");
            w.WriteString("id", $"school-{number:00000}");
            w.WriteString("name", $"模拟职业技术学院{number:00000}");
            w.WriteString("profile", "higher-vocational");
            w.WriteStartObject("region");
            w.WriteString("province", "河南省");
            w.WriteString("city", Cities[random.Next(Cities.Length)]);
            w.WriteEndObject();
            w.WriteNumber("period", 2025);

            w.WriteStartObject("values");
            var headcount = random.Next(4000, 46000);
            var students = (int)(headcount * (0.9 + 0.06 * random.NextDouble()));
            void Int(string key, long value)
            {
                if (!leaveOut.Contains(key))
                {
                    w.WriteNumber(key, value);
                }
            }

            void Dec(string key, decimal value)
            {
                if (!leaveOut.Contains(key))
                {
                    w.WriteNumber(key, value);
                }
            }

            void Bool(string key, bool value)
            {
                if (!leaveOut.Contains(key))
                {
                    w.WriteBoolean(key, value);
                }
            }

            void Str(string key, string value)
            {
                if (!leaveOut.Contains(key))
                {
                    w.WriteString(key, value);
                }
            }

            Int("campusHeadcount", headcount);
            Int("studentCount", students);
            Bool("wiredCoverageTeachingOffice", g.Yes(0.5));
            Bool("indoorWirelessFull", g.Yes(0.3));
            Bool("outdoorWirelessPublic", g.Yes(0.1));
            Bool("multiCampusOneNetwork", g.Yes(0.4));
            // Mbps per head about 0.15 to 1.0 with strength, in steps of half a gigabit.
            Dec("exitBandwidthGbps", Math.Min(1000m, Math.Max(0.5m, Math.Round((decimal)(headcount * g.Scaled(0.15, 1.0) / 1000) * 2, 0) / 2)));
            Str("backboneLevel", g.Pick("below-1G", "1G", "10G", "10G-redundant"));
            Bool("businessSubnets", g.Yes(0.3));
            Int("cernetBandwidthMbps", g.Pick(0, 10, 50, 100, 200, 1000));
            Int("ipv6Applications", (long)g.Scaled(-3, 20));
            Dec("physicalFacilitiesScore", g.Steps(0, 2, 0.5m));
            Bool("gigabitWlan", g.Yes(0.2));
            Bool("campus5g", g.Yes(0.0));
            Bool("iotPlatform", g.Yes(0.1));
            Dec("cloudSystemsRatio", g.Ratio(10, 100));
            Int("virtualCpuCores", (long)g.Scaled(0, 2500));
            Dec("multimediaClassroomRatio", g.Ratio(35, 100));
            Dec("smartClassroomRatio", g.Ratio(0, 30));
            Str("virtualSimulationBase", g.Pick("none", "school", "provincial", "national"));
            Int("itStaffCount", (long)(headcount * g.Scaled(0.2, 1.5) / 1000));
            Bool("opsMonitoringPlatform", g.Yes(0.4));
            Bool("opsHelpDesk", g.Yes(0.4));
            Bool("opsDuty7x24", g.Yes(0.2));
            Dec("ssoCoverageRatio", g.Ratio(20, 100));
            Int("onlineServiceItems", (long)g.Scaled(0, 180));
            Bool("campusCardConsumption", g.Yes(0.7));
            Bool("campusCardLibrary", g.Yes(0.5));
            Bool("campusCardAccess", g.Yes(0.3));
            Bool("campusCardMobile", g.Yes(0.1));
            Dec("dataSharingRatio", g.Ratio(10, 100));
            Str("dataHubReporting", g.Pick("none", "connected", "continuous"));
            Int("resourceLibraries", (long)g.Scaled(-0.5, 4));
            Int("onlineOpenCourses", (long)g.Scaled(0, 30));
            Dec("courseDigitizationRatio", g.Ratio(10, 100));
            Int("platformContributedResources", (long)g.Scaled(0, 1500));
            Int("annualResourceVisits", (long)(students * g.Scaled(10, 160)));
            Dec("teacherActiveUseRatio", g.Ratio(30, 100));
            Dec("teacherSpaceRatio", g.Ratio(40, 100));
            Dec("studentSpaceRatio", g.Ratio(20, 100));
            Dec("blendedCourseRatio", g.Ratio(5, 70));
            Bool("libDigitalResources", g.Yes(0.6));
            Bool("libSelfService", g.Yes(0.3));
            Bool("libSeatBooking", g.Yes(0.2));
            Bool("libMobileAccess", g.Yes(0.3));
            Dec("onlineStudentAffairsRatio", g.Ratio(20, 100));
            Dec("learningVisibilityScore", g.Steps(4, 18, 0.5m));
            Bool("eduScheduling", g.Yes(0.8));
            Bool("eduGrades", g.Yes(0.8));
            Bool("eduQualityMonitoring", g.Yes(0.3));
            Bool("eduInternship", g.Yes(0.2));
            Int("managementDomainsOnline", (long)Math.Min(10, g.Scaled(2, 11)));
            Bool("decisionSupportDashboard", g.Yes(0.2));
            Bool("leadingGroup", g.Yes(0.7));
            Bool("cioAppointed", g.Yes(0.3));
            Dec("leaderTrainingRatio", g.Ratio(20, 100));
            Dec("itBudgetRatio", g.Ratio(1, 12));
            Dec("teacherTrainingRatio", g.Ratio(15, 90));
            Dec("mlpsPassRatio", g.Ratio(30, 100));
            Bool("realNameAccess", g.Yes(0.7));
            Bool("firewallIps", g.Yes(0.7));
            Bool("webAppFirewall", g.Yes(0.3));
            Bool("logAudit6m", g.Yes(0.5));
            Str("backupLevel", g.Pick("none", "local", "offsite"));
            Dec("vulnFixedOnTimeRatio", g.Ratio(50, 100));
            Int("emergencyDrills", (long)g.Scaled(0, 4));
            Bool("opinionMonitoring", g.Yes(0.4));
            Dec("awarenessScore", g.Steps(3, 10, 0.5m));
            Int("majorSecurityIncidents3y", random.NextDouble() < 1.0 / 30 ? 1 : 0);
            w.WriteEndObject();

            w.WriteStartArray("documents");
            foreach (var kind in DocumentKinds)
            {
                var copies = g.Yes(0.3) ? (random.NextDouble() < 0.1 ? 2 : 1) : 0;
                for (var c = 0; c < copies; c++)
                {
                    w.WriteStartObject();
                    w.WriteString("name", $"{kind}-{c + 1}.pdf");
                    w.WriteString("kind", kind);
                    w.WriteString("sha256", Sha(random));
                    w.WriteEndObject();
                }
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static string Sha(Random random)
    {
        Span<byte> bytes = stackalloc byte[32];
        random.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>Figures for one school of strength q (0 weak … 1 strong), with noise.</summary>
    private sealed class Gen(Random random, double q)
    {
        /// <summary>q moved by up to ±0.2, kept in [0, 1].</summary>
        private double Noisy() => Math.Clamp(q + 0.4 * (random.NextDouble() - 0.5), 0, 1);

        /// <summary>True more often the stronger the school; <paramref name="floor"/> is the chance at strength 0.</summary>
        public bool Yes(double floor) => random.NextDouble() < floor + (1 - floor) * Noisy();

        public double Scaled(double low, double high) => Math.Max(0, low + (high - low) * Noisy());

        /// <summary>A percentage with one decimal, from <paramref name="low"/> (weakest) to <paramref name="high"/>.</summary>
        public decimal Ratio(double low, double high) => Math.Clamp(Math.Round((decimal)(low + (high - low) * Noisy()), 1), 0m, 100m);

        public decimal Steps(double low, double high, decimal step) => Math.Round((decimal)(low + (high - low) * Noisy()) / step, 0) * step;

        public T Pick<T>(params T[] weakestFirst) => weakestFirst[Math.Min(weakestFirst.Length - 1, (int)(Noisy() * weakestFirst.Length))];
    }
}
