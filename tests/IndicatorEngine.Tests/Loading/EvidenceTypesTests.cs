using static IndicatorEngine.Tests.TinySystem;

namespace IndicatorEngine.Tests.Loading;

/// <summary>Evidence of each catalogue type checked against its declaration: what is accepted, and the message for what is not.</summary>
public class EvidenceTypesTests
{
    private static readonly IndicatorSystem System = Load(
        """
        { "key": "flag", "type": "boolean", "title": "flag" },
        { "key": "wifi", "type": "boolean", "title": "Wi-Fi" },
        { "key": "n", "type": "number", "title": "n" },
        { "key": "count", "type": "integer", "min": 0, "max": 10, "title": "count" },
        { "key": "low", "type": "number", "max": 10, "title": "low" },
        { "key": "vendor", "type": "string", "title": "vendor" },
        { "key": "backbone", "type": "enum", "values": [ "1G", "10G" ], "title": "backbone" },
        { "key": "since", "type": "date", "title": "since" },
        { "key": "systems", "type": "list", "min": 2, "max": 3, "title": "systems" },
        { "key": "tags", "type": "list", "min": 1, "title": "tags" },
        { "key": "plan", "type": "document", "title": "security plan" }
        """,
        Group("root", 1, Point("leaf", 1, """{ "type": "boolean", "evidence": "flag" }""")),
        1);

    /// <summary>The problems found in a scorecard, missing-evidence warnings aside.</summary>
    private static List<Diagnostic> Problems(Scorecard card) =>
        card.Diagnostics.Where(d => d.Code != DiagnosticCodes.EvidenceMissing).ToList();

    /// <summary>The problems found in <paramref name="values"/> (a JSON object's members, beside <c>"flag": true</c>).</summary>
    private static List<Diagnostic> Problems(string values, params string[] documents) =>
        Problems(System.Score(Subject($$"""{ "flag": true{{(values.Length == 0 ? "" : ", " + values)}} }""", documents)));

    /// <summary>The single error found in the values: its code, pointer and message.</summary>
    private static (string Code, string? Pointer, string Message) Error(string values)
    {
        var d = Assert.Single(Problems(values));
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        return (d.Code, d.Pointer, d.Message);
    }

    private static (string Code, string? Pointer, string Message) Created(string key, object value)
    {
        var d = Assert.Single(Problems(System.Score(SubjectEvidence.Create("s1", new Dictionary<string, object?> { ["flag"] = true, [key] = value }))));
        return (d.Code, d.Pointer, d.Message);
    }

    [Theory]
    [InlineData("\"n\": -1e20, \"low\": 10, \"count\": 0")]
    [InlineData("\"n\": 1e20, \"low\": -5.5, \"count\": 10")]
    [InlineData("\"count\": 2.0, \"vendor\": \"\", \"backbone\": \"10G\", \"since\": \"2024-02-29\"")]
    [InlineData("\"systems\": [ \"OA\", \"LMS\" ], \"tags\": [ \"a\", \"b\", \"c\", \"d\" ]")]
    [InlineData("\"systems\": [ \"OA\", \"LMS\", \"HR\" ], \"vendor\": null")]
    public void Values_ThatFitTheirDeclaration_AreAccepted(string values)
    {
        Assert.Empty(Problems(values));
    }

    [Theory]
    [InlineData("\"wifi\": \"yes\"", "wifi", "'wifi' must be true or false, not the string \"yes\"")]
    [InlineData("\"wifi\": 1", "wifi", "'wifi' must be true or false, not the number 1")]
    [InlineData("\"wifi\": []", "wifi", "'wifi' must be true or false, not an array")]
    [InlineData("\"n\": \"12\"", "n", "'n' must be a number, not the string \"12\"")]
    [InlineData("\"n\": false", "n", "'n' must be a number, not false")]
    [InlineData("\"vendor\": 5.5", "vendor", "'vendor' must be a string, not the number 5.5")]
    [InlineData("\"vendor\": true", "vendor", "'vendor' must be a string, not true")]
    [InlineData("\"backbone\": 10", "backbone", "'backbone' must be a string, not the number 10")]
    [InlineData("\"count\": 2.5", "count", "'count' must be a whole number, not 2.5")]
    [InlineData("\"since\": \"2023-02-29\"", "since", "'since' must be a date written YYYY-MM-DD, not the string \"2023-02-29\"")]
    [InlineData("\"since\": \"2024-2-9\"", "since", "'since' must be a date written YYYY-MM-DD, not the string \"2024-2-9\"")]
    [InlineData("\"since\": 20240229", "since", "'since' must be a date written YYYY-MM-DD, not the number 20240229")]
    [InlineData("\"systems\": [ \"OA\", 1 ]", "systems", "'systems' must be an array of strings, not an array")]
    [InlineData("\"systems\": \"OA\"", "systems", "'systems' must be an array of strings, not the string \"OA\"")]
    [InlineData("\"plan\": true", "plan", "'plan' is a document: list it under \"documents\" with \"kind\": \"plan\" instead of giving a value")]
    [InlineData("\"plan\": [\"a.pdf\"], \"count\": 1", "plan", "'plan' is a document: list it under \"documents\" with \"kind\": \"plan\" instead of giving a value")]
    public void Values_OfTheWrongType_AreIE201_SayingWhatWasGiven(string values, string key, string message)
    {
        Assert.Equal((DiagnosticCodes.EvidenceWrongType, $"/values/{key}", message), Error(values));
    }

