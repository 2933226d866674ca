namespace IndicatorEngine.Scripting;

/// <summary>Something wrong with a formula found when its definition loads: a diagnostic code and a message that says where inside the formula.</summary>
internal sealed record FormulaProblem(string Code, string Message);
