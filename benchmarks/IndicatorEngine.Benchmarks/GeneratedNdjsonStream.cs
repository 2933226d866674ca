namespace IndicatorEngine.Benchmarks;

/// <summary>
/// A read-only stream of <see cref="HenanSubjects"/> as NDJSON, made as it is read: a batch of a million schools
/// without a 2.5 GB file on disk. The same count and seed give the same bytes as <see cref="HenanSubjects.WriteNdjson"/>.
/// </summary>
public sealed class GeneratedNdjsonStream(int count, int seed) : Stream
{
    private readonly IEnumerator<byte[]> _subjects = HenanSubjects.Enumerate(count, seed, indented: false).GetEnumerator();
    private byte[] _current = [];
    private int _at;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var written = 0;
        while (written < buffer.Length)
        {
            if (_at == _current.Length)
            {
                if (!_subjects.MoveNext())
                {
                    break;
                }

                _current = [.. _subjects.Current, (byte)'\n'];
                _at = 0;
            }

            var take = Math.Min(buffer.Length - written, _current.Length - _at);
            _current.AsSpan(_at, take).CopyTo(buffer[written..]);
            _at += take;
            written += take;
        }

        return written;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer, offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _subjects.Dispose();
        }

        base.Dispose(disposing);
    }
}
