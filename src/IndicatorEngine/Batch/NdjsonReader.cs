using System.Globalization;

namespace IndicatorEngine.Batch;

/// <summary>
/// Reads NDJSON: one evidence document per line (<c>\n</c> or <c>\r\n</c>), each line one record numbered by its
/// line. A blank line is an error record (<see cref="DiagnosticCodes.BlankRecord"/>), so that every line of the
/// input has its line in the output; a line break at the very end of the input does not start another line. A line
/// longer than <see cref="BatchOptions.MaxRecordBytes"/> is an error record and is stepped over without being held.
/// Reads the stream through a fixed buffer; never holds more than one line.
/// </summary>
internal sealed class NdjsonReader : RecordReader
{
    private readonly Stream _stream;
    private readonly int _maxLine;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private bool _eof;
    private long _line;

    public NdjsonReader(Stream stream, string name, int maxLine)
        : base(name)
    {
        _stream = stream;
        _maxLine = maxLine;
    }

    public override async ValueTask<bool> ReadAsync(BatchJob job, CancellationToken cancellationToken)
    {
        var length = 0;
        var tooLong = false;
        while (true)
        {
            var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            var take = newline < 0 ? _end - _start : newline;
            if (!tooLong && length + take > _maxLine + 1)
            {
                tooLong = true;
            }

            if (!tooLong)
            {
                _buffer.AsSpan(_start, take).CopyTo(job.PayloadSpace(length + take)[length..]);
                length += take;
                job.Length = length;
            }

            if (newline >= 0)
            {
                _start += newline + 1;
                break;
            }

            _start = _end = 0;
            if (_eof || (_end = await _stream.ReadAsync(_buffer, cancellationToken).ConfigureAwait(false)) == 0)
            {
                _eof = true;
                if (length == 0 && !tooLong)
                {
                    return false;
                }

                break;
            }
        }

        _line++;
        job.Record = _line;
        job.Line = _line;
        job.Source = this;
        if (!tooLong && length > 0 && job.Payload[length - 1] == (byte)'\r')
        {
            length--;
        }

        job.Length = tooLong ? 0 : length;
        if (tooLong || length > _maxLine)
        {
            job.Length = 0;
            job.Failure = new Diagnostic(DiagnosticCodes.RecordTooLong, DiagnosticSeverity.Error,
                $"line {_line} is longer than {_maxLine.ToString(CultureInfo.InvariantCulture)} bytes; it is not read", Name, "", (int)Math.Min(_line, int.MaxValue), 0);
        }
        else if (IsBlank(job.Evidence))
        {
            job.Failure = new Diagnostic(DiagnosticCodes.BlankRecord, DiagnosticSeverity.Error,
                $"line {_line} is blank; every line of a batch is one subject's evidence (remove the line)", Name, "", (int)Math.Min(_line, int.MaxValue), 0);
        }

        return true;
    }

    /// <summary>The document is one line: its diagnostics' line 1 is the record's line of the file.</summary>
    public override Diagnostic Relocate(BatchJob job, Diagnostic diagnostic) =>
        diagnostic with { File = Name, Line = (int)Math.Min(job.Line + Math.Max(diagnostic.Line, 1) - 1, int.MaxValue) };

    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        // A byte order mark at the start of a file is not content either.
        if (line.StartsWith("\uFEFF"u8))
        {
            line = line[3..];
        }

        return line.IndexOfAnyExcept((byte)' ', (byte)'\t', (byte)'\r') < 0;
    }
}
