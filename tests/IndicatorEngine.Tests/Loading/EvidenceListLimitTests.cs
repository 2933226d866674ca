using IndicatorEngine.Loading;
using static IndicatorEngine.Tests.TinySystem;

namespace IndicatorEngine.Tests.Loading;

/// <summary>A list value holds at most <see cref="EvidenceReader.MaxListItems"/> items; a longer one is IE203 with its count.</summary>
public class EvidenceListLimitTests
{
    private static readonly IndicatorSystem System = Load(
        """
        { "key": "flag", "type": "boolean", "title": "flag" },
        { "key": "tags", "type": "list", "title": "tags" }
        """,
        Group("root", 1, Point("leaf", 1, """{ "type": "boolean", "evidence": "flag" }""")),
        1);

    private static List<Diagnostic> Problems(int items)
    {
        var list = string.Join(", ", Enumerable.Range(0, items).Select(i => $"\"t{i}\""));
        var card = System.Score(Subject($$"""{ "flag": true, "tags": [ {{list}} ] }"""));
        return card.Diagnostics.Where(d => d.Code != DiagnosticCodes.EvidenceMissing).ToList();
    }

    [Fact]
    public void TheLimit_IsTenThousandItems()
    {
        Assert.Equal(10_000, EvidenceReader.MaxListItems);
    }

    [Fact]
    public void AListOfTheMostItems_IsAccepted()
    {
        Assert.Empty(Problems(EvidenceReader.MaxListItems));
    }

    [Theory]
    [InlineData(10_001, "10,001")]
    [InlineData(250_000, "250,000")]
    public void ALongerList_IsAValueError_WithItsItemCount(int items, string shown)
    {
        var d = Assert.Single(Problems(items));
        Assert.Equal(DiagnosticCodes.EvidenceOutOfRange, d.Code);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal("/values/tags", d.Pointer);
        Assert.Contains($"has {shown} items, over the limit of 10,000", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALongerList_IsAValueError_AlsoWhenMadeInCode()
    {
        var values = new Dictionary<string, object?> { ["flag"] = true, ["tags"] = Enumerable.Range(0, 10_001).Select(i => $"t{i}").ToArray() };
        var d = Assert.Single(System.Score(SubjectEvidence.Create("s1", values)).Diagnostics, d => d.Code == DiagnosticCodes.EvidenceOutOfRange);
        Assert.Contains("10,001 items", d.Message, StringComparison.Ordinal);
    }
}
