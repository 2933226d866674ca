using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace IndicatorEngine;

/// <summary>
/// The evidence one rule may read while it is scored: exactly the keys its scorer declared with
/// <see cref="ScorerSetup.Read"/>, addressed by the <see cref="EvidenceSlot"/>s that call returned. Every
/// accessor is an array access; nothing is looked up by key, parsed from JSON or allocated.
/// </summary>
/// <remarks>
/// A value is either missing (the subject did not supply it), invalid (supplied but rejected against the
/// catalogue; a diagnostic for the subject says why) or usable. The <c>TryGet</c> accessors return false unless
/// the value is usable and of the kind asked for; <see cref="Unusable"/> then gives the outcome the built-in
/// rules give in that case. The view lives on the stack for one call of <see cref="IScorer.Score"/>: it cannot
/// be stored, and a slot from another rule's setup must not be used with it.
/// </remarks>
public readonly ref struct EvidenceView
{
    private readonly ReadOnlySpan<EvidenceValue> _values;

    /// <summary>Wraps the subject's evidence slots themselves: nothing is copied per rule.</summary>
    internal EvidenceView(ReadOnlySpan<EvidenceValue> values) => _values = values;

    /// <summary>Whether the subject supplied a usable value for the key.</summary>
    /// <param name="slot">A slot of this rule.</param>
    /// <returns>False when the value is missing or invalid.</returns>
    public bool IsSupplied(EvidenceSlot slot) => At(slot).Kind is not (EvidenceKind.Missing or EvidenceKind.Invalid);

    /// <summary>Whether the subject left the key out.</summary>
    /// <param name="slot">A slot of this rule.</param>
    /// <returns>True when no value was supplied.</returns>
    public bool IsMissing(EvidenceSlot slot) => At(slot).Kind == EvidenceKind.Missing;

    /// <summary>Whether the subject supplied a value the catalogue rejected (wrong type, out of range…).</summary>
    /// <param name="slot">A slot of this rule.</param>
    /// <returns>True when the value is invalid.</returns>
    public bool IsInvalid(EvidenceSlot slot) => At(slot).Kind == EvidenceKind.Invalid;

    /// <summary>
    /// Whether the value counts as present the way a checklist counts it: true, a positive number, a non-empty
    /// string or list, or at least one document.
    /// </summary>
    /// <param name="slot">A slot of this rule.</param>
    /// <returns>False as well when the value is missing or invalid.</returns>
    public bool IsPresent(EvidenceSlot slot) => At(slot).IsPresent;

    /// <summary>Reads a <c>number</c> or <c>integer</c> value.</summary>
    /// <param name="slot">A slot of this rule.</param>
    /// <param name="value">The number; 0 when the method returns false.</param>
    /// <returns>True when a usable number was supplied.</returns>
    public bool TryGetNumber(EvidenceSlot slot, out decimal value)
    {
        var reading = At(slot);
        value = reading.Number;
        return reading.Kind == EvidenceKind.Number;
    }

    /// <summary>Reads a <c>boolean</c> value.</summary>
    /// <param name="slot">A slot of this rule.</param>
    /// <param name="value">The value; false when the method returns false.</param>
    /// <returns>True when a usable boolean was supplied.</returns>
    public bool TryGetBoolean(EvidenceSlot slot, out bool value)
    {
        var reading = At(slot);
        value = reading.Boolean;
        return reading.Kind == EvidenceKind.Boolean;
    }

    /// <summary>
    /// Reads a <c>string</c>, <c>enum</c> or <c>date</c> value (a date as <c>YYYY-MM-DD</c>), a list's items
    /// joined by ", ", or the name of the first document supplied.
    /// </summary>
    /// <param name="slot">A slot of this rule.</param>
    /// <param name="value">The text; null when the method returns false.</param>
    /// <returns>True when a usable value with text was supplied.</returns>
    public bool TryGetText(EvidenceSlot slot, [NotNullWhen(true)] out string? value)
    {
        var reading = At(slot);
        value = reading.Kind is EvidenceKind.Text or EvidenceKind.List or EvidenceKind.Document ? reading.Text : null;
        return value is not null;
    }

    /// <summary>Reads a <c>date</c> value.</summary>
    /// <param name="slot">A slot of this rule.</param>
    /// <param name="value">The date; default when the method returns false.</param>
    /// <returns>True when a usable date was supplied.</returns>
    public bool TryGetDate(EvidenceSlot slot, out DateOnly value)
    {
        var reading = At(slot);
        value = default;
        return reading.Kind == EvidenceKind.Text
            && DateOnly.TryParseExact(reading.Text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    /// <summary>The length of a <c>list</c>, or how many documents of a <c>document</c> key were supplied.</summary>
    /// <param name="slot">A slot of this rule.</param>
    /// <returns>0 for other kinds and for missing or invalid values.</returns>
    public int CountOf(EvidenceSlot slot)
    {
        var reading = At(slot);
        return reading.Kind is EvidenceKind.List or EvidenceKind.Document ? reading.Count : 0;
    }

    /// <summary>
    /// The outcome built-in rules give when a value they need cannot be used: <see cref="ScoreStatus.MissingEvidence"/>
    /// when it was not supplied, <see cref="ScoreStatus.Error"/> when it is invalid or not of the kind the scorer reads.
    /// </summary>
    /// <param name="slot">A slot of this rule.</param>
    /// <returns>A 0-point outcome whose explanation names the evidence.</returns>
    public ScoreOutcome Unusable(EvidenceSlot slot) => At(slot).Kind switch
    {
        EvidenceKind.Missing => ScoreOutcome.Missing(new Explanation("{0} ({1}) not supplied", slot.Title, slot.Key)),
        EvidenceKind.Invalid => ScoreOutcome.Failed(new Explanation("{0} ({1}) is invalid; see the diagnostics", slot.Title, slot.Key)),
        _ => ScoreOutcome.Failed(new Explanation("{0} ({1}) is not of the kind the scorer reads", slot.Title, slot.Key)),
    };

    private EvidenceValue At(EvidenceSlot slot)
    {
        ArgumentNullException.ThrowIfNull(slot);
        return _values[slot.Index];
    }
}
