namespace IndicatorEngine.Scripting;

/// <summary>The JavaScript type a formula input has, known when the definition loads.</summary>
internal enum JsType : byte
{
    Number,
    Boolean,
    String,
    List,
}
