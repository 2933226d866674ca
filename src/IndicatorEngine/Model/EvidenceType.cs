namespace IndicatorEngine;

/// <summary>The type of an evidence value, as declared in a system's evidence catalogue.</summary>
public enum EvidenceType
{
    /// <summary>Any finite number.</summary>
    Number,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>Free text.</summary>
    String,

    /// <summary>One of a declared list of strings.</summary>
    Enum,

    /// <summary>A calendar date written <c>YYYY-MM-DD</c>.</summary>
    Date,

    /// <summary>An array of strings.</summary>
    List,

    /// <summary>A document listed in the evidence's <c>documents</c> with this key as its kind.</summary>
    Document,
}
