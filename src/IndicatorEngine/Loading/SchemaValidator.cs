using System.Reflection;
using NJsonSchema;
using NJsonSchema.Validation;

namespace IndicatorEngine.Loading;

/// <summary>Validates documents against a shipped JSON Schema (embedded in the assembly) with NJsonSchema.</summary>
internal sealed class SchemaValidator
{
    // The arrays of a definition that can be long (nodes, vetoes, patches), whose items are validated apart, and a node's
    // rule, validated against its kind's definition only (a patch keeps its rule: it must have two properties). See SchemaPieces.
    private static readonly Dictionary<string, SchemaPieces.Cut[]> DefinitionCuts = new(StringComparer.Ordinal)
    {
        [""] = [new("indicators", "node"), new("vetoes", "veto"), new("patches", "patch")],
        ["node"] = [new("children", "node"), new("rule", "rule", IsArray: false, ByType: "{0}Rule")],
        ["patch"] = [new("children", "node")],
    };

    private static readonly Lazy<SchemaValidator> DefinitionSchema = new(() => FromResource("schema/indicator-system.schema.json", DiagnosticCodes.SchemaViolation, DefinitionCuts));
    private static readonly Lazy<SchemaValidator> ResultSchema = new(() => FromResource("schema/result.schema.json", DiagnosticCodes.SchemaViolation));
    private static readonly Lazy<SchemaValidator> EvidenceSchema = new(() => FromResource("schema/evidence.schema.json", DiagnosticCodes.EvidenceOutOfRange));

    private readonly JsonSchema _schema;

    private readonly string _outOfRangeCode;

    private readonly IReadOnlyDictionary<string, SchemaPieces.Cut[]> _cuts;

    private SchemaValidator(JsonSchema schema, string outOfRangeCode, IReadOnlyDictionary<string, SchemaPieces.Cut[]>? cuts = null)
    {
        _schema = schema;
        _outOfRangeCode = outOfRangeCode;
        _cuts = cuts ?? new Dictionary<string, SchemaPieces.Cut[]>();
    }

    private static readonly System.Numerics.BigInteger Largest = System.Numerics.BigInteger.Pow(10, 20);

    private static bool IsBeyondDecimal(Newtonsoft.Json.Linq.JValue value) => value.Value switch
    {
        System.Numerics.BigInteger b => System.Numerics.BigInteger.Abs(b) > Largest,
        double d => !double.IsFinite(d) || Math.Abs(d) > 1e20,
        _ => false,
    };

    public static SchemaValidator Definition => DefinitionSchema.Value;

    public static SchemaValidator Evidence => EvidenceSchema.Value;

    public static SchemaValidator Result => ResultSchema.Value;

    public static string ReadResource(string name)
    {
        using var stream = typeof(SchemaValidator).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing from {typeof(SchemaValidator).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static IEnumerable<string> ResourceNames(string prefix) =>
        typeof(SchemaValidator).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>Adds one IE004 diagnostic per violation (nested oneOf/anyOf causes flattened); returns true when valid.</summary>
    public bool Validate(JsonSource source, List<Diagnostic> diagnostics)
    {
        var before = diagnostics.Count;

        // NJsonSchema converts numbers to decimal and throws on ones beyond its range: report those first. Whole
        // numbers beyond a long but within range are read as BigInteger, which it cannot take: make them decimals.
        foreach (var value in Values(source.Root))
        {
            if (IsBeyondDecimal(value))
            {
                diagnostics.Add(source.At(JsonSource.PointerOf(value.Path), _outOfRangeCode, DiagnosticSeverity.Error,
                    $"the number {value} is too large to be a real figure; give a value below 10^20"));
            }
            else if (value.Value is System.Numerics.BigInteger whole)
            {
                value.Value = (decimal)whole;
            }
        }

        if (diagnostics.Count > before)
        {
            return false;
        }

        var pieces = SchemaPieces.Split(source.Root, _schema, _cuts);
        var validator = new JsonSchemaValidator();
        try
        {
            foreach (var piece in pieces.Pieces)
            {
                ICollection<ValidationError> errors;
                try
                {
                    errors = validator.Validate(piece.Token, piece.Schema);
                }
                catch (Exception e) when (e is ArithmeticException or FormatException or InvalidCastException or ArgumentException)
                {
                    diagnostics.Add(source.At(piece.Pointer, DiagnosticCodes.SchemaViolation, DiagnosticSeverity.Error, $"the document could not be checked against the schema: {e.Message}"));
                    return false;
                }

                foreach (var error in errors)
                {
                    Report(error, source, diagnostics, piece.Pointer, pieces);
                }
            }
        }
        finally
        {
            pieces.Restore();
        }

        // A oneOf failure can expand to the same message several times; keep each once.
        var unique = diagnostics.Skip(before).Distinct().ToList();
        diagnostics.RemoveRange(before, diagnostics.Count - before);
        diagnostics.AddRange(unique);
        return unique.Count == 0;
    }

    // Every value of the document: a walk with a stack of its own (the nested iterators of DescendantsAndSelf cost as much as the depth per value).
    private static IEnumerable<Newtonsoft.Json.Linq.JValue> Values(Newtonsoft.Json.Linq.JToken root)
    {
        var pending = new Stack<Newtonsoft.Json.Linq.JToken>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case Newtonsoft.Json.Linq.JValue value:
                    yield return value;
                    break;
                case Newtonsoft.Json.Linq.JContainer container:
                    for (var child = container.Last; child is not null; child = child.Previous)
                    {
                        pending.Push(child);
                    }

                    break;
            }
        }
    }

