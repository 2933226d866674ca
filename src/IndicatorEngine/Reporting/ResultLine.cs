using System.Text.Json;

namespace IndicatorEngine;

/// <summary>
/// One line of the results <c>indicator batch</c> writes (NDJSON, any detail), read as far as every reader of
/// results needs it: an error record's number, id and message, or a result's subject, total, bounds, verdict,
/// veto, grade and rank. The one parser of a result line: the province report (<see cref="BatchResults"/>) and
/// <c>compare --batch</c> read their lines through it and say where a bad one is in their own way.
/// </summary>
internal sealed class ResultLine : IDisposable
{
    /// <summary>What every line must be, the end of each message about a bad one.</summary>
    public const string Expected = "each line must be one result or error record as 'indicator batch' writes them";

    private readonly JsonDocument _document;

    private ResultLine(JsonDocument document) => _document = document;

    /// <summary>The line's JSON object (valid until the line is disposed).</summary>
    public JsonElement Root => _document.RootElement;

    /// <summary>Whether the line is an error record (a subject that could not be scored) rather than a result.</summary>
    public bool IsError { get; private init; }

    /// <summary>An error record's record number, when it has one.</summary>
    public long? Record { get; private init; }

    /// <summary>An error record's message ("" when it has none).</summary>
    public string ErrorMessage { get; private init; } = "";

    /// <summary>The subject's id: a result's always, an error record's when the record had one.</summary>
    public string? Id { get; private init; }

    /// <summary>The subject's name, if given.</summary>
    public string? Name { get; private init; }

    /// <summary>The subject's region, if given.</summary>
    public Region? Region { get; private init; }

    /// <summary>The profile the subject was scored under, if the line says.</summary>
    public string? Profile { get; private init; }

    /// <summary>The result's total.</summary>
    public decimal Total { get; private init; }

    /// <summary>The points the result is out of, if the line says.</summary>
    public decimal? Max { get; private init; }

    /// <summary>The pass threshold the result was judged against, if the line says.</summary>
    public decimal? PassThreshold { get; private init; }

    /// <summary>The result's verdict.</summary>
    public Verdict Verdict { get; private init; }

    /// <summary>Whether a veto fired.</summary>
    public bool Vetoed { get; private init; }

    /// <summary>The grade's id, if the system grades.</summary>
    public string? GradeId { get; private init; }

    /// <summary>The grade's title, if the line carries it.</summary>
    public LocalizedText? GradeTitle { get; private init; }

    /// <summary>The rank across the batch, when the batch was ranked.</summary>
    public long? Rank { get; private init; }

    /// <summary>Reads one line.</summary>
    /// <exception cref="BadResultLineException">The line is not a result or an error record: where in it and why.</exception>
    public static ResultLine Parse(string line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            throw new BadResultLineException("", $"blank line; {Expected}");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = LoadOptions.MaxDepthLimit + 2 });
        }
        catch (JsonException e)
        {
            throw new BadResultLineException("", $"not JSON ({e.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd('.', ' ')}); {Expected}");
        }

        try
        {
            return Read(document);
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _document.Dispose();

    private static ResultLine Read(JsonDocument document)
    {
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new BadResultLineException("", $"not a result line (a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object); {Expected}");
        }

        if (root.TryGetProperty("error", out var error))
        {
            return new ResultLine(document)
            {
                IsError = true,
                Record = root.TryGetProperty("record", out var record) && record.TryGetInt64(out var n) ? n : null,
                Id = Text(root, "id"),
                ErrorMessage = error.ValueKind == JsonValueKind.Object ? Text(error, "message") ?? "" : "",
            };
        }

        if (!root.TryGetProperty("subject", out var subject) || subject.ValueKind != JsonValueKind.Object)
        {
            throw new BadResultLineException("/subject", $"the line has no \"subject\" object; {Expected}");
        }

        var grade = root.TryGetProperty("grade", out var g) && g.ValueKind == JsonValueKind.Object ? g : (JsonElement?)null;
        return new ResultLine(document)
        {
            Id = Text(subject, "id") ?? throw new BadResultLineException("/subject/id", $"the result has no subject id; {Expected}"),
            Name = Text(subject, "name"),
            Region = subject.TryGetProperty("region", out var r) && r.ValueKind == JsonValueKind.Object ? new Region(Text(r, "province"), Text(r, "city"), Text(r, "county")) : null,
            Profile = Text(subject, "profile"),
            Total = Number(root, "total") ?? throw new BadResultLineException("/total", $"\"total\" must be a number; {Expected}"),
            Max = Number(root, "max"),
            PassThreshold = Number(root, "passThreshold"),
            Verdict = ReportText.ParseVerdict(Text(root, "verdict")) ?? throw new BadResultLineException("/verdict", $"the verdict must be passed, failed or undetermined; {Expected}"),
            Vetoed = root.TryGetProperty("vetoed", out var vetoed) && vetoed.ValueKind == JsonValueKind.True,
            GradeId = grade is { } i ? Text(i, "id") : null,
            GradeTitle = grade is { } t && t.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.Object && Text(title, "zh") is { } zh
                ? new LocalizedText(zh, Text(title, "en"))
                : null,
            Rank = root.TryGetProperty("rank", out var rank) && rank.ValueKind == JsonValueKind.Number && rank.TryGetInt64(out var place) ? place : null,
        };
    }

    /// <summary>A number property, or null when it is missing or not a number.</summary>
    public static decimal? Number(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var d) ? d : null;

    /// <summary>A string property, or null when it is missing or not a string.</summary>
    public static string? Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>A line of batch results that is not a result or an error record: the JSON Pointer inside the line, and why.</summary>
internal sealed class BadResultLineException(string pointer, string message) : Exception(message)
{
    /// <summary>Where in the line (a JSON Pointer; "" for the whole line).</summary>
    public string Pointer => pointer;
}
