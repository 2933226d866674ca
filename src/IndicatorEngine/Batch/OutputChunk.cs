using System.Buffers;

namespace IndicatorEngine.Batch;

/// <summary>
/// Collects whole output lines and writes them to the stream in chunks of about 64 KiB. A chunk only ever holds
/// whole lines and a write is never cancelled half way, so a batch that stops leaves whole lines behind.
/// </summary>
internal sealed class OutputChunk(Stream stream)
{
    private const int Size = 64 * 1024;
    private readonly ArrayBufferWriter<byte> _buffer = new(Size + 4096);

    /// <summary>Bytes written to the stream so far.</summary>
    public long Written { get; private set; }

    public void Append(ReadOnlySpan<byte> line)
    {
        _buffer.Write(line);
        _buffer.Write("\n"u8);
    }

    public ValueTask FlushIfFullAsync() => _buffer.WrittenCount >= Size ? WriteAsync() : ValueTask.CompletedTask;

    public async ValueTask FlushAsync()
    {
        await WriteAsync().ConfigureAwait(false);
        await stream.FlushAsync(CancellationToken.None).ConfigureAwait(false);
    }

    private async ValueTask WriteAsync()
    {
        if (_buffer.WrittenCount == 0)
        {
            return;
        }

        await stream.WriteAsync(_buffer.WrittenMemory, CancellationToken.None).ConfigureAwait(false);
        Written += _buffer.WrittenCount;
        _buffer.ResetWrittenCount();
    }
}
