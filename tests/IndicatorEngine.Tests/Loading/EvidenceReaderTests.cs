using System.Text;

namespace IndicatorEngine.Tests.Loading;

/// <summary>Reading evidence straight into a system's slots (the batch path) and scoring the record.</summary>
public sealed class EvidenceReaderTests
{
    private static readonly IndicatorSystem Henan = IndicatorSystem.LoadShipped("henan-higher-vocational");

    public static TheoryData<string, string> Samples()
    {
        var data = new TheoryData<string, string>();
        foreach (var system in IndicatorSystem.ShippedIds)
        {
            foreach (var sample in new[] { "passing", "failing", "vetoed", "missing-evidence" })
            {
                data.Add(system, sample);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void ARecordReadFromBytes_ScoresExactlyAsTheLoadedEvidence(string systemId, string sample)
    {
        var system = IndicatorSystem.LoadShipped(systemId);
        var path = RepoPaths.Sample(systemId, sample);
        var record = system.ReadEvidence(File.ReadAllBytes(path), path);
        Assert.True(record.CanScore);
        var fast = system.Score(record);
        var loaded = system.Score(SubjectEvidence.Load(path).GetValueOrThrow());
        Assert.Equal(Lines(loaded), Lines(fast));
        Assert.Equal(loaded.Diagnostics.Select(d => d.ToString()), fast.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(loaded.MissingEvidence.Select(m => $"{m.Key}:{string.Join(",", m.NeededBy)}"), fast.MissingEvidence.Select(m => $"{m.Key}:{string.Join(",", m.NeededBy)}"));
        Assert.Equal((loaded.Total, loaded.TotalUpperBound, loaded.Verdict, loaded.Grade, loaded.Vetoes.Count), (fast.Total, fast.TotalUpperBound, fast.Verdict, fast.Grade, fast.Vetoes.Count));
        Assert.Equal(record.Id, fast.Subject.Id);
    }

    [Fact]
    public void AByteOrderMark_IsSkipped()
    {
        var bytes = File.ReadAllBytes(RepoPaths.Sample("henan-higher-vocational", "passing"));
        var record = Henan.ReadEvidence([0xEF, 0xBB, 0xBF, .. bytes]);
        Assert.True(record.CanScore);
        Assert.Empty(record.Diagnostics);
    }

    [Theory]
    [InlineData("{ // the school\n \"id\": \"s1\", \"values\": { \"campusHeadcount\": 1 /* all */ } }")]
    [InlineData("/* a */ { \"id\": \"s1\", \"values\": { \"campusHeadcount\": 1 } } // end")]
    public void Comments_AreSkipped(string json)
    {
        var record = Henan.ReadEvidence(Encoding.UTF8.GetBytes(json));
        Assert.True(record.CanScore, string.Join("\n", record.Diagnostics));
        Assert.Empty(record.Diagnostics);
        Assert.True(SubjectEvidence.Parse(json).Succeeded);
    }

    [Fact]
    public void ASlashThatIsNotAComment_IsMalformed()
    {
        var record = Henan.ReadEvidence("{ \"id\": \"s1\", \"values\": { \"campusHeadcount\": 1 } } /"u8);
        Assert.False(record.CanScore);
        Assert.Equal(DiagnosticCodes.MalformedJson, Assert.Single(record.Diagnostics).Code);
    }

    [Fact]
    public void AValueOfTheWrongType_FailsThatValueOnly_WithItsLineAndColumn()
    {
        var json = """
            {
              "id": "s1",
              "values": {
                "campusHeadcount": 16850,
                "exitBandwidthGbps": "ten"
              }
            }
            """;
        var record = Henan.ReadEvidence(Encoding.UTF8.GetBytes(json), "s1.json");
        Assert.True(record.CanScore);
        var d = Assert.Single(record.Diagnostics);
        Assert.Equal((DiagnosticCodes.EvidenceWrongType, "/values/exitBandwidthGbps", 5, 26, "s1.json"), (d.Code, d.Pointer, d.Line, d.Column, d.File));
        Assert.Equal("'exitBandwidthGbps' must be a number, not the string \"ten\"", d.Message);
        Assert.Equal(ScoreStatus.Error, Henan.Score(record).ObservationPoints().Single(p => p.Explanation.Contains("exitBandwidthGbps", StringComparison.Ordinal)).Status);
    }

    [Fact]
    public void AKeyGivenTwice_IsMalformed_AndTheRecordCannotBeScored()
    {
        var record = Henan.ReadEvidence("""{ "id": "s1", "values": { "campusHeadcount": 1, "campusHeadcount": 2 } }"""u8, "s1.json");
        Assert.False(record.CanScore);
        var d = Assert.Single(record.Diagnostics);
        Assert.Equal((DiagnosticCodes.MalformedJson, 1, 49), (d.Code, d.Line, d.Column));
        var e = Assert.Throws<ScoringException>(() => Henan.Score(record));
        Assert.Equal(DiagnosticCodes.MalformedJson, e.Diagnostic.Code);
    }

    [Fact]
    public void AnObjectAsAValue_IsASchemaViolation()
    {
        var record = Henan.ReadEvidence("""{ "id": "s1", "values": { "campusHeadcount": { "n": 1 } } }"""u8);
        Assert.False(record.CanScore);
        Assert.Equal((DiagnosticCodes.SchemaViolation, "/values/campusHeadcount"), (record.Diagnostics[0].Code, record.Diagnostics[0].Pointer));
    }

    [Theory]
    [InlineData("""{ "values": {} }""", "required property 'id' is missing; add it", "")]
    [InlineData("""{ "id": "s1" }""", "required property 'values' is missing; add it", "")]
    [InlineData("""{ "id": "", "values": {} }""", "the string must not be empty", "/id")]
    [InlineData("""{ "id": "s1", "values": {}, "colour": "red" }""", "property 'colour' is not allowed here; remove it or check its spelling", "/colour")]
    [InlineData("""{ "id": "s1", "values": {}, "period": 1800 }""", "the number is below the allowed minimum", "/period")]
    [InlineData("""{ "id": "s1", "values": {}, "period": 2025.5 }""", "a whole number is expected here", "/period")]
    [InlineData("""{ "id": "s1", "values": {}, "profile": "-x" }""", "the value does not match the required pattern ^[A-Za-z0-9][A-Za-z0-9._-]*$", "/profile")]
    [InlineData("""{ "id": "s1", "values": {}, "region": { "town": "x" } }""", "property 'town' is not allowed here; remove it or check its spelling", "/region/town")]
    [InlineData("""{ "id": "s1", "values": {}, "documents": [ { "name": "a.pdf" } ] }""", "required property 'kind' is missing; add it", "/documents/0")]
    [InlineData("""{ "id": "s1", "values": {}, "documents": [ { "name": "a.pdf", "kind": "x", "sha256": "zz" } ] }""", "the value does not match the required pattern ^[0-9a-fA-F]{64}$", "/documents/0/sha256")]
    [InlineData("""[1]""", "an object { … } is expected here", "")]
    public void TheShapeOfTheDocument_IsCheckedAsTheSchemaSays(string json, string message, string pointer)
    {
        var record = Henan.ReadEvidence(Encoding.UTF8.GetBytes(json));
        Assert.False(record.CanScore);
        Assert.Contains(record.Diagnostics, d => d.Code == DiagnosticCodes.SchemaViolation && d.Message == message && d.Pointer == pointer);
        Assert.False(SubjectEvidence.Parse(json).Succeeded);
    }

    [Fact]
    public void UnknownDocumentKinds_AreWarnedOnceAKind_AfterTheValues()
    {
        var record = Henan.ReadEvidence("""
            { "id": "s1",
              "documents": [ { "name": "a.pdf", "kind": "memo" }, { "name": "b.pdf", "kind": "memo" }, { "name": "c.pdf", "kind": "poster" } ],
              "values": { "campusHeadcount": -1 } }
            """u8);
        Assert.Equal(
            [(DiagnosticCodes.EvidenceOutOfRange, "/values/campusHeadcount"), (DiagnosticCodes.EvidenceUnknownKey, "/documents"), (DiagnosticCodes.EvidenceUnknownKey, "/documents")],
            record.Diagnostics.Select(d => (d.Code, d.Pointer)));
        Assert.Contains("'memo'", record.Diagnostics[1].Message, StringComparison.Ordinal);
        Assert.Contains("'poster'", record.Diagnostics[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARecordOfAnotherSystem_IsRefused()
    {
        var national = IndicatorSystem.LoadShipped("national-benchmark-monitoring");
        var record = national.ReadEvidence("""{ "id": "s1", "values": {} }"""u8);
        var e = Assert.Throws<ArgumentException>(() => Henan.Score(record));
        Assert.Contains("national-benchmark-monitoring", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedJson_GivesItsLine_AndNoRecord()
    {
        var record = Henan.ReadEvidence("{\n  \"id\": \"s1\",\n  \"values\": { \"a\": , }\n}"u8, "bad.json");
        Assert.False(record.CanScore);
        var d = Assert.Single(record.Diagnostics);
        Assert.Equal((DiagnosticCodes.MalformedJson, 3, 20), (d.Code, d.Line, d.Column));
    }

    private static IEnumerable<string> Lines(Scorecard card) =>
        card.Indicators.SelectMany(i => i.DescendantsAndSelf()).Select(s => $"{s.Id} {s.Score}/{s.Max} {s.Status}: {s.Explanation}");
}
