using System.Text.Json.Nodes;

namespace IndicatorEngine.Tests.Loading;

/// <summary>
/// Nodes, vetoes and rules are validated one at a time (SchemaPieces): their errors keep their full pointer and
/// line, the nulls left in their place are never reported, and a large tree validates in linear time.
/// </summary>
public class SchemaPiecesTests
{
    private static List<Diagnostic> SchemaErrors(JsonObject json)
    {
        var text = json.ToJsonString(new() { WriteIndented = true });
        var result = IndicatorSystem.Parse(text, "t.json");
        Assert.False(result.Succeeded);
        var errors = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.SchemaViolation).ToList();
        Assert.All(errors, d => Assert.True(d.Line > 0, d.ToString()));
        return errors;
    }

    [Fact]
    public void AChildThatIsNotAnObject_IsReportedAtItsPlace_AsBefore()
    {
        // NJsonSchema also lists the required properties a non-object lacks; so it did on the whole document.
        var json = MiniSystem.Json();
        json["indicators"]![1]!["children"]![1] = 5;
        var errors = SchemaErrors(json);
        Assert.Equal("/indicators/1/children/1", errors[0].Pointer);
        Assert.Contains("an object", errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(["/id", "/title", "/points"], errors.Skip(1).Select(d => d.Pointer![errors[0].Pointer!.Length..]));
    }

    [Fact]
    public void ErrorsInsideADeepRule_KeepTheirFullPointer()
    {
        var json = MiniSystem.Json();
        json["indicators"]![0]!["children"]![1]!["rule"]!["expected"] = "yes";
        json["indicators"]![1]!["children"]![1]!["rule"]!["bands"]![0]!["points"] = -1;
        var pointers = SchemaErrors(json).Select(d => d.Pointer).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["/indicators/0/children/1/rule/expected", "/indicators/1/children/1/rule/bands/0/points"], pointers);
    }

    [Fact]
    public void ARuleOfAnUnknownType_IsCheckedAgainstEveryKind_AsBefore()
    {
        var json = MiniSystem.Json();
        json["indicators"]![0]!["children"]![1]!["rule"]!["type"] = "fancy";
        Assert.Contains(SchemaErrors(json), d => d.Pointer == "/indicators/0/children/1/rule/type");
    }

    [Fact]
    public void AVetoAndAnUnknownNodeProperty_AreReportedBesideEachOther()
    {
        var json = MiniSystem.Json();
        json["vetoes"]![0]!["when"] = new JsonObject { ["evidence"] = "incidents" };
        json["indicators"]![1]!["children"]![0]!["colour"] = "red";
        json["colour"] = "red";
        var pointers = SchemaErrors(json).Select(d => d.Pointer).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("/vetoes/0/when", pointers);
        Assert.Contains("/indicators/1/children/0/colour", pointers);
        Assert.Contains("/colour", pointers);
    }

    [Fact]
    public void ALargeFlatTree_Validates_WithEveryErrorFound()
    {
        // 20,000 points under one parent, two of them broken: took minutes when paths cost the index of each value.
        var json = MiniSystem.Json();
        var children = new JsonArray();
        for (var i = 0; i < 20_000; i++)
        {
            children.Add(new JsonObject
            {
                ["id"] = $"p{i}", ["title"] = new JsonObject { ["zh"] = "p" }, ["points"] = 0,
                ["rule"] = new JsonObject { ["type"] = "boolean", ["evidence"] = i == 15_000 ? null : "ipv6" },
            });
        }

        children[19_999]!["points"] = "none";
        json["indicators"]![0]!["children"] = children;
        var pointers = SchemaErrors(json).Select(d => d.Pointer).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["/indicators/0/children/15000/rule/evidence", "/indicators/0/children/19999/points"], pointers);
    }
}
