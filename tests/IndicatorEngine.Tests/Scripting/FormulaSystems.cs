using System.Text.Json.Nodes;
using IndicatorEngine.Tests.Checking;

namespace IndicatorEngine.Tests.Scripting;

/// <summary>The mini system with formulas put in place of its rules, and evidence to score it with.</summary>
internal static class FormulaSystems
{
    /// <summary>The pointer of net.bandwidth's rule (4 points) in <see cref="MiniSystem"/>.</summary>
    public const string Bandwidth = "/indicators/0/children/0/rule";

    /// <summary>The pointer of net.ipv6's rule (2 points).</summary>
    public const string Ipv6 = "/indicators/0/children/1/rule";

    public static JsonObject WithLeafFormula(string expression, string at = Bandwidth, string? label = null)
    {
        var json = MiniSystem.Json();
        var rule = new JsonObject { ["type"] = "formula", ["expression"] = expression };
        if (label is not null)
        {
            rule["label"] = label;
        }

        Set(json, at, rule);
        return json;
    }

    public static void Set(JsonObject json, string pointer, JsonNode? value)
    {
        var segments = pointer.Trim('/').Split('/');
        JsonNode parent = json;
        foreach (var segment in segments[..^1])
        {
            parent = int.TryParse(segment, out var i) ? parent[i]! : parent[segment]!;
        }

        if (int.TryParse(segments[^1], out var index))
        {
            parent[index] = value;
        }
        else
        {
            parent[segments[^1]] = value;
        }
    }

    public static LoadResult<IndicatorSystem> Parse(JsonObject json, LoadOptions? options = null) =>
        IndicatorSystem.Parse(json.ToJsonString(new() { WriteIndented = true }), "formula.json", options);

    public static IndicatorSystem Load(JsonObject json, LoadOptions? options = null)
    {
        var result = Parse(json, options);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.Value!;
    }

    public static Dictionary<string, object?> Full() => new()
    {
        ["bandwidthMbps"] = 14000, ["people"] = 20000, ["ipv6"] = true, ["drills"] = 3, ["incidents"] = 0,
    };

    public static SubjectEvidence Evidence(Dictionary<string, object?>? values = null, string id = "s1") =>
        SubjectEvidence.Create(id, values ?? Full(), [new EvidenceDocument("plan.pdf", "securityPlan", null)], null);

    public static IndicatorScore Leaf(IndicatorSystem system, string id = "net.bandwidth", Dictionary<string, object?>? values = null) =>
        system.Score(Evidence(values)).In(Language.English).Find(id)!;
}
