namespace IndicatorEngine;

/// <summary>What kind of value an <see cref="EvidenceReading"/> holds.</summary>
internal enum ReadingKind : byte
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
/// One evidence value as a scorer sees it, copied by the engine from its own slot array into the
/// <see cref="EvidenceView"/> of one rule. Text holds a string, enum or date value, a list's items joined by ", ",
/// or a document's name; Count a list's length or the number of documents.
/// </summary>
internal readonly record struct EvidenceReading(ReadingKind Kind, decimal Number = 0m, bool Boolean = false, string? Text = null, int Count = 0);
