using System.Globalization;

namespace IndicatorEngine.Tests;

/// <summary>
/// Systems small enough to write inline, for tests that pin one rule, aggregation or veto at a time: a
/// catalogue and a first-level indicator "root", scored from evidence written as JSON.
/// </summary>
internal static class TinySystem
{
    /// <summary>A system whose only first-level indicator is <paramref name="root"/> (a node's JSON, id "root").</summary>
    /// <remarks>Besides the profile "all", the profile "reduced" leaves out the nodes <paramref name="notApplicable"/> names.</remarks>
    public static IndicatorSystem Load(string evidence, string root, decimal points, string extra = "", params string[] notApplicable)
    {
        var reduced = string.Join(", ", notApplicable.Select(id => $"\"{id}\""));
        var json = $$"""
            {
              "id": "tiny", "version": "1", "title": { "zh": "小" }, "points": {{N(points)}},
              "evidence": [ {{evidence}} ],
              "profiles": [
                { "id": "all", "title": { "zh": "全部" }, "passThreshold": 0 },
                { "id": "reduced", "title": { "zh": "部分" }, "passThreshold": 0, "notApplicable": [ {{reduced}} ] }
              ]{{extra}},
              "indicators": [ {{root}} ]
            }
            """;
        var loaded = IndicatorSystem.Parse(json, "tiny.json");
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        return loaded.Value!;
    }

    /// <summary>The JSON Pointer of the rule of <see cref="OneLeaf"/>'s observation point, the prefix of its binding diagnostics.</summary>
    public const string LeafRule = "/indicators/0/children/0/rule";

    /// <summary>
    /// The diagnostics of a one-leaf system (as <see cref="OneLeaf"/>) whose rule must not bind, each as its code,
    /// message and JSON Pointer, in the order they were reported.
    /// </summary>
    public static (string Code, string Message, string Pointer)[] RuleErrors(string evidence, string rule, decimal points = 4)
    {
        var json = $$"""
            {
              "id": "tiny", "version": "1", "title": { "zh": "小" }, "points": {{N(points)}},
              "evidence": [ {{evidence}} ],
              "profiles": [ { "id": "all", "title": { "zh": "全部" }, "passThreshold": 0 } ],
              "indicators": [ {{Group("root", points, Point("leaf", points, rule))}} ]
            }
            """;
        var loaded = IndicatorSystem.Parse(json, "tiny.json");
        Assert.False(loaded.Succeeded);
        return [.. loaded.Diagnostics.Select(d => (d.Code, d.Message, d.Pointer))];
    }

    /// <summary>The Chinese explanation of the observation point "leaf" (the card's default language).</summary>
    public static string ExplainInChinese(IndicatorSystem system, string values, params string[] documents) =>
        system.Score(Subject(values, documents)).In(Language.Chinese).Find("leaf")!.Explanation;

    /// <summary>A system of one observation point "leaf" of <paramref name="points"/> under "root", with the given rule.</summary>
    public static IndicatorSystem OneLeaf(string evidence, string rule, decimal points = 4) =>
        Load(evidence, Group("root", points, Point("leaf", points, rule)), points);

    /// <summary>A group node's JSON; <paramref name="more"/> adds properties (aggregation, bonusPoints…).</summary>
    public static string Group(string id, decimal points, string children, string more = "") =>
        $$"""{ "id": "{{id}}", "title": { "zh": "{{id}}" }, "points": {{N(points)}}{{more}}, "children": [ {{children}} ] }""";

    /// <summary>An observation point's JSON; <paramref name="more"/> adds properties (weight, bonus…).</summary>
    public static string Point(string id, decimal points, string rule, string more = "") =>
        $$"""{ "id": "{{id}}", "title": { "zh": "{{id}}" }, "points": {{N(points)}}, "provenance": "modeled"{{more}}, "rule": {{rule}} }""";

    /// <summary>Evidence from a JSON object of values and the kinds of the documents supplied.</summary>
    public static SubjectEvidence Subject(string values, params string[] documents)
    {
        var listed = string.Join(", ", documents.Select(kind => $$"""{ "name": "{{kind}}.pdf", "kind": "{{kind}}" }"""));
        var parsed = SubjectEvidence.Parse($$"""{ "id": "s1", "values": {{values}}, "documents": [ {{listed}} ] }""", "s1.json");
        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Diagnostics));
        return parsed.Value!;
    }

    /// <summary>Scores the evidence under the profile "all"; the card in English, the language these tests pin the explanations in.</summary>
    public static Scorecard Score(IndicatorSystem system, string values, params string[] documents) =>
        system.Score(Subject(values, documents)).In(Language.English);

    /// <summary>Scores the evidence and returns the observation point "leaf".</summary>
    public static IndicatorScore ScoreLeaf(IndicatorSystem system, string values, params string[] documents) =>
        Score(system, values, documents).Find("leaf")!;

    /// <summary>The score, status and explanation of the observation point "leaf", to compare in one assertion.</summary>
    public static (decimal Score, ScoreStatus Status, string Explanation) Outcome(IndicatorSystem system, string values, params string[] documents)
    {
        var leaf = ScoreLeaf(system, values, documents);
        return (leaf.Score, leaf.Status, leaf.Explanation);
    }

    private static string N(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
