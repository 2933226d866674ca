using System.Globalization;
using System.Text.Json.Nodes;

namespace IndicatorEngine.Tests.Properties;

/// <summary>
/// A generated indicator system with evidence for a few subjects, built deterministically from a seed and a
/// size. Shrinking lowers the size with the same seed, so a counterexample shrinks to a small system; its
/// <see cref="ToString"/> prints the JSON to reproduce it.
/// </summary>
public sealed class GeneratedCase
{
    private static readonly string[] EnumValues = ["none", "basic", "full"];

    private readonly Random _random;
    private readonly JsonArray _evidence = [];
    private readonly List<string> _leafIds = [];
    private int _next;

    private GeneratedCase(int seed, int size)
    {
        Seed = seed;
        Size = size;
        _random = new Random(seed);
        Definition = Build();
        Subjects = Enumerable.Range(0, 3).Select(i => MakeEvidence(i, garbage: false)).ToList();
        Garbage = MakeEvidence(99, garbage: true);
    }

    public int Seed { get; }

    public int Size { get; }

    public JsonObject Definition { get; }

    public string DefinitionText => Definition.ToJsonString(new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>Evidence that fits the catalogue (some values missing).</summary>
    public IReadOnlyList<Dictionary<string, object?>> Subjects { get; }

    /// <summary>Evidence that does not fit: wrong types, NaN strings, out of range, unknown keys.</summary>
    public Dictionary<string, object?> Garbage { get; }

    /// <summary>Keys of numeric evidence read as the value (never as a divisor) by a monotone rule.</summary>
    public List<string> IncreasingKeys { get; } = [];

    /// <summary>Keys of boolean evidence that a checklist or an expected-true boolean rule rewards.</summary>
    public List<string> RewardedFlags { get; } = [];

    public List<string> NumericKeys { get; } = [];

    public decimal Threshold { get; private set; }

    public static GeneratedCase Create(int seed, int size) => new(seed, Math.Max(1, size));

    public IndicatorSystem Load() => IndicatorSystem.Parse(DefinitionText, $"generated-{Seed}-{Size}.json").GetValueOrThrow();

    public SubjectEvidence Evidence(Dictionary<string, object?> values, string id = "s") =>
        SubjectEvidence.Create(id, values, values.Where(v => v.Key.StartsWith('d') && v.Value is true).Select(v => new EvidenceDocument(v.Key + ".pdf", v.Key, null)));

    public override string ToString() =>
        $"seed {Seed}, size {Size}\n{DefinitionText}\nsubjects: {string.Join("\n", Subjects.Select(s => string.Join(", ", s.Select(kv => $"{kv.Key}={Show(kv.Value)}"))))}";

    private static string Show(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private string NextId(string prefix) => $"{prefix}{_next++}";

    private decimal Points() => _random.Next(1, 21) / (_random.Next(2) == 0 ? 1m : 2m);

    private JsonObject Build()
    {
        var top = new JsonArray();
        var count = 1 + _random.Next(Math.Min(4, Size));
        for (var i = 0; i < count; i++)
        {
            top.Add(Node(depth: 0));
        }

        var weighted = _random.Next(4) == 0;
        decimal points;
        if (weighted)
        {
            points = 100m;
            foreach (var node in top)
            {
                node!["weight"] = _random.Next(1, 5);
            }
        }
        else
        {
            points = top.Sum(n => (decimal)n!["points"]!);
        }

        var bonusCap = weighted ? 0m : top.Sum(n => n!["bonusPoints"] is { } b ? (decimal)b : 0m);
        var max = points + bonusCap;
        Threshold = Math.Round(max * _random.Next(0, 101) / 100m, 2);
        var profiles = new JsonArray
        {
            new JsonObject { ["id"] = "p1", ["title"] = new JsonObject { ["zh"] = "甲" }, ["passThreshold"] = Threshold },
            new JsonObject
            {
                ["id"] = "p2", ["title"] = new JsonObject { ["zh"] = "乙" }, ["passThreshold"] = Math.Round(Threshold / 2, 2),
                ["notApplicable"] = new JsonArray(_leafIds.Where(_ => _random.Next(4) == 0).Select(id => (JsonNode)id).ToArray()),
            },
        };
        var a = Math.Round(max * 0.9m, 2);
        var b = Math.Round(max * 0.6m, 2);
        var grades = new JsonArray
        {
            new JsonObject { ["id"] = "top", ["title"] = new JsonObject { ["zh"] = "优秀" }, ["minScore"] = a },
            new JsonObject { ["id"] = "mid", ["title"] = new JsonObject { ["zh"] = "达标" }, ["minScore"] = b < a ? b : a - 0.01m },
            new JsonObject { ["id"] = "low", ["title"] = new JsonObject { ["zh"] = "不达标" }, ["minScore"] = 0 },
        };
        _evidence.Add(new JsonObject { ["key"] = "incidents", ["type"] = "integer", ["min"] = 0, ["max"] = 50 });
        var system = new JsonObject
        {
            ["id"] = "generated",
            ["version"] = "1",
            ["title"] = new JsonObject { ["zh"] = "生成的体系" },
            ["points"] = points,
            ["evidence"] = _evidence,
            ["profiles"] = profiles,
            ["grades"] = grades,
            ["vetoes"] = new JsonArray(new JsonObject
            {
                ["id"] = "incident", ["title"] = new JsonObject { ["zh"] = "事件" },
                ["when"] = new JsonObject { ["evidence"] = "incidents", ["atLeast"] = 1 },
            }),
            ["indicators"] = top,
        };
        if (weighted)
        {
            system["aggregation"] = "weighted-mean";
        }

        return system;
    }

    private JsonObject Node(int depth)
    {
        var isGroup = depth < 3 && _random.Next(100) < Math.Max(10, 70 - depth * 25) && Size > depth * 3;
        if (!isGroup)
        {
            return Leaf();
        }

        var id = NextId("g");
        var children = new JsonArray();
        var count = 1 + _random.Next(Math.Min(4, Size));
        for (var i = 0; i < count; i++)
        {
            children.Add(Node(depth + 1));
        }

        var node = new JsonObject { ["id"] = id, ["title"] = new JsonObject { ["zh"] = "组" + id } };
        if (_random.Next(4) == 0)
        {
            node["aggregation"] = "weighted-mean";
            node["points"] = Points() * 2;
            foreach (var child in children)
            {
                child!["weight"] = _random.Next(1, 4);
            }
        }
        else
        {
            node["points"] = children.Sum(c => (decimal)c!["points"]!);
            if (_random.Next(4) == 0)
            {
                var bonus = Leaf();
                bonus["bonus"] = true;
                children.Add(bonus);
                node["bonusPoints"] = Math.Max(0.5m, (decimal)bonus["points"]! - 1);
            }
        }

        node["children"] = children;
        return node;
    }

    private JsonObject Leaf()
    {
        var id = NextId("l");
        _leafIds.Add(id);
        var points = Points();
        var leaf = new JsonObject
        {
            ["id"] = id,
            ["title"] = new JsonObject { ["zh"] = "观测点" + id },
            ["points"] = points,
            ["provenance"] = _random.Next(2) == 0 ? "published" : "modeled",
        };
        JsonObject rule;
        switch (_random.Next(7))
        {
            case 0:
                {
                    var key = Flag("b");
                    var expected = _random.Next(3) != 0;
                    if (expected)
                    {
                        RewardedFlags.Add(key);
                    }

                    rule = new JsonObject { ["type"] = "boolean", ["evidence"] = key, ["expected"] = expected };
                    break;
                }

            case 1:
                {
                    rule = Measured("threshold");
                    var target = _random.Next(1, 100);
                    rule["atLeast"] = target;
                    if (_random.Next(2) == 0)
                    {
                        rule["partial"] = new JsonObject { ["atLeast"] = target / 2m, ["points"] = Math.Round(points / 2, 1) };
                    }

                    break;
                }

            case 2:
                {
                    rule = Measured("linear");
                    var from = _random.Next(0, 10);
                    rule["from"] = from;
                    rule["target"] = from + _random.Next(1, 100) / 4m;
                    break;
                }

            case 3:
                {
                    rule = Measured("tiers");
                    var bands = new JsonArray();
                    var bound = 100;
                    var bandPoints = points;
                    for (var i = 0; i < 3 && bound > 1; i++)
                    {
                        bands.Add(new JsonObject { ["atLeast"] = bound, ["points"] = bandPoints });
                        bound = _random.Next(0, bound);
                        bandPoints = Math.Round(bandPoints * _random.Next(0, 100) / 100m, 1);
                    }

                    rule["bands"] = bands;
                    break;
                }

            case 4:
                {
                    var key = NextId("e");
                    _evidence.Add(new JsonObject { ["key"] = key, ["type"] = "enum", ["values"] = new JsonArray(EnumValues.Select(v => (JsonNode)v).ToArray()) });
                    rule = new JsonObject
                    {
                        ["type"] = "tiers",
                        ["evidence"] = key,
                        ["bands"] = new JsonArray(
                            new JsonObject { ["equals"] = "full", ["points"] = points },
                            new JsonObject { ["equals"] = "basic", ["points"] = Math.Round(points / 2, 1) }),
                    };
                    break;
                }

            case 5:
                {
                    var items = new JsonArray();
                    var count = 1 + _random.Next(4);
                    var each = Math.Ceiling(points / count * 2) / 2;
                    for (var i = 0; i < count; i++)
                    {
                        var key = _random.Next(3) == 0 ? Document() : Flag("b");
                        RewardedFlags.Add(key);
                        items.Add(new JsonObject { ["evidence"] = key, ["points"] = each });
                    }

                    rule = new JsonObject { ["type"] = "checklist", ["items"] = items };
                    break;
                }

            default:
                {
                    var key = NextId("m");
                    _evidence.Add(new JsonObject { ["key"] = key, ["type"] = "number" });
                    rule = new JsonObject { ["type"] = "manual", ["evidence"] = key };
                    break;
                }
        }

        leaf["rule"] = rule;
        return leaf;
    }

    private string Flag(string prefix)
    {
        var key = NextId(prefix);
        _evidence.Add(new JsonObject { ["key"] = key, ["type"] = "boolean" });
        return key;
    }

    private string Document()
    {
        var key = NextId("d");
        _evidence.Add(new JsonObject { ["key"] = key, ["type"] = "document" });
        return key;
    }

    private JsonObject Measured(string type)
    {
        var key = NextId("n");
        _evidence.Add(new JsonObject { ["key"] = key, ["type"] = "number", ["min"] = 0, ["max"] = 1000 });
        NumericKeys.Add(key);
        IncreasingKeys.Add(key);
        var rule = new JsonObject { ["type"] = type, ["evidence"] = key };
        if (_random.Next(3) == 0)
        {
            var per = NextId("n");
            _evidence.Add(new JsonObject { ["key"] = per, ["type"] = "integer", ["min"] = 0, ["max"] = 1000 });
            NumericKeys.Add(per);
            rule["per"] = per;
            rule["scale"] = 10;
        }

        return rule;
    }

    private Dictionary<string, object?> MakeEvidence(int salt, bool garbage)
    {
        var random = new Random(HashCode.Combine(Seed, salt));
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var declaration in _evidence)
        {
            var key = (string)declaration!["key"]!;
            if (random.Next(8) == 0)
            {
                continue;
            }

            var type = (string)declaration["type"]!;
            values[key] = garbage && random.Next(2) == 0
                ? random.Next(5) switch
                {
                    0 => "NaN",
                    1 => -5m,
                    2 => 1e9m,
                    3 => true,
                    _ => "text",
                }
                : type switch
                {
                    "boolean" or "document" => random.Next(2) == 0,
                    "enum" => EnumValues[random.Next(EnumValues.Length)],
                    "integer" => key == "incidents" ? (random.Next(6) == 0 ? 1m : 0m) : (decimal)random.Next(0, 1001),
                    _ => key.StartsWith('m') ? random.Next(0, 25) / 2m : random.Next(0, 100001) / 100m,
                };
        }

        if (garbage)
        {
            values["unknownKey"] = 3m;
        }

        return values;
    }
}
