using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using nietras.SeparatedValues;

namespace IndicatorEngine.Batch;

/// <summary>
/// Reads CSV with Sep: a header row <c>id,name,profile,province,city,county,period</c> (any of them but <c>id</c> may
/// be left out, in any order) followed by evidence keys; one subject per row. The reader thread only splits rows
/// into cells; a worker turns the cells into the evidence document (<see cref="Prepare"/>) that
/// <see cref="IndicatorSystem.ReadEvidence(ReadOnlySpan{byte}, string)"/> then reads and checks exactly as it reads
/// NDJSON, so the checks and messages are the same; a diagnostic is then moved to the CSV row and column.
/// </summary>
internal sealed class CsvReader : RecordReader
{
    /// <summary>Stands in for bytes that are not text in the input's encoding; a cell that holds it is an IE007 error.</summary>
    private const char NotText = '\uFFFF';

    private static readonly SearchValues<char> NumberChars = SearchValues.Create("0123456789+-.eE");

    private readonly TextReader _text;
    private readonly IndicatorSystem _system;
    private readonly string _encodingName;
    private SepReader? _sep;
    private Column[] _columns = [];
    private Dictionary<string, int> _columnOfPointer = new(StringComparer.Ordinal);
    private long _row = 1;

    public CsvReader(Stream stream, string name, Encoding? encoding, IndicatorSystem system)
        : base(name)
    {
        _system = system;
        var chosen = (Encoding)(encoding ?? new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)).Clone();
        _encodingName = chosen.WebName;
        chosen.DecoderFallback = new DecoderReplacementFallback(NotText.ToString());
        _text = new StreamReader(stream, chosen, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024, leaveOpen: true);
    }

    private enum Kind
    {
        Id,
        Name,
        Profile,
        Province,
        City,
        County,
        Period,
        Value,
        Unknown,
    }

    public override ValueTask<bool> ReadAsync(BatchJob job, CancellationToken cancellationToken)
    {
        var sep = _sep ??= Open();
        if (!sep.MoveNext())
        {
            return ValueTask.FromResult(false);
        }

        _row++;
        job.Record = _row;
        job.Source = this;
        var row = sep.Current;
        job.Line = row.LineNumberFrom;
        if (row.ColCount == 1 && _columns.Length > 1 && row[0].Span.IsEmpty)
        {
            job.Failure = new Diagnostic(DiagnosticCodes.BlankRecord, DiagnosticSeverity.Error,
                $"row {_row} is blank; every row is one subject (remove the line)", Name, "", LineOf(job), 0);
            return ValueTask.FromResult(true);
        }

        if (row.ColCount != _columns.Length)
        {
            job.Failure = new Diagnostic(DiagnosticCodes.CsvRowShape, DiagnosticSeverity.Error,
                $"row {_row} has {row.ColCount} cells but the header has {_columns.Length}; quote a cell that holds a comma", Name, "", LineOf(job), 0);
            return ValueTask.FromResult(true);
        }

        for (var i = 0; i < row.ColCount; i++)
        {
            job.AddCell(row[i].Span);
        }

        return ValueTask.FromResult(true);
    }

    /// <summary>On a worker: the row's cells as an evidence document, checked for text the input's encoding could not read.</summary>
    public override void Prepare(BatchJob job)
    {
        if (job.Failure is not null)
        {
            return;
        }

        var blank = true;
        for (var i = 0; i < job.CellCount; i++)
        {
            var cell = job.Cell(i);
            blank &= cell.IsEmpty;
            if (cell.Contains(NotText))
            {
                job.Failure = new Diagnostic(DiagnosticCodes.InvalidEncoding, DiagnosticSeverity.Error,
                    $"row {job.Record.ToString(CultureInfo.InvariantCulture)}, column {i + 1} '{_columns[i].Header}' holds bytes that are not {_encodingName} text{(_encodingName == "utf-8" ? "; a file saved as GBK or GB18030 needs that encoding chosen" : "")}",
                    Name, "", LineOf(job), i + 1);
                return;
            }
        }

        if (blank)
        {
            job.Failure = new Diagnostic(DiagnosticCodes.BlankRecord, DiagnosticSeverity.Error,
                $"row {job.Record.ToString(CultureInfo.InvariantCulture)} is empty; every row is one subject (remove the row)", Name, "", LineOf(job), 0);
            return;
        }

        var json = job.Json;
        job.Scratch.ResetWrittenCount();
        json.Reset(job.Scratch);
        json.WriteStartObject();
        WriteFixed(job, json);
        json.WriteStartObject("values");
        var documents = false;
        for (var i = 0; i < _columns.Length; i++)
        {
            var column = _columns[i];
            var cell = job.Cell(i);
            if (cell.IsEmpty || column.Kind is not (Kind.Value or Kind.Unknown))
            {
                continue;
            }

            if (column.Declaration?.Type == EvidenceType.Document)
            {
                documents = true;
                continue;
            }

            json.WritePropertyName(column.Key);
            WriteValue(json, column.Declaration?.Type, cell);
        }

        json.WriteEndObject();
        if (documents)
        {
            json.WriteStartArray("documents");
            for (var i = 0; i < _columns.Length; i++)
            {
                if (_columns[i].Declaration?.Type == EvidenceType.Document)
                {
                    foreach (var range in job.Cell(i).Split(';'))
                    {
                        var name = job.Cell(i)[range].Trim();
                        if (!name.IsEmpty)
                        {
                            json.WriteStartObject();
                            json.WriteString("name", name);
                            json.WriteString("kind", _columns[i].Key);
                            json.WriteEndObject();
                        }
                    }
                }
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.Flush();
        job.UseScratch = true;
    }

    public override Diagnostic Relocate(BatchJob job, Diagnostic diagnostic)
    {
        var row = job.Record.ToString(CultureInfo.InvariantCulture);
        if (_columnOfPointer.TryGetValue(diagnostic.Pointer, out var column))
        {
            return diagnostic with
            {
                File = Name,
                Line = LineOf(job),
                Column = column + 1,
                Message = $"{diagnostic.Message} (row {row}, column {column + 1} '{_columns[column].Header}')",
            };
        }

        return diagnostic with { File = Name, Line = LineOf(job), Column = 0, Message = $"{diagnostic.Message} (row {row})" };
    }

    public override ValueTask DisposeAsync()
    {
        _sep?.Dispose();
        _text.Dispose();
        return ValueTask.CompletedTask;
    }

    private static void WriteValue(Utf8JsonWriter json, EvidenceType? type, ReadOnlySpan<char> cell)
    {
        switch (type)
        {
            case EvidenceType.Number or EvidenceType.Integer when IsJsonNumber(cell):
                json.WriteRawValue(cell, skipInputValidation: true);
                return;
            case EvidenceType.Boolean when Boolean(cell) is { } yes:
                json.WriteBooleanValue(yes);
                return;
            case EvidenceType.List:
                json.WriteStartArray();
                foreach (var range in cell.Split(';'))
                {
                    var item = cell[range].Trim();
                    if (!item.IsEmpty)
                    {
                        json.WriteStringValue(item);
                    }
                }

                json.WriteEndArray();
                return;
            default:
                // Text, or a cell that does not read as its type: the evidence reader says what is wrong with it.
                json.WriteStringValue(cell);
                return;
        }
    }

    /// <summary>true/false (any case), 是/否, 1/0.</summary>
    private static bool? Boolean(ReadOnlySpan<char> cell) =>
        cell.Equals("true", StringComparison.OrdinalIgnoreCase) || cell is "是" or "1" ? true
        : cell.Equals("false", StringComparison.OrdinalIgnoreCase) || cell is "否" or "0" ? false
        : null;

    /// <summary>A number as JSON writes one: <c>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</c>.</summary>
    internal static bool IsJsonNumber(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty || s.IndexOfAnyExcept(NumberChars) >= 0)
        {
            return false;
        }

        var i = 0;
        if (s[i] == '-')
        {
            i++;
        }

        if (i >= s.Length || !char.IsAsciiDigit(s[i]))
        {
            return false;
        }

        if (s[i] == '0')
        {
            i++;
        }
        else
        {
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }
        }

        if (i < s.Length && s[i] == '.')
        {
            i++;
            var digits = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == digits)
            {
                return false;
            }
        }

        if (i < s.Length && s[i] is 'e' or 'E')
        {
            i++;
            if (i < s.Length && s[i] is '+' or '-')
            {
                i++;
            }

            var digits = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == digits)
            {
                return false;
            }
        }

        return i == s.Length;
    }

    private static int LineOf(BatchJob job) => (int)Math.Min(job.Line, int.MaxValue);

    private void WriteFixed(BatchJob job, Utf8JsonWriter json)
    {
        ReadOnlySpan<char> province = default, city = default, county = default;
        var hasRegion = false;
        for (var i = 0; i < _columns.Length; i++)
        {
            var cell = job.Cell(i);
            if (cell.IsEmpty)
            {
                continue;
            }

            switch (_columns[i].Kind)
            {
                case Kind.Id:
                    json.WriteString("id", cell);
                    break;
                case Kind.Name:
                    json.WriteString("name", cell);
                    break;
                case Kind.Profile:
                    json.WriteString("profile", cell);
                    break;
                case Kind.Period:
                    if (IsJsonNumber(cell))
                    {
                        json.WritePropertyName("period");
                        json.WriteRawValue(cell, skipInputValidation: true);
                    }
                    else
                    {
                        json.WriteString("period", cell);
                    }

                    break;
                case Kind.Province:
                    province = cell;
                    hasRegion = true;
                    break;
                case Kind.City:
                    city = cell;
                    hasRegion = true;
                    break;
                case Kind.County:
                    county = cell;
                    hasRegion = true;
                    break;
            }
        }

        if (hasRegion)
        {
            json.WriteStartObject("region");
            if (!province.IsEmpty)
            {
                json.WriteString("province", province);
            }

            if (!city.IsEmpty)
            {
                json.WriteString("city", city);
            }

            if (!county.IsEmpty)
            {
                json.WriteString("county", county);
            }

            json.WriteEndObject();
        }
    }

    private SepReader Open()
    {
        SepReader sep;
        try
        {
            sep = Sep.New(',').Reader(o => o with { Unescape = true, Trim = SepTrim.All, DisableColCountCheck = true }).From(_text);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{Name}: the CSV header cannot be read: {e.Message}", e);
        }

        var names = sep.Header.ColNames;
        if (names.Count == 0 || sep.Header.IsEmpty)
        {
            throw new InvalidDataException($"{Name}: the CSV input is empty; the first row must be a header starting id,name,profile,province,city,county,period");
        }

        var catalogue = _system.Plan.Catalogue;
        var columns = new Column[names.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            var header = names[i].Trim();
            if (header.Contains(NotText))
            {
                throw new InvalidDataException($"{Name}: the CSV header holds bytes that are not {_encodingName} text; choose the file's encoding (e.g. GB18030)");
            }

            if (!seen.Add(header))
            {
                throw new InvalidDataException($"{Name}: column '{header}' appears twice in the CSV header");
            }

            var kind = header switch
            {
                "id" => Kind.Id,
                "name" => Kind.Name,
                "profile" => Kind.Profile,
                "province" => Kind.Province,
                "city" => Kind.City,
                "county" => Kind.County,
                "period" => Kind.Period,
                _ => catalogue.Find(header) is null ? Kind.Unknown : Kind.Value,
            };
            columns[i] = new Column(header, kind, catalogue.Find(header));
            _columnOfPointer[kind switch
            {
                Kind.Province or Kind.City or Kind.County => "/region/" + header,
                Kind.Value or Kind.Unknown => JsonPointer.Append("/values", header),
                _ => "/" + header,
            }] = i;
        }

        if (!seen.Contains("id"))
        {
            throw new InvalidDataException($"{Name}: the CSV header has no 'id' column; the header is id,name,profile,province,city,county,period and then evidence keys");
        }

        _columns = columns;
        return sep;
    }

    private sealed record Column(string Header, Kind Kind, EvidenceDeclaration? Declaration)
    {
        public string Key => Header;
    }
}