    [Fact]
    public void LongString_IsShortenedInTheMessage()
    {
        var text = new string('x', 41);
        Assert.Equal($"'wifi' must be true or false, not the string \"{new string('x', 40)}…\"", Error($"\"wifi\": \"{text}\"").Message);
        Assert.Equal($"'wifi' must be true or false, not the string \"{text[..40]}\"", Error($"\"wifi\": \"{text[..40]}\"").Message);
    }

    [Theory]
    [InlineData("\"count\": 11", "count", "'count' is 11, outside the allowed range [0, 10]")]
    [InlineData("\"count\": -1", "count", "'count' is -1, outside the allowed range [0, 10]")]
    [InlineData("\"low\": 10.5", "low", "'low' is 10.5, outside the allowed range [-∞, 10]")]
    [InlineData("\"backbone\": \"5G\"", "backbone", "'backbone' is \"5G\", not one of: 1G, 10G")]
    [InlineData("\"systems\": [ \"OA\" ]", "systems", "'systems' has 1 items, outside the allowed range [2, 3]")]
    [InlineData("\"systems\": [ \"a\", \"b\", \"c\", \"d\" ]", "systems", "'systems' has 4 items, outside the allowed range [2, 3]")]
    [InlineData("\"tags\": []", "tags", "'tags' has 0 items, outside the allowed range [1, ∞]")]
    public void Values_OutsideTheirRangeOrValues_AreIE203_SayingTheRange(string values, string key, string message)
    {
        Assert.Equal((DiagnosticCodes.EvidenceOutOfRange, $"/values/{key}", message), Error(values));
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("+Infinity")]
    public void NonFiniteString_IsIE202(string text)
    {
        Assert.Equal((DiagnosticCodes.EvidenceNotFinite, "/values/n", $"'n' is {text}; give a finite number"), Error($"\"n\": \"{text}\""));
    }

    [Fact]
    public void NonFiniteDouble_CreatedInCode_IsIE202()
    {
        Assert.Equal((DiagnosticCodes.EvidenceNotFinite, "/values/n", "'n' is NaN; give a finite number"), Created("n", double.NaN));
        Assert.Equal((DiagnosticCodes.EvidenceNotFinite, "/values/n", "'n' is -Infinity; give a finite number"), Created("n", double.NegativeInfinity));
    }

    [Fact]
    public void NumbersBeyond1e20_CreatedInCode_AreIE203_TooLargeToBeReal()
    {
        Assert.Equal((DiagnosticCodes.EvidenceOutOfRange, "/values/n", "'n' is -1E+21, too large to be a real figure"), Created("n", -1e21));
        Assert.Equal((DiagnosticCodes.EvidenceOutOfRange, "/values/n", "'n' is 100000000000000000001, too large to be a real figure"), Created("n", 100000000000000000001m));
        Assert.Empty(Problems(System.Score(SubjectEvidence.Create("s1", new Dictionary<string, object?> { ["flag"] = true, ["n"] = -100000000000000000000m, ["count"] = 10L }))));
    }

    [Theory]
    [InlineData("10000000000000000000", "10,000,000,000,000,000,000")]
    [InlineData("-100000000000000000000", "-100,000,000,000,000,000,000")]
    public void WholeNumberAboveALongButWithin1e20_IsAccepted_AsTheMessageForLargerOnesPromises(string literal, string shown)
    {
        var system = OneLeaf("""{ "key": "n", "type": "number", "max": 10000000000000000000, "title": "n" }""", """{ "type": "manual", "evidence": "n" }""", 1);
        var card = system.Score(Subject($$"""{ "n": {{literal}} }""")).In(Language.English);
        Assert.Empty(card.Diagnostics);
        Assert.Equal($"n entered as {shown}, outside 0 to 1; enter a score in that range", card.Find("leaf")!.Explanation);
        var beyond = Assert.Single(SubjectEvidence.Parse("""{ "id": "s1", "values": { "n": 100000000000000000001 } }""").Diagnostics);
        Assert.Equal(DiagnosticCodes.EvidenceOutOfRange, beyond.Code);
    }

    [Fact]
    public void UnknownKey_IsAWarning_NamingIt_AndItsValueIsNotChecked()
    {
        var d = Assert.Single(Problems("\"flags\": 5"));
        Assert.Equal(
            (DiagnosticCodes.EvidenceUnknownKey, DiagnosticSeverity.Warning, "/values/flags", "'flags' is not in the system's evidence catalogue and is ignored; check the spelling"),
            (d.Code, d.Severity, d.Pointer, d.Message));
    }

    [Theory]
    [InlineData("minutes")]
    [InlineData("flag")]
    public void Document_OfAKindThatIsNoDocumentKey_IsAWarning_AndIgnored(string kind)
    {
        var card = System.Score(Subject("""{ "flag": true }""", kind, kind));
        var d = Assert.Single(Problems(card));
        Assert.Equal(
            (DiagnosticCodes.EvidenceUnknownKey, DiagnosticSeverity.Warning, "s1.json", "/documents", $"document kind '{kind}' is not a document key of the system's evidence catalogue; the document is ignored"),
            (d.Code, d.Severity, d.File, d.Pointer, d.Message));
        Assert.Equal(1m, card.Total);
    }

    [Fact]
    public void Documents_OfTheSameKind_SupplyTheirKeyOnce()
    {
        var card = System.Score(Subject("""{ "flag": true }""", "plan", "plan"));
        Assert.Empty(card.Diagnostics);
        Assert.Empty(card.MissingEvidence);
    }
}
