
namespace IndicatorEngine.Rules;

/// <summary>One evidence value set to a new value: a step a rule proposes, or a change of an improvement plan.</summary>
internal readonly record struct EvidenceEdit(int Slot, EvidenceValue Value);

/// <summary>Why a rule proposes no evidence change for a point with headroom.</summary>
internal enum StepsKind : byte
{
    /// <summary>The proposals are worked out from the rule (possibly none: no evidence raises the score).</summary>
    Computed,

    /// <summary>A manual rule: the score is an expert's.</summary>
    NeedsExpert,

    /// <summary>A plugin, or a formula with no input in which it is monotone.</summary>
    NotComputable,

    /// <summary>Another value the rule reads must be supplied (or corrected) first: <see cref="RuleSteps.Needs"/>.</summary>
    NeedsFirst,
}

/// <summary>
/// What a rule proposes for a point with headroom (<see cref="RuleScorer.Steps"/>): evidence edits, each on one key,
/// that raise the point's score, ordered from the smallest step up; the caller re-scores each one with the real
/// engine and keeps only those that do raise it.
/// </summary>
internal sealed record RuleSteps(StepsKind Kind, IReadOnlyList<EvidenceEdit> Edits, int Needs = -1)
{
    /// <summary>The slot of a fixed key (<see cref="EvidenceDeclaration.Fixed"/>) the point would rise with, which the rule does not propose changing; -1 when none.</summary>
    public int Fixed { get; init; } = -1;

    public static readonly RuleSteps Expert = new(StepsKind.NeedsExpert, []);

    public static readonly RuleSteps Unknown = new(StepsKind.NotComputable, []);

    public static RuleSteps Of(params EvidenceEdit[] edits) => new(StepsKind.Computed, edits);

    public static RuleSteps First(int slot) => new(StepsKind.NeedsFirst, [], slot);

    /// <summary>
    /// A number for a key, rounded in the direction that keeps the goal met (<paramref name="up"/>: up for at least,
    /// down for at most) to a whole number for an integer key and 4 places otherwise, within the declared range.
    /// </summary>
    public static EvidenceValue Number(EvidenceDeclaration declaration, decimal value, bool up)
    {
        var places = declaration.Type == EvidenceType.Integer ? 0 : 4;
        var factor = places == 0 ? 1m : 10_000m;
        var scaled = value * factor;
        var rounded = (up ? decimal.Ceiling(scaled) : decimal.Floor(scaled)) / factor;
        rounded = Math.Max(rounded, declaration.Min ?? decimal.MinValue);
        rounded = Math.Min(rounded, declaration.Max ?? decimal.MaxValue);
        return new EvidenceValue(EvidenceKind.Number, Number: rounded);
    }

    /// <summary>A value a checklist counts as present for this key (true, a positive number, a text, one item, a document); null when the key's type or range allows none.</summary>
    public static EvidenceValue? Present(EvidenceDeclaration declaration)
    {
        switch (declaration.Type)
        {
            case EvidenceType.Boolean:
                return new EvidenceValue(EvidenceKind.Boolean, Boolean: true);
            case EvidenceType.Number or EvidenceType.Integer:
                var least = declaration.Min is { } min && min > 0m ? min : 1m;
                return declaration.Max is { } max && max < least ? (max > 0m ? new EvidenceValue(EvidenceKind.Number, Number: max) : null) : new EvidenceValue(EvidenceKind.Number, Number: least);
            case EvidenceType.Enum when declaration.Values.Count > 0:
                return new EvidenceValue(EvidenceKind.Text, Text: declaration.Values[0]);
            case EvidenceType.List:
                string[] items = [declaration.Key + "-1"];
                return new EvidenceValue(EvidenceKind.List, Text: items[0], Count: 1, Items: items);
            case EvidenceType.Document:
                return Document(declaration);
            default:
                return null;
        }
    }

    /// <summary>A document of this key supplied, named after the key's title.</summary>
    public static EvidenceValue Document(EvidenceDeclaration declaration) => new(EvidenceKind.Document, Text: $"{declaration.Title}.pdf", Count: 1);

    /// <summary>A yes/no key set, or a document key supplied (true) or withdrawn (false).</summary>
    public static EvidenceValue Flag(EvidenceDeclaration declaration, bool value) =>
        declaration.Type == EvidenceType.Document
            ? (value ? Document(declaration) : EvidenceValue.Missing)
            : new EvidenceValue(EvidenceKind.Boolean, Boolean: value);
}
