using System.Text.Json;

namespace IndicatorEngine;

/// <summary>One evidence value as traces and improvement plans show it: in words for people, typed in JSON.</summary>
internal static class EvidenceText
{
    /// <summary>Whether the value was supplied, left out or rejected: supplied, missing, invalid.</summary>
    public static string State(EvidenceValue value) => value.Kind switch
    {
        EvidenceKind.Missing => "missing",
        EvidenceKind.Invalid => "invalid",
        _ => "supplied",
    };

    /// <summary>The value in words, with its unit: "65 %", "是", "10G-redundant", "3 项", "已提供文件", "未提供".</summary>
    public static string Show(EvidenceValue value, EvidenceDeclaration declaration, Language language) => value.Kind switch
    {
        EvidenceKind.Number => Text.WithUnit(value.Number, declaration.Unit, Text.Explaining(language)),
        EvidenceKind.Boolean => ReportText.Pick(language, value.Boolean ? "是" : "否", value.Boolean ? "yes" : "no"),
        EvidenceKind.Text => value.Text!,
        EvidenceKind.List => ReportText.Pick(language, $"{value.Count} 项", $"{value.Count} items"),
        EvidenceKind.Document => ReportText.Pick(language, $"已提供文件（{value.Text}）", $"document supplied ({value.Text})"),
        EvidenceKind.Invalid => ReportText.Pick(language, "无效", "invalid"),
        _ => declaration.Type == EvidenceType.Document ? ReportText.Pick(language, "未提供文件", "no document") : ReportText.Pick(language, "未提供", "not supplied"),
    };

    /// <summary>"上云比例 (cloudSystemsRatio)".</summary>
    public static string Named(EvidenceDeclaration declaration) => $"{declaration.Title} ({declaration.Key})";

    /// <summary>The value as JSON: a number, true/false, a string, an array of a list's items, a document's name; null when missing or invalid.</summary>
    public static void Write(Utf8JsonWriter writer, EvidenceValue value)
    {
        switch (value.Kind)
        {
            case EvidenceKind.Number:
                writer.WriteNumberValue(value.Number);
                break;
            case EvidenceKind.Boolean:
                writer.WriteBooleanValue(value.Boolean);
                break;
            case EvidenceKind.Text or EvidenceKind.Document:
                writer.WriteStringValue(value.Text);
                break;
            case EvidenceKind.List:
                writer.WriteStartArray();
                foreach (var item in value.Items ?? [])
                {
                    writer.WriteStringValue(item);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    /// <summary>One evidence value read: <c>{ "key", "title", "unit", "state", "value" }</c>.</summary>
    public static void WriteRead(Utf8JsonWriter writer, EvidenceDeclaration declaration, EvidenceValue value, Language language)
    {
        writer.WriteStartObject();
        writer.WriteString("key", declaration.Key);
        writer.WriteString("title", declaration.Title);
        if (declaration.Unit is { } unit)
        {
            writer.WriteString("unit", Text.Unit(unit, Text.Explaining(language)));
        }

        writer.WriteString("state", State(value));
        writer.WritePropertyName("value");
        Write(writer, value);
        writer.WriteEndObject();
    }

    /// <summary>A JSON writer for the documents of traces and plans: indented, Chinese kept as it is.</summary>
    public static Utf8JsonWriter Writer(Stream stream) => new(stream, new JsonWriterOptions
    {
        Indented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
