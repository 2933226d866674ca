using System.Globalization;
using System.Text;
using System.Text.Json;

namespace IndicatorEngine.Loading;

/// <summary>
/// Reads one subject's evidence document from UTF-8 JSON in a single pass of a <see cref="Utf8JsonReader"/>:
/// the document's shape is checked as <c>evidence.schema.json</c> states it, and, when a catalogue is given,
/// every value is checked against its declaration and laid straight into its slot. A value that does not fit
/// makes its slot invalid with a diagnostic; a document of the wrong shape reads as nothing. Line and column
/// are worked out only for a diagnostic. One instance reads one document on one thread.
/// </summary>
internal ref struct EvidenceReader
{
    /// <summary>
    /// The most items a list value may hold (documented in indicators/README.md): a longer list is IE203 with its
    /// item count, and its items past the limit are counted, not kept.
    /// </summary>
    public const int MaxListItems = 10_000;

    private const int MaxKeyChars = 256;
    private static readonly string[] NoItems = [];
    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    private readonly ReadOnlySpan<byte> _utf8;
    private readonly string _name;
    private readonly EvidenceCatalogue? _catalogue;
    private readonly List<Diagnostic> _diagnostics;
    private readonly int _maxDepth;
    private Utf8JsonReader _reader;
    private bool _broken;

    /// <summary>Whether reading stopped at a comment while comments were not allowed.</summary>
    private bool StoppedAtComment { get; set; }

    private EvidenceReader(ReadOnlySpan<byte> utf8, string name, EvidenceCatalogue? catalogue, List<Diagnostic> diagnostics, int maxDepth, JsonCommentHandling comments)
    {
        // A byte order mark is not JSON; files saved by spreadsheet programs often start with one.
        _utf8 = Utf8Text.WithoutMark(utf8);
        _name = name;
        _catalogue = catalogue;
        _diagnostics = diagnostics;
        _maxDepth = maxDepth;
        _reader = new Utf8JsonReader(_utf8, JsonSource.StrictOptions(maxDepth) with { CommentHandling = comments });
    }

    /// <summary>
    /// Reads a document. With a catalogue the values go into slots (<see cref="ReadEvidence.Slots"/>); without
    /// one only the shape is checked and the values' keys and the documents are kept.
    /// </summary>
    /// <returns>What was read, or null when the document is not evidence (malformed JSON or the wrong shape).</returns>
    public static ReadEvidence? Read(ReadOnlySpan<byte> utf8, string name, EvidenceCatalogue? catalogue, List<Diagnostic> diagnostics, int maxDepth = LoadOptions.DefaultMaxDepth)
    {
        if (Utf8Text.Check(utf8, name) is { } encoding)
        {
            diagnostics.Add(encoding);
            return null;
        }

        // Evidence rarely has comments, and a reader that allows them is slower: read without, and again with
        // them allowed only when the first read stopped at one.
        var before = diagnostics.Count;
        var reader = new EvidenceReader(utf8, name, catalogue, diagnostics, maxDepth, JsonCommentHandling.Disallow);
        var read = reader.ReadDocument();
        // Stryker disable once Logical : reading again a document that failed elsewhere than at a comment fails the same way
        if (read is null && reader.StoppedAtComment)
        {
            diagnostics.RemoveRange(before, diagnostics.Count - before);
            reader = new EvidenceReader(utf8, name, catalogue, diagnostics, maxDepth, JsonCommentHandling.Skip);
            read = reader.ReadDocument();
        }

        return read;
    }

    private ReadEvidence? ReadDocument()
    {
        var result = new ReadEvidence(_catalogue is null ? null : new EvidenceValue[_catalogue.Count]);
        try
        {
            // The first read of an input with no value (empty, blanks or comments only) throws (caught below):
            // it never returns false.
            Next();

            if (_reader.TokenType != JsonTokenType.StartObject)
            {
                Shape("", 0, "an object { … } is expected here");
                // Stryker disable once Statement : the loop below reads past the rest of the value either way
                SkipValue();
            }
            else
            {
                ReadRoot(result);
            }

            // The reader refuses anything after the one value (an exception), so this only moves past comments.
            while (Next())
            {
            }
        }
        catch (JsonException e)
        {
            var diagnostic = JsonSource.SyntaxError(_utf8, e, _name, isEvidence: true);
            // Stryker disable once Logical : reading again a document that failed elsewhere than at a comment fails the same way
            StoppedAtComment = _reader.CurrentState.Options.CommentHandling == JsonCommentHandling.Disallow && IsCommentAt(e);
            _diagnostics.Add(diagnostic);
            return null;
        }
        catch (TooDeepException e)
        {
            _diagnostics.Add(JsonSource.NestedTooDeep(_utf8, e.Offset, _name, isEvidence: true, _maxDepth));
            return null;
        }

        return _broken ? null : result;
    }

    private void ReadRoot(ReadEvidence result)
    {
        var start = _reader.TokenStartIndex;
        var seen = 0;
        var unknownKinds = new List<string>();
        while (Next() && _reader.TokenType == JsonTokenType.PropertyName)
        {
            var at = _reader.TokenStartIndex;
            var bit = _reader.ValueTextEquals("values"u8) ? 128
                : _reader.ValueTextEquals("id"u8) ? 4
                : _reader.ValueTextEquals("name"u8) ? 8
                : _reader.ValueTextEquals("profile"u8) ? 16
                : _reader.ValueTextEquals("region"u8) ? 32
                : _reader.ValueTextEquals("period"u8) ? 64
                : _reader.ValueTextEquals("documents"u8) ? 256
                : _reader.ValueTextEquals("system"u8) ? 2
                : _reader.ValueTextEquals("$schema"u8) ? 1
                : _reader.ValueTextEquals("selfScores"u8) ? 512
                : 0;
            var property = bit switch
            {
                1 => "$schema",
                2 => "system",
                4 => "id",
                8 => "name",
                16 => "profile",
                32 => "region",
                64 => "period",
                128 => "values",
                256 => "documents",
                512 => "selfScores",
                _ => _reader.GetString()!,
            };
            if ((seen & bit) != 0)
            {
                Duplicate(property, at);
            }

            seen |= bit;
            Next();
            var pointer = new Pointer("", property);
            switch (bit)
            {
                case 1:
                    Text(pointer);
                    break;
                case 2:
                    Text(pointer);
                    break;
                case 4:
                    result.Id = Text(pointer);
                    if (result.Id is { Length: 0 })
                    {
                        Shape(pointer, _reader.TokenStartIndex, "the string must not be empty");
                    }
                    else if (result.Id is { Length: > 128 })
                    {
                        Shape(pointer, _reader.TokenStartIndex, "the string is too long");
                    }

                    break;
                case 8:
                    result.Name = Text(pointer);
                    break;
                case 16:
                    result.Profile = Text(pointer);
                    if (result.Profile is { } profile && !IsProfileId(profile))
                    {
                        Shape(pointer, _reader.TokenStartIndex, "the value does not match the required pattern ^[A-Za-z0-9][A-Za-z0-9._-]*$");
                    }

                    break;
                case 32:
                    result.Region = ReadRegion();
                    break;
                case 64:
                    result.Period = ReadPeriod();
                    break;
                case 128:
                    ReadValues(result);
                    break;
                case 256:
                    ReadDocuments(result, unknownKinds);
                    break;
                case 512:
                    ReadSelfScores(result);
                    break;
                default:
                    Shape(pointer, at, $"property '{property}' is not allowed here; remove it or check its spelling");
                    SkipValue();
                    break;
            }
        }

        if ((seen & 4) == 0)
        {
            Shape("", start, "required property 'id' is missing; add it");
        }

        if ((seen & 128) == 0)
        {
            Shape("", start, "required property 'values' is missing; add it");
        }

        // Said after the values, as binding always has: one warning a kind, in the order the kinds first appear.
        foreach (var kind in unknownKinds)
        {
            _diagnostics.Add(new Diagnostic(DiagnosticCodes.EvidenceUnknownKey, DiagnosticSeverity.Warning,
                $"document kind '{kind}' is not a document key of the system's evidence catalogue; the document is ignored", _name, "/documents"));
        }
    }

    private string? Text(Pointer pointer)
    {
        if (_reader.TokenType == JsonTokenType.String)
        {
            return _reader.GetString();
        }

        Shape(pointer, _reader.TokenStartIndex, "a string is expected here");
        SkipValue();
        return null;
    }

    private Region? ReadRegion()
    {
        if (_reader.TokenType != JsonTokenType.StartObject)
        {
            Shape("/region", _reader.TokenStartIndex, "an object { … } is expected here");
            SkipValue();
            return null;
        }

        string? province = null, city = null, county = null;
        while (Next() && _reader.TokenType == JsonTokenType.PropertyName)
        {
            var at = _reader.TokenStartIndex;
            var property = _reader.GetString()!;
            Next();
            var pointer = new Pointer("/region", property);
            switch (property)
            {
                case "province":
                    province = Text(pointer);
                    break;
                case "city":
                    city = Text(pointer);
                    break;
                case "county":
                    county = Text(pointer);
                    break;
                default:
                    Shape(pointer, at, $"property '{property}' is not allowed here; remove it or check its spelling");
                    SkipValue();
                    break;
            }
        }

        return new Region(province, city, county);
    }

    private int? ReadPeriod()
    {
        var at = _reader.TokenStartIndex;
        if (_reader.TokenType != JsonTokenType.Number || !_reader.TryGetInt32(out var year))
        {
            Shape("/period", at, "a whole number is expected here");
            SkipValue();
            return null;
        }

        if (year < 1900)
        {
            Shape("/period", at, "the number is below the allowed minimum");
        }
        else if (year > 2200)
        {
            Shape("/period", at, "the number is above the allowed maximum");
        }

        return year;
    }

    private void ReadValues(ReadEvidence result)
    {
        if (_reader.TokenType != JsonTokenType.StartObject)
        {
            Shape("/values", _reader.TokenStartIndex, "an object { … } is expected here");
            SkipValue();
            return;
        }

        Span<char> buffer = stackalloc char[MaxKeyChars];
        var slots = result.Slots;
        // Stryker disable once Equality,Conditional : only where the buffer lives (stack or heap) changes, not what it holds
        Span<bool> given = slots is null || slots.Length > 512 ? new bool[slots?.Length ?? 0] : stackalloc bool[slots.Length];
        var utf8Keys = _catalogue?.Utf8Keys;
        var expected = 0;
        while (Next() && _reader.TokenType == JsonTokenType.PropertyName)
        {
            var at = _reader.TokenStartIndex;

            // Files written from the catalogue list their keys in its order: try the next slot before looking up.
            // Stryker disable once Conditional : the fast path and GetString() give the same key; the mutant changes only which is taken
            var predicted = utf8Keys is not null && expected < utf8Keys.Length && _reader.ValueTextEquals(utf8Keys[expected]) ? expected : -1;
            scoped ReadOnlySpan<char> key;
            // Stryker disable once Equality : the fast path and GetString() give the same key; the mutant changes only which is taken
            if (predicted >= 0)
            {
                key = _catalogue![predicted].Key;
            }
            else
            {
                // Stryker disable once Conditional,Equality : the fast path and GetString() give the same key; the mutant changes only which is taken
                var length = _reader.HasValueSequence || _reader.ValueSpan.Length > MaxKeyChars ? -1 : _reader.CopyString(buffer);
                // Stryker disable once Conditional,Equality : the fast path and GetString() give the same key; the mutant changes only which is taken
                key = length >= 0 ? buffer[..length] : _reader.GetString().AsSpan();
            }

            Next();
            if (_reader.TokenType == JsonTokenType.StartObject)
            {
                Shape(ValuePointer(key), _reader.TokenStartIndex, "an object cannot be an evidence value; give a number, true or false, a string, an array of strings or null");
                SkipValue();
                continue;
            }

            if (_catalogue is null && _reader.TokenType == JsonTokenType.Number && !TryReadNumber(out _))
            {
                // Parsing a document on its own: a number no school has refuses the whole document, as the schema
                // check always has. Read against a catalogue, such a number fails its own value only (below).
                _broken = true;
                _diagnostics.Add(At(ValuePointer(key), _reader.TokenStartIndex, DiagnosticCodes.EvidenceOutOfRange, DiagnosticSeverity.Error,
                    $"the number {Raw()} is too large to be a real figure; give a value below 10^20"));
                continue;
            }

            if (_catalogue is null)
            {
                var name = key.ToString();
                if (result.Keys.Contains(name))
                {
                    Duplicate(name, at);
                }

                result.Keys.Add(name);
                SkipValue();
                continue;
            }

            var slot = predicted;
            // Stryker disable once Equality : looking up the key of a predicted slot finds that slot
            if (slot < 0 && !_catalogue.TryGetSlot(key, out slot))
            {
                _diagnostics.Add(At(ValuePointer(key), _reader.TokenStartIndex, DiagnosticCodes.EvidenceUnknownKey, DiagnosticSeverity.Warning,
                    $"'{key}' is not in the system's evidence catalogue and is ignored; check the spelling"));
                SkipValue();
                continue;
            }

            if (given[slot])
            {
                Duplicate(key.ToString(), at);
            }

            given[slot] = true;
            expected = slot + 1;
            if (_reader.TokenType == JsonTokenType.Null)
            {
                continue;
            }

            var declaration = _catalogue[slot];
            var valueAt = _reader.TokenStartIndex;
            var problem = Convert(declaration, ref slots![slot]);
            if (_reader.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject)
            {
                // A value of the wrong kind that has insides (an array for a number): step over them.
                SkipValue();
            }

            if (problem is var (code, message))
            {
                _diagnostics.Add(At(ValuePointer(key), valueAt, code, DiagnosticSeverity.Error, message));
                slots![slot] = EvidenceValue.Invalid;
            }
        }
    }

    /// <summary>
    /// The school's own self-scores by observation point id. Without a catalogue only the shape is checked; with
    /// one, a score that is not a number or is negative is an error that drops it (the point is scored as
    /// always), and the rest are kept with their places for the system to check ids and points.
    /// </summary>
    private void ReadSelfScores(ReadEvidence result)
    {
        if (_reader.TokenType != JsonTokenType.StartObject)
        {
            Shape("/selfScores", _reader.TokenStartIndex, "an object { \"<observation point id>\": points, … } is expected here");
            SkipValue();
            return;
        }

        var ids = new List<string>();
        while (Next() && _reader.TokenType == JsonTokenType.PropertyName)
        {
            var at = _reader.TokenStartIndex;
            var id = _reader.GetString()!;
            if (ids.Contains(id))
            {
                Duplicate(id, at);
            }

            ids.Add(id);
            Next();
            var valueAt = _reader.TokenStartIndex;
            var pointer = JsonPointer.Append("/selfScores", id);
            if (_catalogue is null)
            {
                SkipValue();
            }
            else if (_reader.TokenType != JsonTokenType.Number || !TryReadNumber(out var points))
            {
                _diagnostics.Add(At(pointer, valueAt, DiagnosticCodes.SelfScoreInvalid, DiagnosticSeverity.Error,
                    $"the self-score of '{id}' must be a number of points, not {Describe()}; write it as a number, e.g. 8.5"));
                SkipValue();
            }
            else if (points < 0m)
            {
                _diagnostics.Add(At(pointer, valueAt, DiagnosticCodes.SelfScoreInvalid, DiagnosticSeverity.Error,
                    $"the self-score of '{id}' is {points.ToString(CultureInfo.InvariantCulture)}, below 0; give 0 or more points"));
            }
            else
            {
                (result.SelfScores ??= []).Add(new SelfScoreEntry(id, points, valueAt));
            }
        }
    }

    private void ReadDocuments(ReadEvidence result, List<string> unknownKinds)
    {
        if (_reader.TokenType != JsonTokenType.StartArray)
        {
            Shape("/documents", _reader.TokenStartIndex, "an array [ … ] is expected here");
            SkipValue();
            return;
        }

        var index = 0;
        while (Next() && _reader.TokenType != JsonTokenType.EndArray)
        {
            var pointer = Pointer.Document(index);
            index++;
            if (_reader.TokenType != JsonTokenType.StartObject)
            {
                Shape(pointer, _reader.TokenStartIndex, "an object { … } is expected here");
                SkipValue();
                continue;
            }

            var start = _reader.TokenStartIndex;
            string? name = null, kind = null, sha = null;
            while (Next() && _reader.TokenType == JsonTokenType.PropertyName)
            {
                var at = _reader.TokenStartIndex;
                // Stryker disable once Conditional : the fast path and GetString() give the same name; the mutant changes only which is taken
                var property = _reader.ValueTextEquals("name"u8) ? "name" : _reader.ValueTextEquals("kind"u8) ? "kind" : _reader.ValueTextEquals("sha256"u8) ? "sha256" : _reader.GetString()!;
                Next();
                var inner = new Pointer("/documents", property, index - 1);
                switch (property)
                {
                    case "name":
                        name = NonEmpty(inner);
                        break;
                    case "kind":
                        kind = NonEmpty(inner);
                        break;
                    case "sha256":
                        sha = Text(inner);
                        if (sha is not null && !IsSha256(sha))
                        {
                            Shape(inner, _reader.TokenStartIndex, "the value does not match the required pattern ^[0-9a-fA-F]{64}$");
                        }

                        break;
                    default:
                        Shape(inner, at, $"property '{property}' is not allowed here; remove it or check its spelling");
                        SkipValue();
                        break;
                }
            }

            if (name is not { Length: > 0 } || kind is not { Length: > 0 })
            {
                // Missing is said here; empty (a document that cannot be used either) was said where it stands.
                if (name is null)
                {
                    Shape(pointer, start, "required property 'name' is missing; add it");
                }

                if (kind is null)
                {
                    Shape(pointer, start, "required property 'kind' is missing; add it");
                }

                continue;
            }

            if (_catalogue is null)
            {
                result.Documents.Add(new EvidenceDocument(name, kind, sha));
            }
            else if (_catalogue.TryFind(kind, out var declaration, out var slot) && declaration.Type == EvidenceType.Document)
            {
                ref var value = ref result.Slots![slot];
                value = value.Kind == EvidenceKind.Document
                    ? value with { Count = value.Count + 1 }
                    : new EvidenceValue(EvidenceKind.Document, Count: 1, Text: name);
            }
            else if (!unknownKinds.Contains(kind))
            {
                unknownKinds.Add(kind);
            }
        }
    }

    // A string that must not be empty; an empty one is a shape error of its own, and still counts as given.
    private string? NonEmpty(Pointer pointer)
    {
        var text = Text(pointer);
        if (text is { Length: 0 })
        {
            Shape(pointer, _reader.TokenStartIndex, "the string must not be empty");
        }

        return text;
    }

    /// <summary>The value of the current token as the declaration wants it, or the diagnostic code and message that say why it cannot be used.</summary>
    private (string Code, string Message)? Convert(EvidenceDeclaration declaration, ref EvidenceValue value)
    {
        const string wrongType = DiagnosticCodes.EvidenceWrongType;
        var key = declaration.Key;
        var token = _reader.TokenType;
        switch (declaration.Type)
        {
            case EvidenceType.Number or EvidenceType.Integer:
                {
                    if (token == JsonTokenType.String && _reader.GetString() is "NaN" or "Infinity" or "-Infinity" or "+Infinity")
                    {
                        return (DiagnosticCodes.EvidenceNotFinite, $"'{key}' is {_reader.GetString()}; give a finite number");
                    }

                    if (token != JsonTokenType.Number)
                    {
                        return (wrongType, $"'{key}' must be a number, not {Describe()}");
                    }

                    if (!TryReadNumber(out var number))
                    {
                        return (DiagnosticCodes.EvidenceOutOfRange, $"'{key}' is {Raw()}, too large to be a real figure");
                    }

                    if (declaration.Type == EvidenceType.Integer && number != decimal.Truncate(number))
                    {
                        return (wrongType, $"'{key}' must be a whole number, not {number.ToString(CultureInfo.InvariantCulture)}");
                    }

                    if (declaration.Min is { } min && number < min || declaration.Max is { } max && number > max)
                    {
                        return (DiagnosticCodes.EvidenceOutOfRange, $"'{key}' is {number.ToString(CultureInfo.InvariantCulture)}, outside the allowed range {Range(declaration)}");
                    }

                    value = new EvidenceValue(EvidenceKind.Number, Number: number);
                    return null;
                }

            case EvidenceType.Boolean:
                if (token is not (JsonTokenType.True or JsonTokenType.False))
                {
                    return (wrongType, $"'{key}' must be true or false, not {Describe()}");
                }

                value = new EvidenceValue(EvidenceKind.Boolean, Boolean: token == JsonTokenType.True);
                return null;
            case EvidenceType.String or EvidenceType.Enum:
                {
                    if (token != JsonTokenType.String)
                    {
                        return (wrongType, $"'{key}' must be a string, not {Describe()}");
                    }

                    var text = _reader.GetString()!;
                    if (declaration.Type == EvidenceType.Enum && !declaration.Values.Contains(text))
                    {
                        return (DiagnosticCodes.EvidenceOutOfRange, $"'{key}' is \"{text}\", not one of: {string.Join(", ", declaration.Values)}");
                    }

                    value = new EvidenceValue(EvidenceKind.Text, Text: text);
                    return null;
                }

            case EvidenceType.Date:
                {
                    var text = token == JsonTokenType.String ? _reader.GetString() : null;
                    if (text is null || !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                    {
                        return (wrongType, $"'{key}' must be a date written YYYY-MM-DD, not {Describe()}");
                    }

                    value = new EvidenceValue(EvidenceKind.Text, Text: text);
                    return null;
                }

            case EvidenceType.List:
                {
                    var count = 0;
                    var items = token == JsonTokenType.StartArray ? ReadStrings(out count) : null;
                    if (items is null)
                    {
                        return (wrongType, $"'{key}' must be an array of strings, not {Describe()}");
                    }

                    if (count > MaxListItems)
                    {
                        return (DiagnosticCodes.EvidenceOutOfRange, $"'{key}' has {count:N0} items, over the limit of {MaxListItems:N0} items a list may hold; split the list or give its count as a number");
                    }

                    if (declaration.Min is { } min && items.Length < min || declaration.Max is { } max && items.Length > max)
                    {
                        return (DiagnosticCodes.EvidenceOutOfRange, $"'{key}' has {items.Length} items, outside the allowed range {Range(declaration)}");
                    }

                    value = new EvidenceValue(EvidenceKind.List, Count: items.Length, Text: string.Join(", ", items), Items: items);
                    return null;
                }

            default:
                SkipValue();
                return (wrongType, $"'{key}' is a document: list it under \"documents\" with \"kind\": \"{key}\" instead of giving a value");
        }
    }

    /// <summary>
    /// A JSON number as evidence reads it: a whole number exactly (up to 10^20), any other to the 15 significant
    /// digits a double carries into a decimal; -0 is 0. False when the number is too large to be a real figure.
    /// </summary>
    private readonly bool TryReadNumber(out decimal number)
    {
        if (_reader.TryGetInt64(out var whole))
        {
            number = whole;
            return true;
        }

        if (_reader.ValueSpan.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0)
        {
            // A whole number beyond 2^63: exact while it is within 10^20.
            var fits = _reader.TryGetDecimal(out number) && Math.Abs(number) <= 1e20m;
            number = fits ? number : 0m;
            return fits;
        }

        if (!_reader.TryGetDouble(out var d) || !double.IsFinite(d) || Math.Abs(d) > 1e20)
        {
            number = 0m;
            return false;
        }

        number = (decimal)d;
        return true;
    }

    // The strings of an array, or null when it holds anything else; at most MaxListItems are kept, all are counted.
    private string[]? ReadStrings(out int count)
    {
        List<string>? items = null;
        var strings = true;
        count = 0;
        while (Next() && _reader.TokenType != JsonTokenType.EndArray)
        {
            count++;
            if (_reader.TokenType != JsonTokenType.String)
            {
                strings = false;
                SkipValue();
            }
            else if (count <= MaxListItems)
            {
                (items ??= []).Add(_reader.GetString()!);
            }
        }

        return !strings ? null : items is null ? NoItems : items.ToArray();
    }

    private readonly string Describe() => _reader.TokenType switch
    {
        JsonTokenType.String => $"the string \"{Truncate(_reader.GetString()!)}\"",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Number => $"the number {Raw()}",
        JsonTokenType.StartArray or JsonTokenType.EndArray => "an array",
        JsonTokenType.StartObject or JsonTokenType.EndObject => "an object",
        _ => "null",
    };

    private readonly string Raw() => Encoding.UTF8.GetString(_reader.ValueSpan);

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static string Range(EvidenceDeclaration d) =>
        $"[{d.Min?.ToString(CultureInfo.InvariantCulture) ?? "-∞"}, {d.Max?.ToString(CultureInfo.InvariantCulture) ?? "∞"}]";

    private static string ValuePointer(ReadOnlySpan<char> key) => JsonPointer.Append("/values", key.ToString());

    private static bool IsProfileId(string id)
    {
        if (id.Length == 0 || !char.IsAsciiLetterOrDigit(id[0]))
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSha256(string text) => text.Length == 64 && text.AsSpan().IndexOfAnyExcept(HexDigits) < 0;

    private void Shape(Pointer pointer, long offset, string message)
    {
        _broken = true;
        _diagnostics.Add(At(pointer.ToString(), offset, DiagnosticCodes.SchemaViolation, DiagnosticSeverity.Error, message));
    }

    private void Duplicate(string property, long offset)
    {
        _broken = true;
        var (line, column) = Locate(offset);
        _diagnostics.Add(new Diagnostic(DiagnosticCodes.MalformedJson, DiagnosticSeverity.Error,
            $"malformed JSON: the property '{property}' appears more than once in the same object; keep one", _name, "", line, column));
    }

    private readonly Diagnostic At(string pointer, long offset, string code, DiagnosticSeverity severity, string message)
    {
        var (line, column) = Locate(offset);
        return new Diagnostic(code, severity, message, _name, pointer, line, column);
    }

    /// <summary>Line and column (1-based, in characters) of a byte offset: worked out only for a diagnostic.</summary>
    private readonly (int Line, int Column) Locate(long offset) => Utf8Text.LineAndColumn(_utf8, (int)Math.Min(offset, _utf8.Length));

    /// <summary>Whether the reader stopped at the start of a comment (<c>//</c> or <c>/*</c>).</summary>
    private readonly bool IsCommentAt(JsonException e)
    {
        var at = Utf8Text.LineStart(_utf8, e.LineNumber ?? 0) + (int)(e.BytePositionInLine ?? 0);
        return at < _utf8.Length && _utf8[at] == (byte)'/';
    }

    /// <summary>Reads the next token; a level deeper than the limit stops the document (IE008).</summary>
    private bool Next()
    {
        var read = _reader.Read();
        if (read && JsonSource.IsTooDeep(ref _reader, _maxDepth))
        {
            throw new TooDeepException(_reader.TokenStartIndex);
        }

        return read;
    }

    /// <summary>Steps over the value whose first token was just read (its insides, for an object or array).</summary>
    private void SkipValue()
    {
        if (_reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return;
        }

        var depth = _reader.CurrentDepth;
        while (Next() && _reader.CurrentDepth > depth)
        {
        }
    }

    /// <summary>A JSON Pointer put into words only when a diagnostic needs it.</summary>
    private readonly struct Pointer(string prefix, string? property = null, int index = -1)
    {
        public static implicit operator Pointer(string pointer) => new(pointer);

        public static Pointer Document(int index) => new("/documents", null, index);

        public override string ToString() =>
            prefix
            + (index >= 0 ? "/" + index.ToString(CultureInfo.InvariantCulture) : "")
            + (property is null ? "" : "/" + JsonPointer.Escape(property));
    }

    /// <summary>Thrown (and caught in <see cref="ReadDocument"/>) when the input nests deeper than the limit.</summary>
    private sealed class TooDeepException(long offset) : Exception
    {
        public long Offset => offset;
    }
}
