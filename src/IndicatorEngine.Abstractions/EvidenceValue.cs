namespace IndicatorEngine;

/// <summary>What kind of value an evidence slot holds once a subject's evidence has been read.</summary>
internal enum EvidenceKind : byte
{
    Missing,
    Invalid,
    Number,
    Boolean,
    Text,
    List,
    Document,
}

/// <summary>
/// One evidence value checked against its declaration and stored by slot index, so that scoring reads an
/// array, never a dictionary or JSON. The engine and scorer plugins share this one type: an
/// <see cref="EvidenceView"/> wraps the subject's slots directly. Text holds a string, enum or date value, a
/// list's items joined by ", " (the items themselves in <see cref="Items"/>), or a document's name; Count a
/// list's length or the number of documents. Numbers are decimals: scores add up exactly in any order.
/// </summary>
internal readonly record struct EvidenceValue(EvidenceKind Kind, decimal Number = 0m, bool Boolean = false, string? Text = null, int Count = 0, IReadOnlyList<string>? Items = null)
{
    public static readonly EvidenceValue Missing = new(EvidenceKind.Missing);
    public static readonly EvidenceValue Invalid = new(EvidenceKind.Invalid);

    public bool IsUsable => Kind is not (EvidenceKind.Missing or EvidenceKind.Invalid);

    /// <summary>Whether a checklist counts the value as present.</summary>
    public bool IsPresent => Kind switch
    {
        EvidenceKind.Boolean => Boolean,
        EvidenceKind.Number => Number > 0,
        EvidenceKind.Text => Text!.Length > 0,
        EvidenceKind.List or EvidenceKind.Document => Count > 0,
        _ => false,
    };
}
