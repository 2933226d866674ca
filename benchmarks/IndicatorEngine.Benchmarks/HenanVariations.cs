using System.Globalization;
using System.Text.Json.Nodes;

namespace IndicatorEngine.Benchmarks;

/// <summary>
/// Deterministic random variations of a Henan evidence file (normally <c>passing.json</c>), to compare the
/// hand-written floor with the engine on evidence no one worked out by hand. Each variation changes some of
/// the values — how many depends on the variation, from a couple to most of them: numbers anywhere in their
/// declared range, on and just beside round numbers (where the rules' thresholds and targets are), with many
/// decimals (rounding ties and double-to-decimal conversion), slightly outside the range, not whole for
/// integers; booleans flipped; enum values changed or misspelt; values of the wrong type, null or left out;
/// a document key given as a value; now and then a whole checklist unsupplied or unusable. Documents are
/// dropped, listed twice, added, or listed under a kind the catalogue does not have (or that is not a
/// document). Every variation is evidence the engine loads. (Henan has no <c>list</c> evidence, so there are
/// no list lengths to vary.)
/// </summary>
public static class HenanVariations
{
    private enum Kind
    {
        Integer,
        Number,
        Boolean,
        Enum,
        Document,
    }

    private sealed record Key(string Name, Kind Kind, decimal Min = 0, decimal Max = 0, string[]? Values = null);

    private static readonly Key[] Catalogue =
    [
        new("campusHeadcount", Kind.Integer, 1, 200000),
        new("studentCount", Kind.Integer, 1, 150000),
        new("wiredCoverageTeachingOffice", Kind.Boolean),
        new("indoorWirelessFull", Kind.Boolean),
        new("outdoorWirelessPublic", Kind.Boolean),
        new("multiCampusOneNetwork", Kind.Boolean),
        new("exitBandwidthGbps", Kind.Number, 0, 1000),
        new("backboneLevel", Kind.Enum, Values: ["10G-redundant", "10G", "1G", "below-1G"]),
        new("businessSubnets", Kind.Boolean),
        new("cernetBandwidthMbps", Kind.Number, 0, 100000),
        new("ipv6Applications", Kind.Integer, 0, 10000),
        new("physicalFacilitiesScore", Kind.Number, 0, 2),
        new("gigabitWlan", Kind.Boolean),
        new("campus5g", Kind.Boolean),
        new("iotPlatform", Kind.Boolean),
        new("cloudSystemsRatio", Kind.Number, 0, 100),
        new("virtualCpuCores", Kind.Integer, 0, 1000000),
        new("multimediaClassroomRatio", Kind.Number, 0, 100),
        new("smartClassroomRatio", Kind.Number, 0, 100),
        new("virtualSimulationBase", Kind.Enum, Values: ["national", "provincial", "school", "none"]),
        new("itStaffCount", Kind.Integer, 0, 2000),
        new("opsMonitoringPlatform", Kind.Boolean),
        new("opsHelpDesk", Kind.Boolean),
        new("opsDuty7x24", Kind.Boolean),
        new("opsRegulations", Kind.Document),
        new("ssoCoverageRatio", Kind.Number, 0, 100),
        new("onlineServiceItems", Kind.Integer, 0, 5000),
        new("campusCardConsumption", Kind.Boolean),
        new("campusCardLibrary", Kind.Boolean),
        new("campusCardAccess", Kind.Boolean),
        new("campusCardMobile", Kind.Boolean),
        new("dataStandard", Kind.Document),
        new("dataResourceCatalog", Kind.Document),
        new("dataSharingRatio", Kind.Number, 0, 100),
        new("dataHubReporting", Kind.Enum, Values: ["continuous", "connected", "none"]),
        new("resourceLibraries", Kind.Integer, 0, 100),
        new("onlineOpenCourses", Kind.Integer, 0, 1000),
        new("courseDigitizationRatio", Kind.Number, 0, 100),
        new("platformContributedResources", Kind.Integer, 0, 1000000),
        new("annualResourceVisits", Kind.Integer, 0, 1000000000),
        new("teacherActiveUseRatio", Kind.Number, 0, 100),
        new("teacherSpaceRatio", Kind.Number, 0, 100),
        new("studentSpaceRatio", Kind.Number, 0, 100),
        new("blendedCourseRatio", Kind.Number, 0, 100),
        new("libDigitalResources", Kind.Boolean),
        new("libSelfService", Kind.Boolean),
        new("libSeatBooking", Kind.Boolean),
        new("libMobileAccess", Kind.Boolean),
        new("onlineStudentAffairsRatio", Kind.Number, 0, 100),
        new("learningVisibilityScore", Kind.Number, 0, 18),
        new("eduScheduling", Kind.Boolean),
        new("eduGrades", Kind.Boolean),
        new("eduQualityMonitoring", Kind.Boolean),
        new("eduInternship", Kind.Boolean),
        new("managementDomainsOnline", Kind.Integer, 0, 10),
        new("decisionSupportDashboard", Kind.Boolean),
        new("leadingGroup", Kind.Boolean),
        new("cioAppointed", Kind.Boolean),
        new("informatizationPlan", Kind.Document),
        new("annualImplementationPlan", Kind.Document),
        new("leaderTrainingRatio", Kind.Number, 0, 100),
        new("itBudgetRatio", Kind.Number, 0, 100),
        new("teacherTrainingRatio", Kind.Number, 0, 100),
        new("itRegulations", Kind.Document),
        new("selfAssessmentReport", Kind.Document),
        new("thirdPartyEvaluation", Kind.Document),
        new("mlpsPassRatio", Kind.Number, 0, 100),
        new("realNameAccess", Kind.Boolean),
        new("firewallIps", Kind.Boolean),
        new("webAppFirewall", Kind.Boolean),
        new("logAudit6m", Kind.Boolean),
        new("backupLevel", Kind.Enum, Values: ["offsite", "local", "none"]),
        new("dataClassification", Kind.Document),
        new("privacyPolicy", Kind.Document),
        new("vulnFixedOnTimeRatio", Kind.Number, 0, 100),
        new("emergencyDrills", Kind.Integer, 0, 100),
        new("opinionMonitoring", Kind.Boolean),
        new("awarenessScore", Kind.Number, 0, 10),
        new("majorSecurityIncidents3y", Kind.Integer, 0, 100),
    ];

