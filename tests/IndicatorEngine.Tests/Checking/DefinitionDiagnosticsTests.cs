using System.Text.Json.Nodes;

namespace IndicatorEngine.Tests.Checking;

/// <summary>One test at least per definition diagnostic code: the code, the place and a message that says what to do.</summary>
public class DefinitionDiagnosticsTests
{
    private static LoadResult<IndicatorSystem> Parse(JsonObject json) => IndicatorSystem.Parse(json.ToJsonString(new() { WriteIndented = true }), "test.json");

    private static Diagnostic Single(LoadResult<IndicatorSystem> result, string code)
    {
        Assert.False(result.Succeeded);
        Assert.Null(result.Value);
        var matching = result.Diagnostics.Where(d => d.Code == code).ToList();
        Assert.True(matching.Count >= 1, $"expected {code}, got:\n{string.Join("\n", result.Diagnostics)}");
        return matching[0];
    }

    private static int LineOf(string text, string snippet)
    {
        var at = text.IndexOf(snippet, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{snippet}' not in text");
        return text[..at].Count(c => c == '\n') + 1;
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \r\n\t")]
    [InlineData("// a definition comes later\n/* and later */")]
    public void ADefinitionWithoutAValue_SaysSo_AndWhatToWrite(string text)
    {
        var loaded = IndicatorSystem.Parse(text, "d.json");
        Assert.False(loaded.Succeeded);
        var d = Assert.Single(loaded.Diagnostics);
        Assert.Equal((DiagnosticCodes.MalformedJson, "d.json"), (d.Code, d.File));
        Assert.Equal("malformed JSON: the file holds no JSON value (it is empty, blank or only comments); write the definition as one JSON object", d.Message);
    }

    [Fact]
    public void AnUnclosedComment_IsTheReadersOwnError()
    {
        var d = Assert.Single(IndicatorSystem.Parse("/* never closed", "d.json").Diagnostics);
        Assert.Equal(DiagnosticCodes.MalformedJson, d.Code);
        Assert.DoesNotContain("holds no JSON value", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MiniSystem_IsValid()
    {
        var result = IndicatorSystem.Parse(MiniSystem.Text, "mini.json");
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void MissingFile_IsIE001_NamingTheFile()
    {
        var result = IndicatorSystem.Load("/no/such/dir/system.json");
        var d = Single(result, DiagnosticCodes.FileNotFound);
        Assert.Equal("/no/such/dir/system.json", d.File);
    }

    [Fact]
    public void FileOverTheSizeLimit_IsIE002_AndNotRead()
    {
        using var files = new TempFolder();
        var path = files.Write("big.json", MiniSystem.Text);
        var result = IndicatorSystem.Load(path, new LoadOptions { MaxFileBytes = 100 });
        var d = Single(result, DiagnosticCodes.FileTooLarge);
        Assert.Contains("limit", d.Message);
        Assert.True(IndicatorSystem.Load(path).Succeeded);
    }

    [Fact]
    public void MalformedJson_IsIE003_WithLineAndColumn()
    {
        var text = "{\n  \"id\": \"x\",\n  \"version\": ,\n}";
        var d = Single(IndicatorSystem.Parse(text, "bad.json"), DiagnosticCodes.MalformedJson);
        Assert.Equal(3, d.Line);
        Assert.True(d.Column > 0);
        Assert.StartsWith("bad.json:3:", d.ToString());
    }

    [Fact]
    public void TrailingGarbage_IsIE003()
    {
        Single(IndicatorSystem.Parse(MiniSystem.Text + " {}", "t.json"), DiagnosticCodes.MalformedJson);
    }

    [Fact]
    public void DuplicatePropertyName_IsIE003()
    {
        var text = MiniSystem.Text.Replace("\"version\": \"1\",", "\"version\": \"1\", \"version\": \"2\",", StringComparison.Ordinal);
        Single(IndicatorSystem.Parse(text, "t.json"), DiagnosticCodes.MalformedJson);
    }

    [Fact]
    public void WrongTypeForPoints_IsIE004_AtItsPointerAndLine()
    {
        var json = MiniSystem.Json();
        json["indicators"]![0]!["points"] = "six";
        var text = json.ToJsonString(new() { WriteIndented = true });
        var d = Single(IndicatorSystem.Parse(text, "t.json"), DiagnosticCodes.SchemaViolation);
        Assert.Equal("/indicators/0/points", d.Pointer);
        Assert.Equal(LineOf(text, "\"six\""), d.Line);
        var line = text.Split('\n')[d.Line - 1];
        Assert.Equal(line.IndexOf("\"six\"", StringComparison.Ordinal) + 1, d.Column);
        Assert.Contains("number", d.Message);
    }

    [Fact]
    public void Column_CountsCharactersNotBytes_AfterChineseText()
    {
        var text = MiniSystem.Text.Replace("\"title\": { \"zh\": \"小体系\", \"en\": \"Mini\" },", "\"title\": { \"zh\": \"小体系\", \"en\": 5 },", StringComparison.Ordinal);
        var d = Single(IndicatorSystem.Parse(text, "t.json"), DiagnosticCodes.SchemaViolation);
        Assert.Equal("/title/en", d.Pointer);
        var line = text.Split('\n')[d.Line - 1];
        Assert.Equal(line.IndexOf("5 }", StringComparison.Ordinal) + 1, d.Column);
    }

    [Theory]
    [InlineData("missing id", "/id", null)]
    [InlineData("unknown property", "/colour", "\"red\"")]
    [InlineData("bad id pattern", "/indicators/0/id", "\"has space\"")]
    [InlineData("negative points", "/indicators/0/points", "-1")]
    [InlineData("unknown rule type", "/indicators/0/children/0/rule/type", "\"fancy\"")]
    [InlineData("linear target zero", "/indicators/0/children/0/rule/target", "0")]
    [InlineData("rule without evidence", "/indicators/0/children/1/rule/evidence", null)]
    [InlineData("unknown evidence type", "/evidence/0/type", "\"money\"")]
    [InlineData("bad provenance", "/indicators/0/children/0/provenance", "\"guessed\"")]
    [InlineData("threshold with only type and evidence", "/indicators/1/children/1/rule", "{\"type\":\"threshold\",\"evidence\":\"drills\"}")]
    [InlineData("title without zh", "/title", "{\"en\":\"Mini\"}")]
    [InlineData("empty profiles", "/profiles", "[]")]
    [InlineData("veto without tests", "/vetoes/0/when", "{\"evidence\":\"incidents\"}")]
    [InlineData("precision too large", "/precision", "9")]
    public void SchemaRule_IsEnforced(string name, string pointer, string? replacement)
    {
        var json = MiniSystem.Json();
        Mutate(json, pointer, replacement is null ? null : JsonNode.Parse(replacement));
        var result = Parse(json);
        var d = Single(result, DiagnosticCodes.SchemaViolation);
        Assert.False(string.IsNullOrWhiteSpace(d.Message), name);
        Assert.True(d.Line > 0, $"{name}: no line in {d}");
    }

    [Fact]
    public void NeitherFullSystemNorOverlay_IsIE004()
    {
        var json = MiniSystem.Json();
        json.Remove("indicators");
        Single(Parse(json), DiagnosticCodes.SchemaViolation);
    }

    [Fact]
    public void DuplicateNodeId_IsIE101()
    {
        var json = MiniSystem.Json();
        json["indicators"]![1]!["children"]![0]!["id"] = "net.bandwidth";
        var d = Single(Parse(json), DiagnosticCodes.DuplicateId);
        Assert.Equal("/indicators/1/children/0/id", d.Pointer);
        Assert.Contains("net.bandwidth", d.Message);
    }

    [Fact]
    public void FixedThatIsNotTrueOrFalse_IsIE004_AtItsPointer()
    {
        var json = MiniSystem.Json();
        json["evidence"]![0]!["fixed"] = "yes";
        var d = Single(Parse(json), DiagnosticCodes.SchemaViolation);
        Assert.Equal("/evidence/0/fixed", d.Pointer);
        Assert.Contains("true or false", d.Message);
    }

    [Fact]
    public void Fixed_IsReadIntoTheCatalogue_AndFalseWhenLeftOut()
    {
        var json = MiniSystem.Json();
        json["evidence"]![0]!["fixed"] = true;
        var catalogue = Parse(json).GetValueOrThrow().EvidenceCatalogue;
        Assert.True(catalogue[0].Fixed);
        Assert.All(catalogue.Skip(1), d => Assert.False(d.Fixed));
    }

    [Fact]
    public void DuplicateEvidenceKey_IsIE101()
    {
        var json = MiniSystem.Json();
        json["evidence"]![1]!["key"] = "bandwidthMbps";
        Single(Parse(json), DiagnosticCodes.DuplicateId);
    }

    [Fact]
    public void ChildrenNotAddingUp_IsIE102_OnTheParent()
    {
        var json = MiniSystem.Json();
        json["indicators"]![0]!["children"]![0]!["points"] = 3;
        var d = Single(Parse(json), DiagnosticCodes.PointsMismatch);
        Assert.Equal("/indicators/0/points", d.Pointer);
        Assert.Contains("add up to 5", d.Message);
        Assert.Contains("6", d.Message);
    }

    [Fact]
    public void FirstLevelNotAddingUpToSystem_IsIE102()
    {
        var json = MiniSystem.Json();
        json["points"] = 12;
        var d = Single(Parse(json), DiagnosticCodes.PointsMismatch);
        Assert.Equal("/points", d.Pointer);
    }

    [Theory]
    [InlineData("{\"type\":\"formula\",\"expression\":\"ipv6 ? 2 :\\n  (3 +\"}")]
    public void FormulaWithASyntaxError_IsIE120_NotACrash_WithLineAndColumnInsideIt(string rule)
    {
        var json = MiniSystem.Json();
        json["indicators"]![0]!["children"]![1]!["rule"] = JsonNode.Parse(rule);
        var d = Single(Parse(json), DiagnosticCodes.FormulaError);
        Assert.Equal("/indicators/0/children/1/rule/expression", d.Pointer);
        Assert.True(d.Line > 0);
        Assert.Contains("line 2, column", d.Message);
    }

    [Fact]
    public void UnknownScorerName_IsIE103_AtScorer_NotAFailureAtScoringTime()
    {
        var json = MiniSystem.Json();
        json["indicators"]![0]!["children"]![1]!["rule"] = JsonNode.Parse("{\"type\":\"plugin\",\"scorer\":\"hub\"}");
        var d = Single(Parse(json), DiagnosticCodes.UnknownRuleType);
        Assert.Equal("/indicators/0/children/1/rule/scorer", d.Pointer);
        Assert.Contains("'hub'", d.Message);
    }

    [Fact]
    public void UndeclaredEvidenceKey_IsIE104()
    {
        var json = MiniSystem.Json();
        json["indicators"]![0]!["children"]![1]!["rule"]!["evidence"] = "ipv7";
        var d = Single(Parse(json), DiagnosticCodes.UndeclaredEvidence);
        Assert.Equal("/indicators/0/children/1/rule/evidence", d.Pointer);
        Assert.Contains("ipv7", d.Message);
    }

    [Fact]
    public void UndeclaredVetoEvidence_IsIE104()
    {
        var json = MiniSystem.Json();
        json["vetoes"]![0]!["when"]!["evidence"] = "breaches";
        Single(Parse(json), DiagnosticCodes.UndeclaredEvidence);
    }

    [Fact]
    public void OverlayBaseMissing_IsIE105_AtExtends()
    {
        using var files = new TempFolder();
        var path = files.Write("overlay.json", """{ "id": "o", "version": "1", "title": { "zh": "覆盖" }, "extends": "nowhere.json" }""");
        var d = Single(IndicatorSystem.Load(path), DiagnosticCodes.OverlayMissing);
        Assert.Equal("/extends", d.Pointer);
        Assert.Equal(path, d.File);
    }

    [Fact]
    public void OverlayCycle_IsIE106()
    {
        using var files = new TempFolder();
        files.Write("a.json", """{ "id": "a", "version": "1", "title": { "zh": "甲" }, "extends": "b.json" }""");
        var b = files.Write("b.json", """{ "id": "b", "version": "1", "title": { "zh": "乙" }, "extends": "a.json" }""");
        var d = Single(IndicatorSystem.Load(b), DiagnosticCodes.OverlayCycle);
        Assert.Contains("a.json", d.Message);
    }

    [Fact]
    public void OverlayExtendingItself_IsIE106()
    {
        using var files = new TempFolder();
        var a = files.Write("a.json", """{ "id": "a", "version": "1", "title": { "zh": "甲" }, "extends": "a.json" }""");
        Single(IndicatorSystem.Load(a), DiagnosticCodes.OverlayCycle);
    }

    [Fact]
    public void UnknownDefaultProfile_IsIE107()
    {
        var json = MiniSystem.Json();
        json["defaultProfile"] = "university";
        var d = Single(Parse(json), DiagnosticCodes.UnknownProfile);
        Assert.Equal("/defaultProfile", d.Pointer);
    }

    [Fact]
    public void ThresholdAboveMaximum_IsIE108()
    {
        var json = MiniSystem.Json();
        json["profiles"]![0]!["passThreshold"] = 11;
        var d = Single(Parse(json), DiagnosticCodes.ThresholdAboveMaximum);
        Assert.Equal("/profiles/0/passThreshold", d.Pointer);
    }

    [Fact]
    public void GradeAboveMaximum_IsIE108()
    {
        var json = MiniSystem.Json();
        json["grades"]![0]!["minScore"] = 20;
        Single(Parse(json), DiagnosticCodes.ThresholdAboveMaximum);
    }

    [Fact]
    public void UnknownNotApplicableId_IsIE109()
    {
        var json = MiniSystem.Json();
        json["profiles"]![1]!["notApplicable"]![0] = "net.ipv8";
        var d = Single(Parse(json), DiagnosticCodes.UnknownNode);
        Assert.Equal("/profiles/1/notApplicable/0", d.Pointer);
    }

    [Fact]
    public void LinearRuleOnBooleanEvidence_IsIE110()
    {
        var json = MiniSystem.Json();
        json["indicators"]![0]!["children"]![0]!["rule"] = JsonNode.Parse("""{ "type": "linear", "evidence": "ipv6", "target": 1 }""");
        var d = Single(Parse(json), DiagnosticCodes.InvalidRule);
        Assert.Contains("ipv6", d.Message);
    }

    [Fact]
    public void TierPointsAboveLeafPoints_IsIE110()
    {
        var json = MiniSystem.Json();
        json["indicators"]![1]!["children"]![1]!["rule"]!["bands"]![0]!["points"] = 5;
        Single(Parse(json), DiagnosticCodes.InvalidRule);
    }

    [Fact]
    public void ThresholdWithBothDirections_IsIE110()
    {
        var json = MiniSystem.Json();
        json["indicators"]![1]!["children"]![1]!["rule"] = JsonNode.Parse("""{ "type": "threshold", "evidence": "drills", "atLeast": 2, "atMost": 5 }""");
        Single(Parse(json), DiagnosticCodes.InvalidRule);
    }

    [Fact]
    public void NodeWithNeitherChildrenNorRule_IsIE111()
    {
        var json = MiniSystem.Json();
        json["indicators"]![0]!["children"]![1]!.AsObject().Remove("rule");
        var d = Single(Parse(json), DiagnosticCodes.NodeShape);
        Assert.Equal("/indicators/0/children/1", d.Pointer);
    }

    [Fact]
    public void GradesInAscendingOrder_IsIE112()
    {
        var json = MiniSystem.Json();
        json["grades"] = JsonNode.Parse("""[{ "id": "fail", "title": { "zh": "不达标" }, "minScore": 0 }, { "id": "pass", "title": { "zh": "达标" }, "minScore": 6 }]""");
        Single(Parse(json), DiagnosticCodes.GradesOrder);
    }

    [Fact]
    public void EveryProblemIsReported_NotJustTheFirst()
    {
        var json = MiniSystem.Json();
        json["indicators"]![0]!["children"]![1]!["rule"]!["evidence"] = "ipv7";
        json["profiles"]![0]!["passThreshold"] = 11;
        var result = Parse(json);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.UndeclaredEvidence);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.ThresholdAboveMaximum);
    }

    [Fact]
    public void GetValueOrThrow_ThrowsWithTheErrors()
    {
        var json = MiniSystem.Json();
        json["points"] = 12;
        var e = Assert.Throws<IndicatorLoadException>(() => Parse(json).GetValueOrThrow());
        Assert.Contains("IE102", e.Message);
    }

    private static void Mutate(JsonObject root, string pointer, JsonNode? value)
    {
        var parts = pointer.Split('/').Skip(1).ToArray();
        JsonNode node = root;
        foreach (var part in parts[..^1])
        {
            node = node is JsonArray array ? array[int.Parse(part, System.Globalization.CultureInfo.InvariantCulture)]! : node[part]!;
        }

        var last = parts[^1];
        if (value is null)
        {
            node.AsObject().Remove(last);
        }
        else if (node is JsonArray list)
        {
            list[int.Parse(last, System.Globalization.CultureInfo.InvariantCulture)] = value;
        }
        else
        {
            node[last] = value;
        }
    }
}
