using System.Globalization;
using IndicatorEngine.Definitions;
using IndicatorEngine.Diagnostics;
using Newtonsoft.Json.Linq;

namespace IndicatorEngine.Evidence;

/// <summary>
/// Checks a subject's evidence against a system's catalogue and lays it out in slots (one per declared key,
/// in catalogue order). Each bad value becomes a diagnostic and an <see cref="EvidenceKind.Invalid"/> slot:
/// the leaves that read it fail, the rest are scored.
/// </summary>
internal sealed class EvidenceBinder
{
    private readonly IReadOnlyList<EvidenceDeclaration> _catalogue;
    private readonly Dictionary<string, int> _slots;

    public EvidenceBinder(IReadOnlyList<EvidenceDeclaration> catalogue)
    {
        _catalogue = catalogue;
        _slots = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < catalogue.Count; i++)
        {
            _slots[catalogue[i].Key] = i;
        }
    }

    public int SlotOf(string key) => _slots[key];

    public EvidenceValue[] Bind(SubjectEvidence evidence, List<Diagnostic> diagnostics)
    {
        var slots = new EvidenceValue[_catalogue.Count];
        foreach (var (key, token) in evidence.RawValues)
        {
            if (!_slots.TryGetValue(key, out var slot))
            {
                diagnostics.Add(evidence.At(key, DiagnosticCodes.EvidenceUnknownKey, DiagnosticSeverity.Warning,
                    $"'{key}' is not in the system's evidence catalogue and is ignored; check the spelling"));
                continue;
            }

            if (token.Type == JTokenType.Null)
            {
                continue;
            }

            var declaration = _catalogue[slot];
            var (value, problem) = Convert(declaration, token);
            if (problem is (var code, var message))
            {
                diagnostics.Add(evidence.At(key, code, DiagnosticSeverity.Error, message));
                slots[slot] = EvidenceValue.Invalid;
            }
            else
            {
                slots[slot] = value;
            }
        }

        foreach (var group in evidence.Documents.GroupBy(d => d.Kind, StringComparer.Ordinal))
        {
            if (_slots.TryGetValue(group.Key, out var slot) && _catalogue[slot].Type == EvidenceType.Document)
            {
                // Stryker disable once Linq : a group made by GroupBy is never empty, so First and FirstOrDefault are the same
                slots[slot] = new EvidenceValue(EvidenceKind.Document, Count: group.Count(), Text: group.First().Name);
            }
            else
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.EvidenceUnknownKey, DiagnosticSeverity.Warning,
                    $"document kind '{group.Key}' is not a document key of the system's evidence catalogue; the document is ignored",
                    evidence.SourceName, "/documents"));
            }
        }

        return slots;
    }

    /// <summary>The value, or the diagnostic code and message that say why it cannot be used.</summary>
    private static (EvidenceValue Value, (string Code, string Message)? Problem) Convert(EvidenceDeclaration declaration, JToken token)
    {
        const string wrongType = DiagnosticCodes.EvidenceWrongType;
        var key = declaration.Key;
        switch (declaration.Type)
        {
            case EvidenceType.Number or EvidenceType.Integer:
                {
                    if (token.Type == JTokenType.String && (string)token! is "NaN" or "Infinity" or "-Infinity" or "+Infinity")
                    {
                        return (default, (DiagnosticCodes.EvidenceNotFinite, $"'{key}' is {(string)token!}; give a finite number"));
                    }

                    if (token.Type is not (JTokenType.Integer or JTokenType.Float))
                    {
                        return (default, (wrongType, $"'{key}' must be a number, not {Describe(token)}"));
                    }

                    decimal number;
                    switch (((JValue)token).Value)
                    {
                        case double d when !double.IsFinite(d):
                            return (default, (DiagnosticCodes.EvidenceNotFinite, $"'{key}' is {d.ToString(CultureInfo.InvariantCulture)}; give a finite number"));
                        case double d when Math.Abs(d) > 1e20:
                            return (default, (DiagnosticCodes.EvidenceOutOfRange, $"'{key}' is {d.ToString(CultureInfo.InvariantCulture)}, too large to be a real figure"));
                        case double d:
                            number = (decimal)d;
                            break;
                        case long l:
                            number = l;
                            break;
                        case decimal m when Math.Abs(m) <= 1e20m:
                            number = m;
                            break;
                        default:
                            return (default, (DiagnosticCodes.EvidenceOutOfRange, $"'{key}' is {token}, too large to be a real figure"));
                    }

                    if (declaration.Type == EvidenceType.Integer && number != decimal.Truncate(number))
                    {
                        return (default, (wrongType, $"'{key}' must be a whole number, not {number.ToString(CultureInfo.InvariantCulture)}"));
                    }

                    if (declaration.Min is { } min && number < min || declaration.Max is { } max && number > max)
                    {
                        return (default, (DiagnosticCodes.EvidenceOutOfRange, $"'{key}' is {number.ToString(CultureInfo.InvariantCulture)}, outside the allowed range {Range(declaration)}"));
                    }

                    return (new EvidenceValue(EvidenceKind.Number, Number: number), null);
                }

            case EvidenceType.Boolean:
                return token.Type == JTokenType.Boolean
                    ? (new EvidenceValue(EvidenceKind.Boolean, Boolean: (bool)token), null)
                    : (default, (wrongType, $"'{key}' must be true or false, not {Describe(token)}"));
            case EvidenceType.String or EvidenceType.Enum:
                {
                    if (token.Type != JTokenType.String)
                    {
                        return (default, (wrongType, $"'{key}' must be a string, not {Describe(token)}"));
                    }

                    var text = (string)token!;
                    if (declaration.Type == EvidenceType.Enum && !declaration.Values.Contains(text))
                    {
                        return (default, (DiagnosticCodes.EvidenceOutOfRange, $"'{key}' is \"{text}\", not one of: {string.Join(", ", declaration.Values)}"));
                    }

                    return (new EvidenceValue(EvidenceKind.Text, Text: text), null);
                }

            case EvidenceType.Date:
                return token.Type == JTokenType.String && DateOnly.TryParseExact((string)token!, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                    ? (new EvidenceValue(EvidenceKind.Text, Text: (string)token!), null)
                    : (default, (wrongType, $"'{key}' must be a date written YYYY-MM-DD, not {Describe(token)}"));
            case EvidenceType.List:
                {
                    if (token is not JArray array || array.Any(item => item.Type != JTokenType.String))
                    {
                        return (default, (wrongType, $"'{key}' must be an array of strings, not {Describe(token)}"));
                    }

                    if (declaration.Min is { } min && array.Count < min || declaration.Max is { } max && array.Count > max)
                    {
                        return (default, (DiagnosticCodes.EvidenceOutOfRange, $"'{key}' has {array.Count} items, outside the allowed range {Range(declaration)}"));
                    }

                    var items = array.Select(i => (string)i!).ToArray();
                    return (new EvidenceValue(EvidenceKind.List, Count: items.Length, Text: string.Join(", ", items), Items: items), null);
                }

            default:
                return (default, (wrongType, $"'{key}' is a document: list it under \"documents\" with \"kind\": \"{key}\" instead of giving a value"));
        }
    }

    private static string Range(EvidenceDeclaration d) =>
        $"[{d.Min?.ToString(CultureInfo.InvariantCulture) ?? "-∞"}, {d.Max?.ToString(CultureInfo.InvariantCulture) ?? "∞"}]";

    private static string Describe(JToken token) => token.Type switch
    {
        JTokenType.String => $"the string \"{Truncate((string)token!)}\"",
        JTokenType.Boolean => (bool)token ? "true" : "false",
        JTokenType.Integer or JTokenType.Float => $"the number {token}",
        JTokenType.Array => "an array",
        JTokenType.Object => "an object",
        _ => token.Type.ToString().ToLowerInvariant(),
    };

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