    private static SchemaValidator FromResource(string name, string outOfRangeCode, IReadOnlyDictionary<string, SchemaPieces.Cut[]>? cuts = null)
    {
        var text = ReadResource(name);
        return new SchemaValidator(JsonSchema.FromJsonAsync(text).GetAwaiter().GetResult(), outOfRangeCode, cuts);
    }

    private static void Report(ValidationError error, JsonSource source, List<Diagnostic> diagnostics, string prefix, SchemaPieces pieces)
    {
        // The null left where an item was cut out is not an error: the item is validated as a piece of its own.
        if (pieces.IsCutout(PointerOf(error, prefix), prefix))
        {
            return;
        }

        if (error is ChildSchemaValidationError child && child.Errors.Count > 0)
        {
            // For a rule's oneOf, report only the branch whose "type" matched: its errors are the real ones.
            var branches = child.Errors.Values.ToList();
            var matching = branches.Where(b => !b.Any(e => e.Property == "type" || (e.Path ?? "").EndsWith(".type", StringComparison.Ordinal))).ToList();
            var chosen = matching.Count > 0 && matching.Count < branches.Count ? matching : branches;
            if (chosen.Count == branches.Count && branches.Count > 1 && error.Kind is ValidationErrorKind.NotOneOf or ValidationErrorKind.NotAnyOf)
            {
                Add(error, source, diagnostics, Describe(error), prefix);
                return;
            }

            foreach (var inner in chosen.SelectMany(b => b))
            {
                Report(inner, source, diagnostics, prefix, pieces);
            }

            return;
        }

        Add(error, source, diagnostics, Describe(error), prefix);
    }

    private static string PointerOf(ValidationError error, string prefix) => prefix + JsonSource.PointerOf(error.Path?.TrimStart('#', '/'));

    private static void Add(ValidationError error, JsonSource source, List<Diagnostic> diagnostics, string message, string prefix)
    {
        var pointer = PointerOf(error, prefix);
        var (line, column) = source.Locate(pointer);
        diagnostics.Add(new Diagnostic(DiagnosticCodes.SchemaViolation, DiagnosticSeverity.Error, message, source.Name, pointer, line, column));
    }

    private static string Describe(ValidationError error)
    {
        var property = error.Property;
        return error.Kind switch
        {
            ValidationErrorKind.PropertyRequired => $"required property '{property}' is missing; add it",
            ValidationErrorKind.NoAdditionalPropertiesAllowed => $"property '{property}' is not allowed here; remove it or check its spelling",
            ValidationErrorKind.StringExpected => "a string is expected here",
            ValidationErrorKind.NumberExpected => "a number is expected here",
            ValidationErrorKind.IntegerExpected => "a whole number is expected here",
            ValidationErrorKind.BooleanExpected => "true or false is expected here",
            ValidationErrorKind.ObjectExpected => "an object { … } is expected here",
            ValidationErrorKind.ArrayExpected => "an array [ … ] is expected here",
            ValidationErrorKind.NumberTooSmall => "the number is below the allowed minimum",
            ValidationErrorKind.NumberTooBig => "the number is above the allowed maximum",
            ValidationErrorKind.PatternMismatch => $"the value does not match the required pattern {error.Schema?.Pattern}",
            ValidationErrorKind.NotInEnumeration => $"the value is not one of {string.Join(", ", error.Schema?.Enumeration.Select(v => v?.ToString()) ?? [])}",
            ValidationErrorKind.TooFewItems => "the array needs more items",
            ValidationErrorKind.TooFewProperties => "the object needs more properties (a test or value besides the key)",
            ValidationErrorKind.StringTooShort => "the string must not be empty",
            ValidationErrorKind.StringTooLong => "the string is too long",
            ValidationErrorKind.NotAnyOf => "the object matches none of the allowed shapes: a full system needs points, profiles and indicators; an overlay needs extends",
            ValidationErrorKind.NotOneOf => "the object matches none of the allowed shapes; check its type and properties",
            _ => $"schema violation: {error.Kind}",
        };
    }
}
