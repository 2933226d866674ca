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
            var (value, problem, code) = Convert(declaration, token);
            if (problem is not null)
            {
                diagnostics.Add(evidence.At(key, code, DiagnosticSeverity.Error, problem));
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

    private static (EvidenceValue Value, string? Problem, string Code) Convert(EvidenceDeclaration declaration, JToken token)
    {
        const string wrongType = DiagnosticCodes.EvidenceWrongType;
        var key = declaration.Key;
        switch (declaration.Type)
        {
            case EvidenceType.Number or EvidenceType.Integer:
                {
                    if (token.Type == JTokenType.String && (string)token! is "NaN" or "Infinity" or "-Infinity" or "+Infinity")
                    {
                        return (default, $"'{key}' is {(string)token!}; give a finite number", DiagnosticCodes.EvidenceNotFinite);
                    }

                    if (token.Type is not (JTokenType.Integer or JTokenType.Float))
                    {
                        return (default, $"'{key}' must be a number, not {Describe(token)}", wrongType);
                    }

                    decimal number;
                    switch (((JValue)token).Value)
                    {
                        case double d when !double.IsFinite(d):
                            return (default, $"'{key}' is {d.ToString(CultureInfo.InvariantCulture)}; give a finite number", DiagnosticCodes.EvidenceNotFinite);
                        case double d when Math.Abs(d) > 1e20:
                            return (default, $"'{key}' is {d.ToString(CultureInfo.InvariantCulture)}, too large to be a real figure", DiagnosticCodes.EvidenceOutOfRange);
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
                            return (default, $"'{key}' is {token}, too large to be a real figure", DiagnosticCodes.EvidenceOutOfRange);
                    }

                    if (declaration.Type == EvidenceType.Integer && number != decimal.Truncate(number))
                    {
                        return (default, $"'{key}' must be a whole number, not {number.ToString(CultureInfo.InvariantCulture)}", wrongType);
                    }

                    if (declaration.Min is { } min && number < min || declaration.Max is { } max && number > max)
                    {
                        return (default, $"'{key}' is {number.ToString(CultureInfo.InvariantCulture)}, outside the allowed range {Range(declaration)}", DiagnosticCodes.EvidenceOutOfRange);
                    }

                    return (new EvidenceValue(EvidenceKind.Number, Number: number), null, "");
                }

            case EvidenceType.Boolean:
                return token.Type == JTokenType.Boolean
                    ? (new EvidenceValue(EvidenceKind.Boolean, Boolean: (bool)token), null, "")
                    : (default, $"'{key}' must be true or false, not {Describe(token)}", wrongType);
            case EvidenceType.String or EvidenceType.Enum:
                {
                    if (token.Type != JTokenType.String)
                    {
                        return (default, $"'{key}' must be a string, not {Describe(token)}", wrongType);
                    }

                    var text = (string)token!;
                    if (declaration.Type == EvidenceType.Enum && !declaration.Values.Contains(text))
                    {
                        return (default, $"'{key}' is \"{text}\", not one of: {string.Join(", ", declaration.Values)}", DiagnosticCodes.EvidenceOutOfRange);
                    }

                    return (new EvidenceValue(EvidenceKind.Text, Text: text), null, "");
                }

            case EvidenceType.Date:
                return token.Type == JTokenType.String && DateOnly.TryParseExact((string)token!, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                    ? (new EvidenceValue(EvidenceKind.Text, Text: (string)token!), null, "")
                    : (default, $"'{key}' must be a date written YYYY-MM-DD, not {Describe(token)}", wrongType);
            case EvidenceType.List:
                {
                    if (token is not JArray array || array.Any(item => item.Type != JTokenType.String))
                    {
                        return (default, $"'{key}' must be an array of strings, not {Describe(token)}", wrongType);
                    }

                    if (declaration.Min is { } min && array.Count < min || declaration.Max is { } max && array.Count > max)
                    {
                        return (default, $"'{key}' has {array.Count} items, outside the allowed range {Range(declaration)}", DiagnosticCodes.EvidenceOutOfRange);
                    }

                    var items = array.Select(i => (string)i!).ToArray();
                    return (new EvidenceValue(EvidenceKind.List, Count: items.Length, Text: string.Join(", ", items), Items: items), null, "");
                }

            default:
                return (default, $"'{key}' is a document: list it under \"documents\" with \"kind\": \"{key}\" instead of giving a value", wrongType);
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
