using System.Text;

namespace IndicatorEngine.Cli.Commands;

/// <summary>
/// Bytes written to a <see cref="TextWriter"/> (standard output as the command is given it), decoded as
/// <paramref name="encoding"/> on the way; a character split across two writes is kept until it is whole.
/// </summary>
internal sealed class WriterStream(TextWriter writer, Encoding encoding) : Stream
{
    private readonly Decoder _decoder = encoding.GetDecoder();
    private char[] _chars = new char[4096];

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var needed = _decoder.GetCharCount(buffer, flush: false);
        if (needed > _chars.Length)
        {
            _chars = new char[Math.Max(needed, _chars.Length * 2)];
        }

        var written = _decoder.GetChars(buffer, _chars, flush: false);
        writer.Write(_chars, 0, written);
    }

    public override void WriteByte(byte value) => Write([value]);

    public override void Flush() => writer.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
