using System.Globalization;
using System.Text;

namespace IndicatorEngine;

/// <summary>
/// One problem found in a definition or in evidence: a stable code (e.g. <c>IE102</c>), a message that says
/// how to fix it, and where it is (file, JSON Pointer, 1-based line and column when known). Immutable.
/// </summary>
/// <param name="Code">Stable code, documented in <c>indicators/README.md</c>.</param>
/// <param name="Severity">Error, warning or info.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
/// <param name="File">The file (or stream name) the problem is in; null when not from a file.</param>
/// <param name="Pointer">JSON Pointer (RFC 6901) of the offending value, e.g. <c>/indicators/0/points</c>; empty for the whole document.</param>
/// <param name="Line">1-based line, or 0 when unknown.</param>
/// <param name="Column">1-based column, or 0 when unknown.</param>
public sealed record Diagnostic(
    string Code,
    DiagnosticSeverity Severity,
    string Message,
    string? File = null,
    string Pointer = "",
    int Line = 0,
    int Column = 0)
{
    /// <summary>True when <see cref="Severity"/> is <see cref="DiagnosticSeverity.Error"/>.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>Formats the diagnostic as compilers do: <c>FILE:LINE:COL: error CODE: message (at /pointer)</c>.</summary>
    /// <returns>The one-line form.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(File ?? "<input>");
        if (Line > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $":{Line}:{Column}");
        }

        var severity = Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        };
        text.Append(CultureInfo.InvariantCulture, $": {severity} {Code}: {Message}");
        if (Pointer.Length > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" (at {Pointer})");
        }

        return text.ToString();
    }
}
