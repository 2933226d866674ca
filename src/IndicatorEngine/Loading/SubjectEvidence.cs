using System.Globalization;
using System.Text.Json;

namespace IndicatorEngine;

/// <summary>
/// One subject's (school's) evidence for one period: who it is, which profile it is assessed under, and its
/// values and documents by catalogue key. Immutable and safe to share between threads. Values are data: they
/// are checked against a system's catalogue when scored, never executed. Holds the evidence as UTF-8 JSON, so
/// scoring it reads it exactly as <see cref="IndicatorSystem.ReadEvidence"/> reads a record of a batch.
/// </summary>
public sealed class SubjectEvidence
{
    private SubjectEvidence(ReadOnlyMemory<byte> utf8, ReadEvidence read, IReadOnlyList<string> keys, IReadOnlyList<EvidenceDocument> documents, string? sourceName)
    {
        Utf8 = utf8;
        Id = read.Id!;
        Name = read.Name;
        Profile = read.Profile;
        Region = read.Region;
        Period = read.Period;
        Keys = keys;
        Documents = documents;
        SourceName = sourceName;
    }

    /// <summary>Stable id of the subject.</summary>
    public string Id { get; }

    /// <summary>Name of the school, or null.</summary>
    public string? Name { get; }

    /// <summary>Profile to score under, or null to let the system's default apply.</summary>
    public string? Profile { get; }

    /// <summary>Where the subject is, or null.</summary>
    public Region? Region { get; }

    /// <summary>Assessment year, or null.</summary>
    public int? Period { get; }

    /// <summary>Documents submitted.</summary>
    public IReadOnlyList<EvidenceDocument> Documents { get; }

    /// <summary>The keys of the values supplied.</summary>
    public IEnumerable<string> Keys { get; }

    /// <summary>The file (or stream name) the evidence was read from; null when built in code.</summary>
    public string? SourceName { get; }

    /// <summary>The evidence document as UTF-8 JSON (the file's bytes, or what <see cref="Create"/> wrote).</summary>
    internal ReadOnlyMemory<byte> Utf8 { get; }

    /// <summary>
    /// Builds evidence in code. Values may be numbers (any numeric type), booleans, strings,
    /// <see cref="DateOnly"/>, or sequences of strings; null means not supplied.
    /// </summary>
    /// <param name="id">Stable id of the subject.</param>
    /// <param name="values">Values by catalogue key.</param>
    /// <param name="documents">Documents submitted, or null for none.</param>
    /// <param name="profile">Profile to score under, or null for the system's default.</param>
    /// <param name="name">Name of the school.</param>
    /// <param name="region">Where the subject is.</param>
    /// <param name="period">Assessment year.</param>
    /// <returns>The evidence.</returns>
    /// <exception cref="ArgumentException">A value is of a type evidence cannot hold.</exception>
    public static SubjectEvidence Create(
        string id,
        IReadOnlyDictionary<string, object?> values,
        IEnumerable<EvidenceDocument>? documents = null,
        string? profile = null,
        string? name = null,
        Region? region = null,
        int? period = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(values);
        var documentList = documents?.ToList() ?? [];
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", id);
            if (name is not null)
            {
                writer.WriteString("name", name);
            }

            if (profile is not null)
            {
                writer.WriteString("profile", profile);
            }

            if (region is not null)
            {
                writer.WriteStartObject("region");
                WriteIfSet(writer, "province", region.Province);
                WriteIfSet(writer, "city", region.City);
                WriteIfSet(writer, "county", region.County);
                writer.WriteEndObject();
            }

            if (period is { } year)
            {
                writer.WriteNumber("period", year);
            }

            writer.WriteStartObject("values");
            foreach (var (key, value) in values)
            {
                writer.WritePropertyName(key);
                WriteValue(writer, key, value);
            }

            writer.WriteEndObject();
            writer.WriteStartArray("documents");
            foreach (var document in documentList)
            {
                writer.WriteStartObject();
                writer.WriteString("name", document.Name);
                writer.WriteString("kind", document.Kind);
                WriteIfSet(writer, "sha256", document.Sha256);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        var read = new ReadEvidence(null) { Id = id, Name = name, Profile = profile, Region = region, Period = period };
        return new SubjectEvidence(buffer.WrittenMemory, read, values.Keys.ToList(), documentList, null);
    }

    /// <summary>Loads evidence from a JSON file (see <c>indicators/schema/evidence.schema.json</c>).</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Limits, or null for the defaults.</param>
    /// <returns>The evidence, or diagnostics saying what is wrong and where.</returns>
    public static LoadResult<SubjectEvidence> Load(string path, LoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= LoadOptions.Default;
        var diagnostics = new List<Diagnostic>();
        var text = JsonSource.ReadFile(path, options.MaxFileBytes, diagnostics);
        return text is null ? new LoadResult<SubjectEvidence>(null, diagnostics) : Parse(text, path, diagnostics, options.MaxDepth);
    }

    /// <summary>Loads evidence from a stream of UTF-8 JSON.</summary>
    /// <param name="stream">The stream; read to its end, not closed.</param>
    /// <param name="name">Name used in diagnostics, e.g. the original file name.</param>
    /// <param name="options">Limits, or null for the defaults.</param>
    /// <returns>The evidence, or diagnostics saying what is wrong and where.</returns>
    public static LoadResult<SubjectEvidence> Load(Stream stream, string name, LoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= LoadOptions.Default;
        var diagnostics = new List<Diagnostic>();
        var text = JsonSource.ReadStream(stream, name, options.MaxFileBytes, diagnostics);
        return text is null ? new LoadResult<SubjectEvidence>(null, diagnostics) : Parse(text, name, diagnostics, options.MaxDepth);
    }

    /// <summary>Parses evidence from JSON text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="name">Name used in diagnostics.</param>
    /// <returns>The evidence, or diagnostics saying what is wrong and where.</returns>
    public static LoadResult<SubjectEvidence> Parse(string json, string name = "<evidence>")
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(json, name, new List<Diagnostic>(), LoadOptions.DefaultMaxDepth);
    }

    private static LoadResult<SubjectEvidence> Parse(string text, string name, List<Diagnostic> diagnostics, int maxDepth)
    {
        var utf8 = System.Text.Encoding.UTF8.GetBytes(text);
        var read = EvidenceReader.Read(utf8, name, null, diagnostics, maxDepth);
        return read is null
            ? new LoadResult<SubjectEvidence>(null, diagnostics)
            : new LoadResult<SubjectEvidence>(new SubjectEvidence(utf8, read, read.Keys, read.Documents, name), diagnostics);
    }

    private static void WriteIfSet(Utf8JsonWriter writer, string property, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(property, value);
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, string key, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case DateOnly d:
                writer.WriteStringValue(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case decimal m:
                writer.WriteNumberValue(m);
                break;
            case double or float:
                {
                    // JSON cannot carry NaN or Infinity: they go as the strings evidence reads as "not finite".
                    var d = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                    if (double.IsFinite(d))
                    {
                        writer.WriteNumberValue(d);
                    }
                    else
                    {
                        writer.WriteStringValue(d.ToString(CultureInfo.InvariantCulture));
                    }

                    break;
                }

            case byte or sbyte or short or ushort or int or uint or long or ulong:
                writer.WriteNumberValue(Convert.ToDecimal(value, CultureInfo.InvariantCulture));
                break;
            case IEnumerable<string> list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    writer.WriteStringValue(item);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"evidence '{key}' has a value of type {value.GetType().Name}; use a number, bool, string, DateOnly or a list of strings", "values");
        }
    }
}
