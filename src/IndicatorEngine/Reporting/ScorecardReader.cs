using System.Text.Json;

namespace IndicatorEngine;

/// <summary>Reads back a scorecard written by <see cref="ScorecardJson"/>, after checking it against the result schema.</summary>
internal static class ScorecardReader
{
    public static LoadResult<Scorecard> Parse(string json, string name)
    {
        var diagnostics = new List<Diagnostic>();
        // A scorecard is as deep as the system it scores, which a host may have loaded with the deepest limit.
        var source = JsonSource.Parse(json, name, diagnostics, maxDepth: LoadOptions.MaxDepthLimit);
        if (source is null || !SchemaValidator.Result.Validate(source, diagnostics))
        {
            return new LoadResult<Scorecard>(null, diagnostics);
        }

        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = LoadOptions.MaxDepthLimit + 1 });
        var root = document.RootElement;
        var system = root.GetProperty("system");
        var card = new Scorecard(
            // A result written before results named their language has English explanations.
            OptionalString(root, "language") == "zh" ? Language.Chinese : Language.English,
            system.GetProperty("id").GetString()!,
            system.GetProperty("version").GetString()!,
            Text(system.GetProperty("title")),
            root.GetProperty("max").GetDecimal(),
            Subject(root.GetProperty("subject")),
            root.GetProperty("total").GetDecimal(),
            root.GetProperty("passThreshold").GetDecimal(),
            ReportText.ParseVerdict(root.GetProperty("verdict").GetString()) ?? IndicatorEngine.Verdict.Undetermined,
            root.GetProperty("totalUpperBound").GetDecimal(),
            GradeOf(root.GetProperty("grade")),
            GradeOf(root.GetProperty("gradeUpperBound")),
            Vetoes(root.GetProperty("vetoes")),
            Vetoes(root.GetProperty("undecidedVetoes")),
            root.GetProperty("indicators").EnumerateArray().Select(Indicator).ToList(),
            root.GetProperty("missingEvidence").EnumerateArray()
                .Select(m => new MissingEvidence(m.GetProperty("key").GetString()!, m.GetProperty("title").GetString()!, m.GetProperty("neededBy").EnumerateArray().Select(i => i.GetString()!).ToList()))
                .ToList(),
            root.GetProperty("diagnostics").EnumerateArray().Select(Diagnostic).ToList())
        {
            PassThresholdProvenance = ProvenanceText.Parse(OptionalString(root, "passThresholdProvenance")),
        };
        return new LoadResult<Scorecard>(card, diagnostics);
    }

    private static Grade? GradeOf(JsonElement g) => g.ValueKind == JsonValueKind.Object
        ? new Grade(g.GetProperty("id").GetString()!, Text(g.GetProperty("title")), g.GetProperty("minScore").GetDecimal())
        {
            Provenance = ProvenanceText.Parse(OptionalString(g, "provenance")),
        }
        : null;

    private static List<VetoHit> Vetoes(JsonElement vetoes) => vetoes.EnumerateArray()
        .Select(v => new VetoHit(v.GetProperty("id").GetString()!, v.GetProperty("title").GetString()!, v.GetProperty("reason").GetString()!))
        .ToList();

    private static string? OptionalString(JsonElement parent, string property) =>
        parent.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static LocalizedText Text(JsonElement element) => new(element.GetProperty("zh").GetString()!, OptionalString(element, "en"));

    private static ScoredSubject Subject(JsonElement s) => new(
        s.GetProperty("id").GetString()!,
        OptionalString(s, "name"),
        s.GetProperty("profile").GetString()!,
        s.TryGetProperty("region", out var r) && r.ValueKind == JsonValueKind.Object
            ? new Region(OptionalString(r, "province"), OptionalString(r, "city"), OptionalString(r, "county"))
            : null,
        s.TryGetProperty("period", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt32() : null);

    private static IndicatorScore Indicator(JsonElement i) => new(
        i.GetProperty("id").GetString()!,
        Text(i.GetProperty("title")),
        i.GetProperty("score").GetDecimal(),
        i.GetProperty("max").GetDecimal(),
        i.GetProperty("status").GetString() switch
        {
            "partial" => ScoreStatus.Partial,
            "missing-evidence" => ScoreStatus.MissingEvidence,
            "not-applicable" => ScoreStatus.NotApplicable,
            "error" => ScoreStatus.Error,
            _ => ScoreStatus.Scored,
        },
        i.GetProperty("explanation").GetString()!,
        i.GetProperty("children").EnumerateArray().Select(Indicator).ToList())
    {
        Provenance = ProvenanceText.Parse(OptionalString(i, "provenance")),
        Source = OptionalString(i, "source"),
        SelfScore = i.TryGetProperty("selfScore", out var self) && self.ValueKind == JsonValueKind.Number ? self.GetDecimal() : null,
    };

    private static Diagnostic Diagnostic(JsonElement d) => new(
        d.GetProperty("code").GetString()!,
        d.GetProperty("severity").GetString() switch
        {
            "error" => DiagnosticSeverity.Error,
            "warning" => DiagnosticSeverity.Warning,
            _ => DiagnosticSeverity.Info,
        },
        d.GetProperty("message").GetString()!,
        OptionalString(d, "file"),
        OptionalString(d, "pointer") ?? "",
        d.TryGetProperty("line", out var line) && line.ValueKind == JsonValueKind.Number ? line.GetInt32() : 0,
        d.TryGetProperty("column", out var column) && column.ValueKind == JsonValueKind.Number ? column.GetInt32() : 0);
}
