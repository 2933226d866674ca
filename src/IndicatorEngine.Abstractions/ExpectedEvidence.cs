namespace IndicatorEngine;

/// <summary>
/// The kind of value a scorer wants from an evidence key it reads (see <see cref="ScorerSetup.Read"/>). Checked
/// against the evidence catalogue when the definition loads, so that a scorer never meets a value of a kind it
/// did not ask for.
/// </summary>
public enum ExpectedEvidence
{
    /// <summary>Any declared type.</summary>
    Any,

    /// <summary>A <c>number</c> or <c>integer</c>: read it with <see cref="EvidenceView.TryGetNumber"/>.</summary>
    Number,

    /// <summary>A <c>boolean</c>: read it with <see cref="EvidenceView.TryGetBoolean"/>.</summary>
    Boolean,

    /// <summary>A <c>string</c>, <c>enum</c> or <c>date</c>: read it with <see cref="EvidenceView.TryGetText"/>.</summary>
    Text,

    /// <summary>A <c>date</c>: read it with <see cref="EvidenceView.TryGetDate"/>.</summary>
    Date,

    /// <summary>A <c>list</c> of strings: <see cref="EvidenceView.CountOf"/> gives its length, <see cref="EvidenceView.TryGetText"/> its items joined by ", ".</summary>
    List,

    /// <summary>A <c>document</c>: <see cref="EvidenceView.CountOf"/> gives how many were supplied, <see cref="EvidenceView.TryGetText"/> the first one's name.</summary>
    Document,
}
