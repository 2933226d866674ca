using IndicatorEngine.Cli.CommandLine;

namespace IndicatorEngine.Cli.Commands;

/// <summary>
/// Loads what a user named as a definition, the same way for every command: a file by that name wins;
/// otherwise the id of a system shipped with the tool; otherwise the file's diagnostics, with a suggestion
/// when the name is close to a shipped id, and one plain line when the file is evidence rather than a definition.
/// </summary>
internal static class DefinitionLoader
{
    public static string ShippedList => string.Join(", ", IndicatorSystem.ShippedIds);

    /// <param name="definition">A path or a shipped id, as typed.</param>
    /// <param name="options">Limits and plugins.</param>
    /// <param name="evidenceHint">Added to the "looks like evidence" message (e.g. how the command's operands go).</param>
    /// <returns>The system, or null; and the diagnostics to print, errors and warnings alike.</returns>
    public static (IndicatorSystem? System, IReadOnlyList<Diagnostic> Diagnostics) Load(string definition, LoadOptions options, string evidenceHint = "")
    {
        if (IsShippedId(definition))
        {
            return (IndicatorSystem.LoadShipped(definition, options), []);
        }

        var result = IndicatorSystem.Load(definition, options);
        if (result.Succeeded)
        {
            return (result.Value, result.Diagnostics);
        }

        if (result.Diagnostics is [{ Code: DiagnosticCodes.FileNotFound } missing] && missing.File == definition && !Directory.Exists(definition))
        {
            var nearest = Suggestions.Nearest(definition, IndicatorSystem.ShippedIds);
            if (nearest.Count > 0)
            {
                return (null, [missing with { Message = $"no such file, and no shipped system has this id; did you mean {string.Join(" or ", nearest)}?" }]);
            }

            if (LooksLikeId(definition))
            {
                return (null, [missing with { Message = $"no such file, and no shipped system has this id (they are: {ShippedList})" }]);
            }
        }

        if (result.Diagnostics.Any(d => d.Code == DiagnosticCodes.SchemaViolation)
            && JsonPeek.Read(definition, options.MaxFileBytes) is { LooksLikeEvidence: true })
        {
            return (null, [new Diagnostic(DiagnosticCodes.SchemaViolation, DiagnosticSeverity.Error,
                "this file looks like evidence (it has \"values\" and no \"indicators\"), not an indicator system definition" + evidenceHint, definition)]);
        }

        return (null, result.Diagnostics);
    }

    /// <summary>Lower-case letters, digits and dashes, as the shipped ids are; not a file name with an extension or a folder.</summary>
    private static bool LooksLikeId(string text) =>
        text.Length > 1 && char.IsAsciiLetterLower(text[0]) && text.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    /// <summary>A shipped id that no file (or folder) of the same name hides.</summary>
    public static bool IsShippedId(string definition) =>
        IndicatorSystem.ShippedIds.Contains(definition, StringComparer.Ordinal) && !File.Exists(definition) && !Directory.Exists(definition);
}
