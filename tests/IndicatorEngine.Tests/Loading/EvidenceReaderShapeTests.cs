using System.Text;

namespace IndicatorEngine.Tests.Loading;

/// <summary>
/// The exact diagnostics the evidence reader gives for each wrong shape, both against a system's catalogue
/// (<see cref="IndicatorSystem.ReadEvidence(ReadOnlySpan{byte}, string)"/>) and on its own
/// (<see cref="SubjectEvidence.Parse(string, string)"/>): the code, the pointer, the place and the message, and
/// that a wrong value is stepped over whole, so what follows it is still read.
/// </summary>
public sealed class EvidenceReaderShapeTests
{
    private static readonly IndicatorSystem Henan = IndicatorSystem.LoadShipped("henan-higher-vocational");

    private const string Schema = DiagnosticCodes.SchemaViolation;

    public static TheoryData<string, string[]> Shapes() => new()
    {
        { """{"id": ["x", "y"], "values": {}}""", [$"{Schema} /id 1:8 a string is expected here"] },
        { """{"id": "s1", "values": {}, "$schema": 1}""", [$"{Schema} /$schema 1:39 a string is expected here"] },
        { """{"id": "s1", "values": {}, "region": [1, 2]}""", [$"{Schema} /region 1:38 an object {{ … }} is expected here"] },
        { """{"id": "s1", "region": "x", "values": {}}""", [$"{Schema} /region 1:24 an object {{ … }} is expected here"] },
        { """{"id": "s1", "region": {"town": {"a": 1}, "city": "c"}, "values": {}}""", [$"{Schema} /region/town 1:25 property 'town' is not allowed here; remove it or check its spelling"] },
        { """{"id": "s1", "period": 2201, "values": {}}""", [$"{Schema} /period 1:24 the number is above the allowed maximum"] },
        { """{"id": "s1", "period": [1990], "values": {}}""", [$"{Schema} /period 1:24 a whole number is expected here"] },
        { """{"id": "s1", "values": [1, 2]}""", [$"{Schema} /values 1:24 an object {{ … }} is expected here"] },
        { """{"id": "s1", "documents": {"a": 1}, "values": {}}""", [$"{Schema} /documents 1:27 an array [ … ] is expected here"] },
        { """{"id": "s1", "documents": [[1], {"name": "a.pdf", "kind": "opsRegulations"}], "values": {}}""", [$"{Schema} /documents/0 1:28 an object {{ … }} is expected here"] },
        { """{"id": "s1", "documents": [{"name": "a.pdf", "kind": "opsRegulations", "size": [1]}], "values": {}}""", [$"{Schema} /documents/0/size 1:72 property 'size' is not allowed here; remove it or check its spelling"] },
        { """{"id": "s1", "documents": [{"kind": "opsRegulations"}], "values": {}}""", [$"{Schema} /documents/0 1:28 required property 'name' is missing; add it"] },
        { """{"id": "s1", "documents": [{"name": "", "kind": "opsRegulations"}], "values": {}}""", [$"{Schema} /documents/0/name 1:37 the string must not be empty"] },
        { """{"id": "s1", "documents": [{"name": "a.pdf", "kind": ""}], "values": {}}""", [$"{Schema} /documents/0/kind 1:54 the string must not be empty"] },
        { """{"id": "s1", "documents": [{"name": "a.pdf"}], "values": {}}""", [$"{Schema} /documents/0 1:28 required property 'kind' is missing; add it"] },
        { """{"id": "s1", "documents": [{}], "values": {}}""", [$"{Schema} /documents/0 1:28 required property 'name' is missing; add it", $"{Schema} /documents/0 1:28 required property 'kind' is missing; add it"] },
        { """{"id": "s1", "documents": [{"name": "a.pdf", "kind": "opsRegulations", "sha256": "g000000000000000000000000000000000000000000000000000000000000000"}], "values": {}}""", [$"{Schema} /documents/0/sha256 1:82 the value does not match the required pattern ^[0-9a-fA-F]{{64}}$"] },
        { """{"id": "s1", "profile": "a b", "values": {}}""", [$"{Schema} /profile 1:25 the value does not match the required pattern ^[A-Za-z0-9][A-Za-z0-9._-]*$"] },
        { """{"id": "s1", "colour": {"id": 1}, "values": {}}""", [$"{Schema} /colour 1:14 property 'colour' is not allowed here; remove it or check its spelling"] },
        { "{\"id\": \"" + new string('x', 129) + "\", \"values\": {}}", [$"{Schema} /id 1:8 the string is too long"] },
        { """{"id": "a", "id": "b", "id": "c", "values": {}}""", [Twice("id", 13), Twice("id", 24)] },
        { """{"id": "s1", "values": {}, "values": {}}""", [Twice("values", 28)] },
        { """{"id": "s1", "values": {}, "documents": [], "documents": []}""", [Twice("documents", 45)] },
        { """{"$schema": "a", "$schema": "b", "id": "s1", "values": {}}""", [Twice("$schema", 18)] },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void AWrongShape_GivesExactlyItsDiagnostics_OnBothPaths(string json, string[] expected)
    {
        var record = Henan.ReadEvidence(Encoding.UTF8.GetBytes(json), "e.json");
        Assert.False(record.CanScore);
        Assert.Equal(expected, record.Diagnostics.Select(Line));
        var parsed = SubjectEvidence.Parse(json, "e.json");
        Assert.False(parsed.Succeeded);
        Assert.Equal(expected, parsed.Diagnostics.Select(Line));
    }

    [Fact]
    public void AnIdOf128Characters_IsAllowed()
    {
        var id = new string('x', 128);
        var record = Henan.ReadEvidence(Encoding.UTF8.GetBytes("{\"id\": \"" + id + "\", \"values\": {}}"));
        Assert.True(record.CanScore);
        Assert.Empty(record.Diagnostics);
        Assert.Equal(id, record.Id);
    }

    public static TheoryData<string, string> WrongValues() => new()
    {
        { """{"campusHeadcount": {"nope": 1}, """, $"{Schema} /values/campusHeadcount 1:44 an object cannot be an evidence value; give a number, true or false, a string, an array of strings or null" },
        { """{"campusHeadcount": [1, {"a": 2}], """, $"{DiagnosticCodes.EvidenceWrongType} /values/campusHeadcount 1:44 'campusHeadcount' must be a number, not an array" },
        { """{"nope": [{"a": 1}, 2, 3], """, $"{DiagnosticCodes.EvidenceUnknownKey} /values/nope 1:33 'nope' is not in the system's evidence catalogue and is ignored; check the spelling" },
    };

    [Theory]
    [MemberData(nameof(WrongValues))]
    public void AWrongValue_IsSteppedOverWhole_AndTheNextValueIsRead(string values, string first)
    {
        var json = """{"id": "s1", "values": """ + values + """ "exitBandwidthGbps": "ten"}}""";
        var record = Henan.ReadEvidence(Encoding.UTF8.GetBytes(json), "e.json");
        var next = json.IndexOf("\"ten\"", StringComparison.Ordinal) + 1;
        Assert.Equal(
            [first, $"{DiagnosticCodes.EvidenceWrongType} /values/exitBandwidthGbps 1:{next} 'exitBandwidthGbps' must be a number, not the string \"ten\""],
            record.Diagnostics.Select(Line));
    }

    [Fact]
    public void AKeyLongerThanTheBuffer_IsReadWhole()
    {
        var key = new string('k', 300);
        var record = Henan.ReadEvidence(Encoding.UTF8.GetBytes("{\"id\": \"s1\", \"values\": {\"" + key + "\": 1}}"), "e.json");
        var d = Assert.Single(record.Diagnostics);
        Assert.Equal((DiagnosticCodes.EvidenceUnknownKey, "/values/" + key), (d.Code, d.Pointer));
        Assert.Equal($"'{key}' is not in the system's evidence catalogue and is ignored; check the spelling", d.Message);
    }

    [Fact]
    public void ANumberTooLargeForADecimal_FailsItsValue()
    {
        var record = Henan.ReadEvidence("""{"id": "s1", "values": {"exitBandwidthGbps": 1e300}}"""u8, "e.json");
        Assert.True(record.CanScore);
        Assert.Equal([$"{DiagnosticCodes.EvidenceOutOfRange} /values/exitBandwidthGbps 1:46 'exitBandwidthGbps' is 1e300, too large to be a real figure"], record.Diagnostics.Select(Line));
    }

    [Fact]
    public void ANumberTooLarge_RefusesADocumentParsedOnItsOwn_AndTheKeyIsNotKept()
    {
        var parsed = SubjectEvidence.Parse("""{"id": "s1", "values": {"a": 1e300, "a": 2}}""", "e.json");
        Assert.False(parsed.Succeeded);
        Assert.Equal([$"{DiagnosticCodes.EvidenceOutOfRange} /values/a 1:30 the number 1e300 is too large to be a real figure; give a value below 10^20"], parsed.Diagnostics.Select(Line));
    }

    [Fact]
    public void AKeyTwice_InADocumentParsedOnItsOwn_IsMalformed()
    {
        var parsed = SubjectEvidence.Parse("""{"id": "s1", "values": {"a": 1, "b": [1], "a": 2}}""", "e.json");
        Assert.False(parsed.Succeeded);
        Assert.Equal([Twice("a", 43)], parsed.Diagnostics.Select(Line));
    }

    [Fact]
    public void ADocumentParsedOnItsOwn_KeepsItsKeysAndDocuments_InOrder()
    {
        var sha = new string('a', 64);
        var parsed = SubjectEvidence.Parse($$"""{"id": "s1", "values": {"b": [1, 2], "a": null, "c": "x"}, "documents": [{"sha256": "{{sha}}", "kind": "k", "name": "n.pdf"}, {"name": "m.pdf", "kind": "j"}]}""");
        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Diagnostics));
        var evidence = parsed.GetValueOrThrow();
        Assert.Equal(["b", "a", "c"], evidence.Keys);
        Assert.Equal([("n.pdf", "k", sha), ("m.pdf", "j", null)], evidence.Documents.Select(d => (d.Name, d.Kind, d.Sha256)));
    }

    [Theory]
    [InlineData("""{"p": {"a": 1}}""", "an object")]
    [InlineData("""{"p": null}""", "null")]
    [InlineData("""{"p": [1]}""", "an array")]
    public void ASelfScoreThatIsNotANumber_SaysWhatItIs(string scores, string what)
    {
        var record = Henan.ReadEvidence(Encoding.UTF8.GetBytes("""{"id": "s1", "values": {}, "selfScores": """ + scores + "}"), "e.json");
        var d = Assert.Single(record.Diagnostics);
        Assert.Equal((DiagnosticCodes.SelfScoreInvalid, "/selfScores/p"), (d.Code, d.Pointer));
        Assert.Equal($"the self-score of 'p' must be a number of points, not {what}; write it as a number, e.g. 8.5", d.Message);
    }

    [Theory]
    [InlineData("", 1, 1)]
    [InlineData("   \n  ", 2, 3)]
    [InlineData("// nothing\n", 2, 1)]
    [InlineData("/* nothing */", 1, 14)]
    public void AnInputWithoutAValue_IsMalformed_WhereItEnds(string json, int line, int column)
    {
        var record = Henan.ReadEvidence(Encoding.UTF8.GetBytes(json), "e.json");
        Assert.False(record.CanScore);
        var d = Assert.Single(record.Diagnostics);
        Assert.Equal((DiagnosticCodes.MalformedJson, "e.json", line, column), (d.Code, d.File, d.Line, d.Column));
        Assert.Equal("malformed JSON: the file holds no JSON value (it is empty, blank or only comments); write the evidence as one object: { \"id\": \"…\", \"values\": { … } }", d.Message);
    }

    private static string Twice(string property, int column) =>
        $"{DiagnosticCodes.MalformedJson}  1:{column} malformed JSON: the property '{property}' appears more than once in the same object; keep one";

    private static string Line(Diagnostic d) => $"{d.Code} {d.Pointer} {d.Line}:{d.Column} {d.Message}";
}