    /// <summary>The item keys of each checklist observation point, which count as missing or invalid only all together.</summary>
    private static readonly string[][] Checklists =
    [
        ["wiredCoverageTeachingOffice", "indoorWirelessFull", "outdoorWirelessPublic", "multiCampusOneNetwork"],
        ["gigabitWlan", "campus5g", "iotPlatform"],
        ["opsMonitoringPlatform", "opsHelpDesk", "opsDuty7x24", "opsRegulations"],
        ["campusCardConsumption", "campusCardLibrary", "campusCardAccess", "campusCardMobile"],
        ["dataStandard", "dataResourceCatalog"],
        ["libDigitalResources", "libSelfService", "libSeatBooking", "libMobileAccess"],
        ["eduScheduling", "eduGrades", "eduQualityMonitoring", "eduInternship"],
        ["informatizationPlan", "annualImplementationPlan"],
        ["itRegulations", "selfAssessmentReport", "thirdPartyEvaluation"],
        ["realNameAccess", "firewallIps", "webAppFirewall", "logAudit6m"],
        ["dataClassification", "privacyPolicy"],
    ];

    /// <summary>The keys of the Henan evidence catalogue, in catalogue order.</summary>
    public static IEnumerable<string> Keys => Catalogue.Select(k => k.Name);

