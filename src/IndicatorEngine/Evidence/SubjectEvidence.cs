using IndicatorEngine.Definitions;
using IndicatorEngine.Diagnostics;
using IndicatorEngine.Json;
using Newtonsoft.Json.Linq;

namespace IndicatorEngine.Evidence;

/// <summary>
/// One subject's (school's) evidence for one period: who it is, which profile it is assessed under, and its
/// values and documents by catalogue key. Immutable and safe to share between threads. Values are data: they
/// are checked against a system's catalogue when scored, never executed.
/// </summary>
public sealed class SubjectEvidence
{
    private readonly JsonSource? _source;

    internal SubjectEvidence(
        string id,
        string? name,
        string? profile,
        Region? region,
        int? period,
        IReadOnlyDictionary<string, JToken> values,
        IReadOnlyList<EvidenceDocument> documents,
        JsonSource? source)
    {
        Id = id;
        Name = name;
        Profile = profile;
        Region = region;
        Period = period;
        RawValues = values;
        Documents = documents;
        _source = source;
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
    public IEnumerable<string> Keys => RawValues.Keys;

    /// <summary>The file (or stream name) the evidence was read from; null when built in code.</summary>
    public string? SourceName => _source?.Name;

    internal IReadOnlyDictionary<string, JToken> RawValues { get; }

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
        var tokens = new Dictionary<string, JToken>(StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            tokens[key] = value switch
            {
                null => JValue.CreateNull(),
                bool b => new JValue(b),
                string s => new JValue(s),
                DateOnly d => new JValue(d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
                decimal m => new JValue(m),
                double or float => new JValue(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)),
                byte or sbyte or short or ushort or int or uint or long or ulong => new JValue(Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture)),
                IEnumerable<string> list => new JArray(list.Select(item => (object)item).ToArray()),
                _ => throw new ArgumentException($"evidence '{key}' has a value of type {value.GetType().Name}; use a number, bool, string, DateOnly or a list of strings", nameof(values)),
            };
        }

        return new SubjectEvidence(id, name, profile, region, period, tokens, documents?.ToList() ?? [], null);
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
        var source = JsonSource.Parse(text, name, diagnostics, isEvidence: true, maxDepth);
        if (source is null || !SchemaValidator.Evidence.Validate(source, diagnostics))
        {
            return new LoadResult<SubjectEvidence>(null, diagnostics);
        }

        var root = (JObject)source.Root;
        var values = new Dictionary<string, JToken>(StringComparer.Ordinal);
        foreach (var property in ((JObject?)root["values"])?.Properties() ?? [])
        {
            values[property.Name] = property.Value;
        }

        var documents = ((JArray?)root["documents"])?
            .OfType<JObject>()
            .Select(d => new EvidenceDocument((string)d["name"]!, (string)d["kind"]!, (string?)d["sha256"]))
            .ToList() ?? [];
        var region = root["region"] is JObject r ? new Region((string?)r["province"], (string?)r["city"], (string?)r["county"]) : null;
        var evidence = new SubjectEvidence(
            (string)root["id"]!,
            (string?)root["name"],
            (string?)root["profile"],
            region,
            (int?)root["period"],
            values,
            documents,
            source);
        return new LoadResult<SubjectEvidence>(evidence, diagnostics);
    }

    internal Diagnostic At(string key, string code, DiagnosticSeverity severity, string message)
    {
        var pointer = JsonPointer.Append("/values", key);
        return _source is null
            ? new Diagnostic(code, severity, message, null, pointer)
            : _source.At(pointer, code, severity, message);
    }
}
