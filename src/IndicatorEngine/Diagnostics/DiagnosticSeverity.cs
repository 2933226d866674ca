namespace IndicatorEngine;

/// <summary>How serious a <see cref="Diagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Worth knowing; nothing is wrong.</summary>
    Info,

    /// <summary>Probably a mistake, but the input can still be used.</summary>
    Warning,

    /// <summary>The input cannot be used until it is fixed.</summary>
    Error,
}
