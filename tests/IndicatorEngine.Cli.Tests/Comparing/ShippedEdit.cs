using System.Text.Json.Nodes;

namespace IndicatorEngine.Cli.Tests.Comparing;

/// <summary>A copy of the shipped Henan higher-vocational definition, edited in code and written to a temporary folder.</summary>
internal static class ShippedEdit
{
    /// <summary>The definition as a JSON tree, to edit.</summary>
    public static JsonObject Henan() => JsonNode.Parse(File.ReadAllText(RepoPaths.HenanHigher))!.AsObject();

    /// <summary>The node with this id anywhere in the tree.</summary>
    public static JsonObject Node(JsonObject definition, string id) =>
        Nodes(definition["indicators"]!.AsArray()).Single(n => (string)n["id"]! == id);

    /// <summary>The node's parent's list of children.</summary>
    public static JsonArray ChildrenHolding(JsonObject definition, string id) =>
        Nodes(definition["indicators"]!.AsArray()).Select(n => n["children"]?.AsArray()).Single(c => c is not null && c.Any(n => (string)n!["id"]! == id))!;

    /// <summary>Writes the definition to <paramref name="folder"/> as <paramref name="name"/> and returns its path.</summary>
    public static string Write(TempFolder folder, string name, JsonObject definition) =>
        folder.Write(name, definition.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));

    /// <summary>
    /// The edit a reviewer should see in words: CERNET's threshold raised from 100 to 200 Mbps, the cloud point
    /// renamed, and the IPv6 point (2 points) moved from network communication (21 → 19) up to network facilities.
    /// </summary>
    public static JsonObject ThresholdRetitleMove()
    {
        var definition = Henan();
        Node(definition, "infrastructure.network.communication.cernet")["rule"]!["atLeast"] = 200;
        Node(definition, "infrastructure.cloud.cloud-deployment")["title"]!["zh"] = "应用上云比例";
        var communication = Node(definition, "infrastructure.network.communication");
        var ipv6 = Node(definition, "infrastructure.network.communication.ipv6");
        communication["children"]!.AsArray().Remove(ipv6);
        communication["points"] = 19;
        Node(definition, "infrastructure.network")["children"]!.AsArray().Add(ipv6);
        return definition;
    }

    private static IEnumerable<JsonObject> Nodes(JsonArray nodes)
    {
        foreach (var node in nodes.Select(n => n!.AsObject()))
        {
            yield return node;
            if (node["children"] is JsonArray children)
            {
                foreach (var child in Nodes(children))
                {
                    yield return child;
                }
            }
        }
    }
}
