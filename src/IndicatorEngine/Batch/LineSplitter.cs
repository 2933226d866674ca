namespace IndicatorEngine.Batch;

/// <summary>Reads a stream line by line (<c>\n</c>, a <c>\r</c> before it dropped) through one growing buffer; a line is valid until the next call.</summary>
internal sealed class LineSplitter(Stream stream)
{
    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private bool _eof;

    public async ValueTask<ReadOnlyMemory<byte>?> NextAsync(CancellationToken cancellationToken)
    {
        var scanned = 0;
        while (true)
        {
            var newline = _buffer.AsSpan(_start + scanned, _end - _start - scanned).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var line = new ReadOnlyMemory<byte>(_buffer, _start, scanned + newline);
                _start += scanned + newline + 1;
                return Trim(line);
            }

            scanned = _end - _start;
            if (_eof)
            {
                if (scanned == 0)
                {
                    return null;
                }

                var last = new ReadOnlyMemory<byte>(_buffer, _start, scanned);
                _start = _end;
                return Trim(last);
            }

            if (_start > 0)
            {
                _buffer.AsSpan(_start, scanned).CopyTo(_buffer);
                _end = scanned;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            _eof = read == 0;
            _end += read;
        }
    }

    private static ReadOnlyMemory<byte> Trim(ReadOnlyMemory<byte> line) =>
        line.Length > 0 && line.Span[^1] == (byte)'\r' ? line[..^1] : line;
}