    /// <summary><paramref name="count"/> variations of <paramref name="utf8Json"/> (UTF-8 JSON); the same seed gives the same variations.</summary>
    public static IEnumerable<byte[]> Of(byte[] utf8Json, int count, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var root = JsonNode.Parse(utf8Json)!.AsObject();
            root["id"] = $"variation-{i + 1:000}";
            // How much changes: a few variations hardly at all (verdict and grade near the original), most a lot.
            var rate = new[] { 0.03, 0.1, 0.25, 0.5, 0.8 }[random.Next(5)];
            Vary(random, root, rate);
            yield return System.Text.Encoding.UTF8.GetBytes(root.ToJsonString());
        }
    }

    private static void Vary(Random random, JsonObject root, double rate)
    {
        var values = root["values"]!.AsObject();
        foreach (var key in Catalogue)
        {
            if (random.NextDouble() >= rate)
            {
                continue;
            }

            if (key.Kind == Kind.Document)
            {
                // Documents are varied below; now and then the key is wrongly given as a value.
                if (random.NextDouble() < 0.1)
                {
                    values[key.Name] = random.Next(3) switch { 0 => true, 1 => JsonValue.Create("见附件"), _ => null };
                }

                continue;
            }

            var roll = random.NextDouble();
            if (roll < 0.08)
            {
                values.Remove(key.Name);
            }
            else if (roll < 0.12)
            {
                values[key.Name] = null;
            }
            else if (roll < 0.2)
            {
                values[key.Name] = WrongType(random, key);
            }
            else
            {
                values[key.Name] = key.Kind switch
                {
                    Kind.Boolean => JsonValue.Create(values[key.Name] is JsonValue v && v.TryGetValue<bool>(out var b) ? !b : random.Next(2) == 0),
                    Kind.Enum => random.NextDouble() < 0.85
                        ? JsonValue.Create(key.Values![random.Next(key.Values.Length)])
                        : JsonValue.Create(random.Next(2) == 0 ? key.Values![0].ToUpperInvariant() : "other"),
                    _ => Number(random, key),
                };
            }
        }

        // Numbers the rules read in both branches of the exit-bandwidth formula: a campus of 30,000 or more.
        if (random.NextDouble() < rate * 0.5)
        {
            values["campusHeadcount"] = random.Next(25000, 60000);
        }

        // Per-head measures exactly on their targets, or on a rounding tie.
        if (random.NextDouble() < rate * 0.5)
        {
            var people = random.Next(1, 14) * 3000;
            values["campusHeadcount"] = people;
            switch (random.Next(4))
            {
                case 0:
                    // IT staff per 1,000 people: 1.0 (full points) or 0.5 (partial), or one short of either.
                    values["itStaffCount"] = people / (random.Next(2) == 0 ? 1000 : 2000) - random.Next(2);
                    break;
                case 1:
                    // Exit bandwidth: 0.7 Mbps per head (full points), or the bandwidth whose score is a tie
                    // in decimal: 3 × (bandwidth per head ÷ 0.7) = x.xx5.
                    var score = random.Next(0, 300) / 100m + 0.005m;
                    values["exitBandwidthGbps"] = random.Next(3) == 0 ? people * 0.7m / 1000 : people / 3000 * score * 0.7m;
                    break;
                case 2:
                    // 100 visits per student (full points), or a tie when the 10 points are rounded (e.g. 7.775).
                    var students = random.Next(1, 1001) * 20;
                    values["studentCount"] = students;
                    values["annualResourceVisits"] = random.Next(3) == 0 ? students * 100 : students * (random.Next(0, 1000) * 10 + 5) / 100;
                    break;
                default:
                    values["exitBandwidthGbps"] = Math.Round(people * (decimal)random.NextDouble() / 1000, random.Next(1, 4));
                    break;
            }
        }

        if (random.NextDouble() < rate * 0.2)
        {
            values["notInTheCatalogue"] = random.Next(100);
        }

        if (root["documents"] is not JsonArray documents)
        {
            root["documents"] = documents = [];
        }

        for (var i = documents.Count - 1; i >= 0; i--)
        {
            var roll = random.NextDouble();
            if (roll < rate * 0.4)
            {
                documents.RemoveAt(i);
            }
            else if (roll < rate * 0.6)
            {
                documents.Add(documents[i]!.DeepClone());
            }
        }

        foreach (var key in Catalogue)
        {
            if (key.Kind == Kind.Document && random.NextDouble() < rate * 0.3)
            {
                documents.Add(Document(random, key.Name));
            }
        }

        if (random.NextDouble() < rate * 0.2)
        {
            // A kind the catalogue does not have, and one that is a key but not a document: both ignored.
            documents.Add(Document(random, random.Next(2) == 0 ? "unknownKind" : "leadingGroup"));
        }

        // A whole checklist unsupplied, unusable, or some of each (the point is then missing evidence or an error).
        if (random.NextDouble() < rate * 0.5)
        {
            var how = random.Next(3);
            foreach (var item in Checklists[random.Next(Checklists.Length)])
            {
                for (var i = documents.Count - 1; i >= 0; i--)
                {
                    if ((string?)documents[i]!["kind"] == item)
                    {
                        documents.RemoveAt(i);
                    }
                }

                values.Remove(item);
                if (how == 1 || how == 2 && random.Next(2) == 0)
                {
                    values[item] = "yes";
                }
            }
        }
    }

    private static JsonObject Document(Random random, string kind)
    {
        var sha = new byte[32];
        random.NextBytes(sha);
        return new JsonObject { ["name"] = $"{kind}-{random.Next(1000)}.pdf", ["kind"] = kind, ["sha256"] = Convert.ToHexStringLower(sha) };
    }

    private static JsonNode WrongType(Random random, Key key) => random.Next(5) switch
    {
        0 => JsonValue.Create(key.Kind is Kind.Integer or Kind.Number ? "12" : "true"),
        1 => key.Kind == Kind.Boolean ? JsonValue.Create(1) : JsonValue.Create(true),
        2 => new JsonArray(JsonValue.Create("1")),
        3 => key.Kind is Kind.Integer or Kind.Number ? JsonValue.Create(random.Next(2) == 0 ? "NaN" : "Infinity") : JsonValue.Create(0.5),
        _ => key.Kind == Kind.Enum ? JsonValue.Create(1) : JsonValue.Create(""),
    };

    /// <summary>A number for a numeric key: mostly in range, some on the edges or just outside, some not whole.</summary>
    private static JsonNode Number(Random random, Key key)
    {
        var span = key.Max - key.Min;
        var whole = key.Kind == Kind.Integer;
        switch (random.Next(8))
        {
            case 0:
                // Anywhere in range.
                return Uniform(random, key, whole);
            case 1:
                // Log-uniform, so large ranges are explored at their low end too.
                {
                    var x = Math.Pow(10, random.NextDouble() * Math.Log10((double)Math.Max(span, 1m) + 1)) - 1;
                    var value = key.Min + (decimal)x;
                    return whole ? JsonValue.Create(decimal.Round(value)) : JsonValue.Create(Math.Round(value, random.Next(4)));
                }

            case 2:
                // A round number or just beside it (thresholds and targets are round numbers).
                {
                    var top = (int)Math.Min(key.Max, 120m);
                    decimal round = random.Next((int)key.Min, top + 1);
                    if (random.Next(3) == 0 && key.Max > 1000)
                    {
                        round *= 100;
                    }

                    var nudge = whole ? new[] { 0m, -1m, 1m }[random.Next(3)] : new[] { 0m, -0.001m, 0.001m, -0.005m, 0.005m, -0.5m, 0.5m }[random.Next(7)];
                    return JsonValue.Create(round + nudge);
                }

            case 3:
                // Many decimals: halves of hundredths, and full double precision.
                return whole
                    ? Uniform(random, key, true)
                    : random.Next(2) == 0
                        ? JsonValue.Create(Math.Round(key.Min + (decimal)random.NextDouble() * span, 3))
                        : JsonValue.Create((double)key.Min + random.NextDouble() * (double)span);
            case 4:
                // On an edge.
                return JsonValue.Create(random.Next(2) == 0 ? key.Min : key.Max);
            case 5:
                // Slightly outside the range (invalid).
                {
                    var step = whole ? 1m : new[] { 0.001m, 0.5m, 1m }[random.Next(3)];
                    return JsonValue.Create(random.Next(2) == 0 ? key.Min - step : key.Max + step);
                }

            case 6:
                // Not whole (invalid for an integer), or a number written with an exponent.
                return whole
                    ? JsonValue.Create(Math.Round(key.Min + (decimal)random.NextDouble() * Math.Min(span, 100m), 1) + 0.5m)
                    : JsonNode.Parse(((double)(key.Min + (decimal)random.NextDouble() * span)).ToString("E3", CultureInfo.InvariantCulture))!;
            default:
                // Small values, where linear rules are partial.
                return JsonValue.Create(whole ? random.Next((int)key.Min, (int)Math.Min(key.Max, 25m) + 1) : Math.Round(key.Min + (decimal)random.NextDouble() * Math.Min(span, 25m), 2));
        }
    }

    private static JsonNode Uniform(Random random, Key key, bool whole)
    {
        var value = key.Min + (decimal)random.NextDouble() * (key.Max - key.Min);
        return JsonValue.Create(whole ? decimal.Round(value) : Math.Round(value, random.Next(1, 3)));
    }
}
