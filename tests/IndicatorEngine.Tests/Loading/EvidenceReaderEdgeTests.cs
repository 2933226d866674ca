using System.Text;
using IndicatorEngine.Loading;

namespace IndicatorEngine.Tests.Loading;

/// <summary>
/// The evidence reader at its edges: every top-level property named in its own duplicate and wrong-type
/// diagnostics, the bounds of the period, profile ids and numbers exactly at their limits, a self-score of 0,
/// and a wrong value with insides at every place one can stand, stepped over whole so the diagnostic after it
/// is still the one reported.
/// </summary>
public sealed class EvidenceReaderEdgeTests
{
    private static readonly IndicatorSystem Henan = IndicatorSystem.LoadShipped("henan-higher-vocational");

    private const string Schema = DiagnosticCodes.SchemaViolation;

    [Theory]
    [InlineData("system", "\"a\"")]
    [InlineData("name", "\"a\"")]
    [InlineData("profile", "\"a\"")]
    [InlineData("region", "{}")]
    [InlineData("period", "2020")]
    [InlineData("selfScores", "{}")]
    public void EveryTopLevelProperty_GivenTwice_IsNamedInTheDiagnostic(string property, string value)
    {
        var json = $$"""{"id": "s1", "values": {}, "{{property}}": {{value}}, "{{property}}": {{value}}}""";
        var second = json.LastIndexOf($"\"{property}\"", StringComparison.Ordinal) + 1;
        var expected = $"{DiagnosticCodes.MalformedJson}  1:{second} malformed JSON: the property '{property}' appears more than once in the same object; keep one";

        Assert.Equal([expected], Henan.ReadEvidence(Encoding.UTF8.GetBytes(json), "e.json").Diagnostics.Select(Line));
        Assert.Equal([expected], SubjectEvidence.Parse(json, "e.json").Diagnostics.Select(Line));
    }

    [Theory]
    [InlineData("system")]
    [InlineData("name")]
    [InlineData("profile")]
    public void ATextPropertyThatIsNotAString_IsAShapeError_AtItsPointer(string property)
    {
        var json = $$"""{"id": "s1", "values": {}, "{{property}}": 7}""";
        var column = json.IndexOf(": 7", StringComparison.Ordinal) + 3;
        Assert.Equal(
            [$"{Schema} /{property} 1:{column} a string is expected here"],
            Henan.ReadEvidence(Encoding.UTF8.GetBytes(json), "e.json").Diagnostics.Select(Line));
    }

    [Theory]
    [InlineData(1900)]
    [InlineData(2200)]
    [InlineData(2026)]
    public void APeriodWithinItsBounds_IsKept(int year)
    {
        var record = Henan.ReadEvidence(Encoding.UTF8.GetBytes($$"""{"id": "s1", "values": {}, "period": {{year}}}"""), "e.json");
        Assert.Empty(record.Diagnostics);
        Assert.Equal(year, record.Period);
    }

    [Fact]
    public void APeriodBefore1900_IsBelowTheMinimum()
    {
        Assert.Equal(
            [$"{Schema} /period 1:24 the number is below the allowed minimum"],
            Henan.ReadEvidence("""{"id": "s1", "period": 1899, "values": {}}"""u8, "e.json").Diagnostics.Select(Line));
    }

