using System.Text.Json.Nodes;

namespace IndicatorEngine.Tests;

/// <summary>
/// A small valid indicator system as a JSON tree, for tests to break one thing at a time:
/// 10 points = net (6: bandwidth linear 4 + ipv6 boolean 2) + sec (4: plan document 2, drills tiers 2).
/// </summary>
internal static class MiniSystem
{
    public const string Text = """
    {
      "id": "mini",
      "version": "1",
      "title": { "zh": "小体系", "en": "Mini" },
      "points": 10,
      "evidence": [
        { "key": "bandwidthMbps", "type": "number", "unit": "Mbps", "min": 0, "title": "exit bandwidth" },
        { "key": "people", "type": "integer", "min": 0, "title": "people" },
        { "key": "ipv6", "type": "boolean", "title": "IPv6" },
        { "key": "securityPlan", "type": "document", "title": "security plan" },
        { "key": "drills", "type": "integer", "min": 0, "max": 100, "title": "drills a year" },
        { "key": "incidents", "type": "integer", "min": 0, "title": "major incidents" }
      ],
      "profiles": [
        { "id": "higher", "title": { "zh": "高职" }, "passThreshold": 8 },
        { "id": "secondary", "title": { "zh": "中职" }, "passThreshold": 6, "notApplicable": ["net.ipv6"] }
      ],
      "grades": [
        { "id": "excellent", "title": { "zh": "优秀" }, "minScore": 9 },
        { "id": "pass", "title": { "zh": "达标" }, "minScore": 6 },
        { "id": "fail", "title": { "zh": "不达标" }, "minScore": 0 }
      ],
      "vetoes": [
        { "id": "incident", "title": { "zh": "重大网络安全事件" }, "when": { "evidence": "incidents", "atLeast": 1 } }
      ],
      "indicators": [
        {
          "id": "net", "title": { "zh": "网络" }, "points": 6,
          "children": [
            { "id": "net.bandwidth", "title": { "zh": "出口带宽" }, "points": 4, "provenance": "published",
              "rule": { "type": "linear", "evidence": "bandwidthMbps", "per": "people", "target": 0.7, "unit": "Mbps/head" } },
            { "id": "net.ipv6", "title": { "zh": "IPv6" }, "points": 2, "provenance": "published",
              "rule": { "type": "boolean", "evidence": "ipv6" } }
          ]
        },
        {
          "id": "sec", "title": { "zh": "安全" }, "points": 4,
          "children": [
            { "id": "sec.plan", "title": { "zh": "应急预案" }, "points": 2, "provenance": "modeled",
              "rule": { "type": "boolean", "evidence": "securityPlan" } },
            { "id": "sec.drills", "title": { "zh": "演练" }, "points": 2, "provenance": "modeled",
              "rule": { "type": "tiers", "evidence": "drills", "bands": [ { "atLeast": 2, "points": 2 }, { "atLeast": 1, "points": 1 } ] } }
          ]
        }
      ]
    }
    """;

    public static JsonObject Json() => JsonNode.Parse(Text)!.AsObject();

    public static IndicatorSystem Load() => IndicatorSystem.Parse(Text, "mini.json").GetValueOrThrow();
}
