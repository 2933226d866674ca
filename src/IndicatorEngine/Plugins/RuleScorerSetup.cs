using System.Text.Json;

namespace IndicatorEngine;

/// <summary>What a scorer knows of an evidence key while it compiles: the type declared (as in the schema), title and unit.</summary>
/// <summary>
/// The engine's <see cref="ScorerSetup"/> for one plugin rule: resolves the keys the scorer reads against the
/// catalogue, and turns the scorer's problems into diagnostics at <c>…/rule/options{pointer}</c>.
/// </summary>
internal sealed class RuleScorerSetup(
    string scorer,
    string indicatorId,
    decimal points,
    string? label,
    JsonElement? options,
    EvidenceCatalogue catalogue,
    Action<string, DiagnosticSeverity, string, string> report) : ScorerSetup
{
    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    private readonly List<EvidenceSlot> _slots = [];
    private bool _hasErrors;

    public override string IndicatorId => indicatorId;

    public override decimal MaxPoints => points;

    public override string? Label => label;

    public override JsonElement Options { get; } = options ?? EmptyObject;

    public override bool HasErrors => _hasErrors;

    /// <summary>The keys read, in slot order.</summary>
    /// <summary>The slots the scorer declared, in the subject's slot array.</summary>
    public int[] Slots => _slots.Select(s => s.Index).ToArray();

    public override EvidenceSlot Read(string key, string pointer, ExpectedEvidence expected = ExpectedEvidence.Any)
    {
        if (string.IsNullOrEmpty(key))
        {
            Error(pointer, "an evidence key is empty; name a key of the evidence catalogue");
            return new EvidenceSlot(-1, "", "", null);
        }

        if (_slots.Find(s => s.Key == key) is { } known)
        {
            return known;
        }

        if (!catalogue.TryFind(key, out var declared, out var index))
        {
            _hasErrors = true;
            report(DiagnosticCodes.UndeclaredEvidence, DiagnosticSeverity.Error,
                $"evidence key '{key}' is not declared; add it to the 'evidence' catalogue or fix the spelling", At(pointer));
            return new EvidenceSlot(-1, key, key, null);
        }

        if (!Fits(expected, declared.Type))
        {
            Error(pointer, $"it reads '{key}' as {Describe(expected)}, but '{key}' is declared as {EvidenceCatalogue.NameOf(declared.Type)}");
        }

        var slot = new EvidenceSlot(index, key, declared.Title, declared.Unit?.Zh);
        _slots.Add(slot);
        return slot;
    }

    public override void Error(string pointer, string message)
    {
        _hasErrors = true;
        report(DiagnosticCodes.InvalidRule, DiagnosticSeverity.Error, $"scorer '{scorer}': {message}", At(pointer));
    }

    public override void Warning(string pointer, string message) =>
        report(DiagnosticCodes.InvalidRule, DiagnosticSeverity.Warning, $"scorer '{scorer}': {message}", At(pointer));

    private static string At(string? pointer) => string.IsNullOrEmpty(pointer) ? "/options" : pointer[0] == '/' ? "/options" + pointer : "/options/" + pointer;

    private static bool Fits(ExpectedEvidence expected, EvidenceType type) => expected switch
    {
        ExpectedEvidence.Number => EvidenceCatalogue.IsNumeric(type),
        ExpectedEvidence.Boolean => type == EvidenceType.Boolean,
        ExpectedEvidence.Text => type is EvidenceType.String or EvidenceType.Enum or EvidenceType.Date,
        ExpectedEvidence.Date => type == EvidenceType.Date,
        ExpectedEvidence.List => type == EvidenceType.List,
        ExpectedEvidence.Document => type == EvidenceType.Document,
        _ => true,
    };

    private static string Describe(ExpectedEvidence expected) => expected switch
    {
        ExpectedEvidence.Number => "a number",
        ExpectedEvidence.Boolean => "a boolean",
        ExpectedEvidence.Text => "text (string, enum or date)",
        ExpectedEvidence.Date => "a date",
        ExpectedEvidence.List => "a list",
        _ => "a document",
    };
}
