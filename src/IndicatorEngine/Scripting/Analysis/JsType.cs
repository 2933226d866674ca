
namespace IndicatorEngine.Scripting;

/// <summary>The JavaScript type a formula input has, known when the definition loads.</summary>
internal enum JsType : byte
{
    Number,
    Boolean,
    String,
    List,
}

/// <summary>How evidence of each declared type reaches a formula.</summary>
internal static class JsTypes
{
    /// <summary>The JavaScript type of a declared key's value; null when the key is not declared.</summary>
    public static JsType? Of(EvidenceDeclaration? declaration) => declaration?.Type switch
    {
        null => null,
        EvidenceType.Number or EvidenceType.Integer => JsType.Number,
        EvidenceType.Boolean or EvidenceType.Document => JsType.Boolean,
        EvidenceType.List => JsType.List,
        _ => JsType.String,
    };
}