    [Theory]
    [InlineData("a-b")]
    [InlineData("a.b")]
    [InlineData("a_b")]
    [InlineData("0")]
    [InlineData("Zz9")]
    public void AProfileIdOfLettersDigitsDotsUnderscoresAndHyphens_IsAccepted(string profile)
    {
        var parsed = SubjectEvidence.Parse($$"""{"id": "s1", "values": {}, "profile": "{{profile}}"}""", "e.json");
        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Diagnostics));
        Assert.Equal(profile, parsed.Value!.Profile);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-a")]
    [InlineData(".a")]
    [InlineData("a b")]
    [InlineData("a/b")]
    [InlineData("é")]
    public void AProfileIdOfAnythingElse_IsRefused(string profile)
    {
        var parsed = SubjectEvidence.Parse($$"""{"id": "s1", "values": {}, "profile": "{{profile}}"}""", "e.json");
        var d = Assert.Single(parsed.Diagnostics);
        Assert.Equal((Schema, "/profile", "the value does not match the required pattern ^[A-Za-z0-9][A-Za-z0-9._-]*$"), (d.Code, d.Pointer, d.Message));
    }

    [Fact]
    public void ASelfScoreOfZero_IsKept()
    {
        var record = Henan.ReadEvidence("""{"id": "s1", "values": {}, "selfScores": {"infrastructure.network.communication.cernet": 0}}"""u8, "e.json");
        Assert.Empty(record.Diagnostics);
        Assert.Equal(0m, record.SelfScores![Henan.Plan.NodeIndex["infrastructure.network.communication.cernet"]]);
    }

    [Fact]
    public void ASelfScoreGivenTwice_AgainstACatalogue_IsMalformed()
    {
        var json = """{"id": "s1", "values": {}, "selfScores": {"infrastructure.network.communication.cernet": 1, "infrastructure.network.communication.cernet": 2}}""";
        var d = Assert.Single(Henan.ReadEvidence(Encoding.UTF8.GetBytes(json), "e.json").Diagnostics);
        Assert.Equal((DiagnosticCodes.MalformedJson, 1, json.LastIndexOf("\"infrastructure.network.communication.cernet\"", StringComparison.Ordinal) + 1), (d.Code, d.Line, d.Column));
        Assert.Contains("'infrastructure.network.communication.cernet' appears more than once", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("100000000000000000000")]
    [InlineData("-100000000000000000000")]
    [InlineData("9223372036854775808")]
    [InlineData("1e20")]
    [InlineData("-1E20")]
    [InlineData("99999999999999999999.5")]
    public void ANumberUpTo10To20_IsAFigure(string number)
    {
        var parsed = SubjectEvidence.Parse("""{"id": "s1", "values": {"n": """ + number + "}}", "e.json");
        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Diagnostics));
    }

    [Theory]
    [InlineData("100000000000000000001")]
    [InlineData("-100000000000000000001")]
    [InlineData("1.0000001e20")]
    [InlineData("-1.5E20")]
    public void ANumberBeyond10To20_IsNot(string number)
    {
        var d = Assert.Single(SubjectEvidence.Parse("""{"id": "s1", "values": {"n": """ + number + "}}", "e.json").Diagnostics);
        Assert.Equal((DiagnosticCodes.EvidenceOutOfRange, "/values/n"), (d.Code, d.Pointer));
        Assert.Equal($"the number {number} is too large to be a real figure; give a value below 10^20", d.Message);
    }

    [Fact]
    public void AWholeNumberBeyond2To63_IsReadExactly()
    {
        var system = TinySystem.OneLeaf(
            """{ "key": "n", "type": "number", "title": "n" }""",
            """{ "type": "threshold", "evidence": "n", "atLeast": 18446744073709551617 }""");
        var exact = system.ReadEvidence("""{"id": "s1", "values": {"n": 18446744073709551617}}"""u8, "e.json");
        var under = system.ReadEvidence("""{"id": "s1", "values": {"n": 18446744073709551616}}"""u8, "e.json");
        Assert.Equal(18446744073709551617m, exact.Slots[0].Number);
        Assert.Equal(4m, system.Score(exact).Total);
        Assert.Equal(0m, system.Score(under).Total);
    }

    /// <summary>
    /// A wrong value with insides at each place the reader steps over one, followed by a second mistake: both are
    /// reported, and nothing else, so the insides were stepped over rather than read as properties.
    /// </summary>
    public static TheoryData<string, string, string> WrongValuesWithInsides() => new()
    {
        { """{"id": "s1", "values": {}, "name": [{"id": 1}, [2]], "system": 5}""", "/name", "a string is expected here" },
        { """{"id": "s1", "values": {}, "region": [{"city": 1}, [2]], "system": 5}""", "/region", "an object { … } is expected here" },
        { """{"id": "s1", "values": {}, "region": {"town": {"city": [1]}, "county": "c"}, "system": 5}""", "/region/town", "property 'town' is not allowed here; remove it or check its spelling" },
        { """{"id": "s1", "values": {}, "period": [{"period": 1}], "system": 5}""", "/period", "a whole number is expected here" },
        { """{"id": "s1", "values": [{"id": 1}, {"values": {}}], "system": 5}""", "/values", "an object { … } is expected here" },
        { """{"id": "s1", "values": {}, "selfScores": [{"net.ipv6": 1}], "system": 5}""", "/selfScores", "an object { \"<observation point id>\": points, … } is expected here" },
        { """{"id": "s1", "values": {}, "documents": {"documents": [1]}, "system": 5}""", "/documents", "an array [ … ] is expected here" },
        { """{"id": "s1", "values": {}, "documents": [{"name": "a.pdf", "kind": "opsRegulations", "size": {"kind": [1]}}], "system": 5}""", "/documents/0/size", "property 'size' is not allowed here; remove it or check its spelling" },
        { """{"id": "s1", "values": {}, "colour": {"period": [1]}, "system": 5}""", "/colour", "property 'colour' is not allowed here; remove it or check its spelling" },
    };

    [Theory]
    [MemberData(nameof(WrongValuesWithInsides))]
    public void AWrongValueWithInsides_IsSteppedOverWhole(string json, string pointer, string message)
    {
        Assert.Equal(
            [(Schema, pointer, message), (Schema, "/system", "a string is expected here")],
            Henan.ReadEvidence(Encoding.UTF8.GetBytes(json), "e.json").Diagnostics.Select(d => (d.Code, d.Pointer, d.Message)));
        Assert.Equal(
            [(Schema, pointer, message), (Schema, "/system", "a string is expected here")],
            SubjectEvidence.Parse(json, "e.json").Diagnostics.Select(d => (d.Code, d.Pointer, d.Message)));
    }

    [Fact]
    public void SelfScoresWithInsides_ParsedOnTheirOwn_AreSteppedOverWhole()
    {
        var parsed = SubjectEvidence.Parse("""{"id": "s1", "values": {}, "selfScores": {"p": [1, {"q": 2}], "q": {"r": [3]}, "r": 1}, "period": 1800}""", "e.json");
        Assert.Equal([(Schema, "/period", "the number is below the allowed minimum")], parsed.Diagnostics.Select(d => (d.Code, d.Pointer, d.Message)));
    }

    [Fact]
    public void ASelfScoreWithInsides_AgainstACatalogue_IsSteppedOverWhole()
    {
        var record = Henan.ReadEvidence("""{"id": "s1", "values": {}, "selfScores": {"infrastructure.network.communication.cernet": [{"infrastructure.network.communication.cernet": 1}], "infrastructure.network.communication.backbone": 2}}"""u8, "e.json");
        var d = Assert.Single(record.Diagnostics);
        Assert.Equal((DiagnosticCodes.SelfScoreInvalid, "/selfScores/infrastructure.network.communication.cernet"), (d.Code, d.Pointer));
        Assert.Equal(2m, record.SelfScores![Henan.Plan.NodeIndex["infrastructure.network.communication.backbone"]]);
    }

    [Fact]
    public void ADocumentKeyGivenAValueWithInsides_IsSteppedOverWhole()
    {
        var record = Henan.ReadEvidence("""{"id": "s1", "values": {"opsRegulations": [{"itStaffCount": 1}, [2]], "itStaffCount": "many"}}"""u8, "e.json");
        Assert.Equal(
            [
                (DiagnosticCodes.EvidenceWrongType, "/values/opsRegulations"),
                (DiagnosticCodes.EvidenceWrongType, "/values/itStaffCount"),
            ],
            record.Diagnostics.Select(d => (d.Code, d.Pointer)));
    }

    [Fact]
    public void AListItemWithInsides_IsSteppedOverWhole()
    {
        var system = TinySystem.OneLeaf(
            """{ "key": "tags", "type": "list", "title": "tags" }, { "key": "flag", "type": "boolean", "title": "flag" }""",
            """{ "type": "boolean", "evidence": "flag" }""");
        var record = system.ReadEvidence("""{"id": "s1", "values": {"tags": ["a", {"flag": [true]}, ["b"], "c"], "flag": "yes"}}"""u8, "e.json");
        Assert.Equal(
            [
                (DiagnosticCodes.EvidenceWrongType, "/values/tags", "'tags' must be an array of strings, not an array"),
                (DiagnosticCodes.EvidenceWrongType, "/values/flag", "'flag' must be true or false, not the string \"yes\""),
            ],
            record.Diagnostics.Select(d => (d.Code, d.Pointer, d.Message)));
    }

    [Fact]
    public void AListOfExactlyTheMostItems_KeepsEveryItem()
    {
        var system = TinySystem.OneLeaf(
            """{ "key": "tags", "type": "list", "title": "tags" }, { "key": "flag", "type": "boolean", "title": "flag" }""",
            """{ "type": "boolean", "evidence": "flag" }""");
        var items = string.Join(", ", Enumerable.Range(0, EvidenceReader.MaxListItems).Select(i => $"\"t{i}\""));
        var record = system.ReadEvidence(Encoding.UTF8.GetBytes("""{"id": "s1", "values": {"tags": [""" + items + "]}}"), "e.json");
        var tags = record.Slots[0];
        Assert.Equal(EvidenceReader.MaxListItems, tags.Count);
        Assert.Equal(EvidenceReader.MaxListItems, tags.Items!.Count);
        Assert.Equal($"t{EvidenceReader.MaxListItems - 1}", tags.Items[^1]);
    }

    private static string Line(Diagnostic d) => $"{d.Code} {d.Pointer} {d.Line}:{d.Column} {d.Message}";
}
