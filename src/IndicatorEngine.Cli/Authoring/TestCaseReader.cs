using System.Text.Json;
using IndicatorEngine.Cli.CommandLine;
using IndicatorEngine.Loading;

namespace IndicatorEngine.Cli.Authoring;

/// <summary>
/// Reads a test case file. Never throws for bad input: a case that cannot be used comes back as diagnostics, each
/// naming the file, the JSON Pointer of the problem and its line and column (IE003 for JSON that does not parse,
/// IE004 for a case of the wrong shape; the evidence's own diagnostics for evidence that cannot be used).
/// </summary>
internal static class TestCaseReader
{
    private static readonly string[] TopLevel = ["$schema", "name", "description", "evidence", "profile", "expect"];

    private static readonly string[] ExpectationNames =
        ["total", "totalUpperBound", "verdict", "grade", "vetoes", "undecidedVetoes", "scores", "statuses"];

    public static (TestCase? Case, IReadOnlyList<Diagnostic> Problems) Read(string path, LoadOptions options)
    {
        string text;
        try
        {
            if (new FileInfo(path).Length > options.MaxFileBytes)
            {
                return (null, [Problem(DiagnosticCodes.FileTooLarge, $"the test case is larger than {options.MaxFileBytes} bytes", path)]);
            }

            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, [Problem(DiagnosticCodes.ReadFailed, "cannot read the test case: " + e.Message, path)]);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = options.MaxDepth });
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            var column = (int)(e.BytePositionInLine ?? 0) + 1;
            return (null, [new Diagnostic(DiagnosticCodes.MalformedJson, DiagnosticSeverity.Error, "the test case is not valid JSON: " + FirstSentence(e.Message), path, "", line, column)]);
        }

        using (document)
        {
            var map = LocationMap.Build(text);
            var reader = new Reading(path, map);
            var testCase = reader.Case(document.RootElement, options);
            return (reader.Problems.Count == 0 ? testCase : null, reader.Problems);
        }
    }

    private static Diagnostic Problem(string code, string message, string file, string pointer = "") =>
        new(code, DiagnosticSeverity.Error, message, file, pointer);

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }

    /// <summary>One file's reading: the problems found so far, each located in the file.</summary>
    private sealed class Reading(string file, LocationMap map)
    {
        public List<Diagnostic> Problems { get; } = [];

        public TestCase? Case(JsonElement root, LoadOptions options)
        {
            if (!IsObject(root, "", "the test case"))
            {
                return null;
            }

            Unknown(root, "", TopLevel);
            var name = root.TryGetProperty("name", out var n) ? String(n, "/name") : Required("name", "");
            if (root.TryGetProperty("description", out var description))
            {
                String(description, "/description");
            }

            var profile = root.TryGetProperty("profile", out var p) ? String(p, "/profile") : null;
            var expect = root.TryGetProperty("expect", out var e) ? Expectations(e) : Required<Expectations>("expect", "");
            var evidence = root.TryGetProperty("evidence", out var ev) ? Evidence(ev, options) : Required<SubjectEvidence>("evidence", "");
            if (Problems.Count > 0 || name is null || evidence is null || expect is null)
            {
                return null;
            }

            return new TestCase(file, name, evidence, profile, expect, map.Locate);
        }

        /// <summary>A relative path to an evidence file (from the case's folder), or the evidence itself.</summary>
        private SubjectEvidence? Evidence(JsonElement element, LoadOptions options)
        {
            LoadResult<SubjectEvidence> loaded;
            if (element.ValueKind == JsonValueKind.String)
            {
                var relative = element.GetString()!;
                var folder = Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".";
                loaded = SubjectEvidence.Load(Path.Combine(folder, relative), options);
                if (loaded.Value is null)
                {
                    Add(DiagnosticCodes.SchemaViolation, $"the evidence file '{relative}' cannot be used (its problems follow)", "/evidence");
                    Problems.AddRange(loaded.Diagnostics.Where(d => d.IsError));
                }

                return loaded.Value;
            }

            if (element.ValueKind != JsonValueKind.Object)
            {
                Add(DiagnosticCodes.SchemaViolation, "evidence must be a relative path to an evidence file, or the evidence itself (an object)", "/evidence");
                return null;
            }

            loaded = SubjectEvidence.Parse(element.GetRawText(), file);
            if (loaded.Value is null)
            {
                // The evidence was parsed on its own: its pointers start at /evidence in the case file.
                foreach (var problem in loaded.Diagnostics.Where(d => d.IsError))
                {
                    Add(problem.Code, problem.Message, "/evidence" + problem.Pointer);
                }
            }

            return loaded.Value;
        }

        private Expectations? Expectations(JsonElement element)
        {
            if (!IsObject(element, "/expect", "expect"))
            {
                return null;
            }

            Unknown(element, "/expect", ExpectationNames);
            return new Expectations
            {
                Total = Number(element, "total"),
                TotalUpperBound = Number(element, "totalUpperBound"),
                Verdict = element.TryGetProperty("verdict", out var verdict) ? VerdictOf(verdict) : null,
                Grade = element.TryGetProperty("grade", out var grade) ? GradeOf(grade) : null,
                Vetoes = Ids(element, "vetoes"),
                UndecidedVetoes = Ids(element, "undecidedVetoes"),
                Scores = ById(element, "scores", (value, pointer) =>
                    value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var d) ? d : Fail<decimal>("a score must be a number", pointer)),
                Statuses = ById(element, "statuses", StatusOf),
            };
        }

        private Expected<decimal>? Number(JsonElement expect, string property)
        {
            if (!expect.TryGetProperty(property, out var value))
            {
                return null;
            }

            var pointer = "/expect/" + property;
            if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number))
            {
                return new Expected<decimal>(number, pointer);
            }

            Add(DiagnosticCodes.SchemaViolation, $"{property} must be a number", pointer);
            return null;
        }

        private Expected<Verdict>? VerdictOf(JsonElement value)
        {
            const string pointer = "/expect/verdict";
            var verdict = value.ValueKind == JsonValueKind.String ? ReportText.ParseVerdict(value.GetString()) : null;
            if (verdict is { } known)
            {
                return new Expected<Verdict>(known, pointer);
            }

            Add(DiagnosticCodes.SchemaViolation, "verdict must be passed, failed or undetermined", pointer);
            return null;
        }

        private Expected<string?>? GradeOf(JsonElement value)
        {
            const string pointer = "/expect/grade";
            if (value.ValueKind is JsonValueKind.String or JsonValueKind.Null)
            {
                return new Expected<string?>(value.GetString(), pointer);
            }

            Add(DiagnosticCodes.SchemaViolation, "grade must be a grade's id, or null for no grade", pointer);
            return null;
        }

        private ScoreStatus StatusOf(JsonElement value, string pointer)
        {
            var text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            foreach (var status in Enum.GetValues<ScoreStatus>())
            {
                if (ReportText.Status(status) == text)
                {
                    return status;
                }
            }

            var names = string.Join(", ", Enum.GetValues<ScoreStatus>().Select(ReportText.Status));
            return Fail<ScoreStatus>($"a status must be one of {names}", pointer);
        }

        private Expected<IReadOnlyList<string>>? Ids(JsonElement expect, string property)
        {
            if (!expect.TryGetProperty(property, out var value))
            {
                return null;
            }

            var pointer = "/expect/" + property;
            if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(i => i.ValueKind != JsonValueKind.String))
            {
                Add(DiagnosticCodes.SchemaViolation, $"{property} must be an array of veto ids", pointer);
                return null;
            }

            return new Expected<IReadOnlyList<string>>(value.EnumerateArray().Select(i => i.GetString()!).ToList(), pointer);
        }

        private List<(string Id, Expected<T>)> ById<T>(JsonElement expect, string property, Func<JsonElement, string, T> read)
        {
            var list = new List<(string, Expected<T>)>();
            if (!expect.TryGetProperty(property, out var value) || !IsObject(value, "/expect/" + property, property))
            {
                return list;
            }

            foreach (var entry in value.EnumerateObject())
            {
                var pointer = JsonPointer.Append("/expect/" + property, entry.Name);
                var before = Problems.Count;
                var expected = read(entry.Value, pointer);
                if (Problems.Count == before)
                {
                    list.Add((entry.Name, new Expected<T>(expected, pointer)));
                }
            }

            return list;
        }

        private string? String(JsonElement value, string pointer)
        {
            if (value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
            {
                return text;
            }

            Add(DiagnosticCodes.SchemaViolation, $"{pointer.TrimStart('/')} must be a non-empty string", pointer);
            return null;
        }

        private bool IsObject(JsonElement value, string pointer, string what)
        {
            if (value.ValueKind == JsonValueKind.Object)
            {
                return true;
            }

            Add(DiagnosticCodes.SchemaViolation, $"{what} must be an object", pointer);
            return false;
        }

        private void Unknown(JsonElement value, string pointer, string[] known)
        {
            foreach (var property in value.EnumerateObject().Where(p => !known.Contains(p.Name, StringComparer.Ordinal)))
            {
                Add(DiagnosticCodes.SchemaViolation,
                    $"unknown property '{property.Name}'" + (Suggestions.DidYouMean(property.Name, known) is { Length: > 0 } suggestion
                        ? suggestion
                        : $"; known here: {string.Join(", ", known)}"),
                    JsonPointer.Append(pointer, property.Name));
            }
        }

        private string? Required(string property, string pointer) => Required<string>(property, pointer);

        private T? Required<T>(string property, string pointer)
            where T : class
        {
            Add(DiagnosticCodes.SchemaViolation, $"the test case has no '{property}'", pointer);
            return null;
        }

        private T Fail<T>(string message, string pointer)
        {
            Add(DiagnosticCodes.SchemaViolation, message, pointer);
            return default!;
        }

        private void Add(string code, string message, string pointer)
        {
            var (line, column) = map.Locate(pointer);
            Problems.Add(new Diagnostic(code, DiagnosticSeverity.Error, message, file, pointer, line, column));
        }
    }
}
