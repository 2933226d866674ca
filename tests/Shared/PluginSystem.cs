using System.Text.Json.Nodes;

namespace IndicatorEngine.Testing;

/// <summary>
/// A small system whose first observation point ("plug", 4 points) has the rule a test gives, beside a
/// built-in one ("ipv6", 2 points): 6 points in all. Its catalogue has a key of every type.
/// </summary>
internal static class PluginSystem
{
    public const string Text = """
    {
      "id": "plugged",
      "version": "1",
      "title": { "zh": "插件" },
      "language": "en",
      "points": 6,
      "evidence": [
        { "key": "coverage", "type": "number", "unit": "%", "min": 0, "max": 100, "title": "wireless coverage" },
        { "key": "people", "type": "integer", "min": 0, "title": "people" },
        { "key": "ipv6", "type": "boolean", "title": "IPv6" },
        { "key": "backbone", "type": "enum", "values": ["1G", "10G"], "title": "backbone" },
        { "key": "note", "type": "string", "title": "note" },
        { "key": "issuedOn", "type": "date", "title": "issued on" },
        { "key": "systems", "type": "list", "max": 5, "title": "systems" },
        { "key": "plan", "type": "document", "title": "security plan" }
      ],
      "profiles": [ { "id": "any", "title": { "zh": "全部" }, "passThreshold": 3 } ],
      "indicators": [
        { "id": "plug", "title": { "zh": "插件评分" }, "points": 4, "provenance": "modeled",
          "rule": { "type": "plugin", "scorer": "at-least", "options": { "evidence": "coverage", "atLeast": 90 } } },
        { "id": "ipv6", "title": { "zh": "IPv6" }, "points": 2, "provenance": "modeled",
          "rule": { "type": "boolean", "evidence": "ipv6" } }
      ]
    }
    """;

    public static JsonObject Json(string? rule = null)
    {
        var json = JsonNode.Parse(Text)!.AsObject();
        if (rule is not null)
        {
            json["indicators"]![0]!["rule"] = JsonNode.Parse(rule);
        }

        return json;
    }

    public static LoadResult<IndicatorSystem> Load(ScorerRegistry? scorers, string? rule = null) =>
        IndicatorSystem.Parse(Json(rule).ToJsonString(), "plugged.json", new LoadOptions { Scorers = scorers });

    public static IndicatorSystem Loaded(ScorerRegistry scorers, string? rule = null)
    {
        var result = Load(scorers, rule);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.Value!;
    }

    public static SubjectEvidence Evidence(object? coverage = null, IEnumerable<EvidenceDocument>? documents = null, params (string Key, object? Value)[] more)
    {
        var values = new Dictionary<string, object?> { ["coverage"] = coverage, ["ipv6"] = true };
        foreach (var (key, value) in more)
        {
            values[key] = value;
        }

        return SubjectEvidence.Create("s1", values, documents);
    }
}
