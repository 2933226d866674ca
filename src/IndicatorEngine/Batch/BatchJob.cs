using System.Buffers;
using System.Text.Json;

namespace IndicatorEngine.Batch;

/// <summary>
/// One record on its way through a batch: what the reader read, what a worker made of it, and the line to write.
/// A batch has at most <see cref="BatchOptions.Window"/> of these and reuses them, so its buffers are allocated
/// once and the batch's memory stays flat whatever the count.
/// </summary>
internal sealed class BatchJob
{
    private TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public BatchJob()
    {
        Json = new Utf8JsonWriter(Output, ScorecardJson.Options(indented: false));
        Relocate = d => Source!.Relocate(this, d);
    }

    /// <summary>The record's number in its input: the NDJSON line, the CSV row (the header is row 1), the item (from 1).</summary>
    public long Record { get; set; }

    /// <summary>The line of the input file the record starts on (for diagnostics); 0 when the input is not a file of lines.</summary>
    public long Line { get; set; }

    /// <summary>The reader that read the record; it relocates the record's diagnostics.</summary>
    public RecordReader? Source { get; set; }

    /// <summary>The evidence document (UTF-8 JSON), <see cref="Length"/> bytes of it.</summary>
    public byte[] Payload { get; private set; } = new byte[4096];

    public int Length { get; set; }

    /// <summary>What is wrong with the record before it is even read as evidence (a blank line, too long, a CSV row of the wrong width).</summary>
    public Diagnostic? Failure { get; set; }

    /// <summary>The CSV row's cells, when the source is CSV: characters and where each cell starts and ends in them.</summary>
    public char[] Chars { get; private set; } = [];

    public int[] CellBounds { get; private set; } = [];

    public int CellCount { get; set; }

    // What a worker made of it.
    public Scorecard? Card { get; set; }

    public string? SubjectId { get; set; }

    /// <summary>The subject id's 96-bit key for the duplicate check (see <see cref="DuplicateIds"/>).</summary>
    public DuplicateIds.IdKey IdKey { get; set; }

    public IReadOnlyList<Diagnostic>? Errors { get; set; }

    /// <summary>The result line, without its line break.</summary>
    public ArrayBufferWriter<byte> Output { get; } = new(4096);

    public Utf8JsonWriter Json { get; }

    public Func<Diagnostic, Diagnostic> Relocate { get; }

    public Task Done => _done.Task;

    /// <summary>Where a CSV row's evidence document is written (<see cref="UseScratch"/>).</summary>
    public ArrayBufferWriter<byte> Scratch => field ??= new ArrayBufferWriter<byte>(4096);

    /// <summary>Whether the evidence document is in <see cref="Scratch"/> rather than <see cref="Payload"/>.</summary>
    public bool UseScratch { get; set; }

    public ReadOnlySpan<byte> Evidence => UseScratch ? Scratch.WrittenSpan : Payload.AsSpan(0, Length);

    public void Reset()
    {
        Record = 0;
        Line = 0;
        Length = 0;
        Failure = null;
        CellCount = 0;
        UseScratch = false;
        Card = null;
        SubjectId = null;
        IdKey = default;
        Errors = null;
        Output.ResetWrittenCount();
        if (_done.Task.IsCompleted)
        {
            _done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void Complete() => _done.TrySetResult();

    public void Fail(Exception e) => _done.TrySetException(e);

    /// <summary>Room for <paramref name="length"/> bytes of payload (its old content is kept only up to <see cref="Length"/>).</summary>
    public Span<byte> PayloadSpace(int length)
    {
        if (Payload.Length < length)
        {
            var bigger = new byte[Math.Max(length, Payload.Length * 2)];
            Payload.AsSpan(0, Length).CopyTo(bigger);
            Payload = bigger;
        }

        return Payload;
    }

    /// <summary>Adds one CSV cell's characters.</summary>
    public void AddCell(ReadOnlySpan<char> cell)
    {
        var start = CellCount == 0 ? 0 : CellBounds[(2 * CellCount) - 1];
        if (Chars.Length < start + cell.Length)
        {
            var bigger = new char[Math.Max(start + cell.Length, Math.Max(256, Chars.Length * 2))];
            Chars.AsSpan(0, start).CopyTo(bigger);
            Chars = bigger;
        }

        if (CellBounds.Length < 2 * (CellCount + 1))
        {
            var bigger = new int[Math.Max(16, CellBounds.Length * 2)];
            CellBounds.AsSpan(0, 2 * CellCount).CopyTo(bigger);
            CellBounds = bigger;
        }

        cell.CopyTo(Chars.AsSpan(start));
        CellBounds[2 * CellCount] = start;
        CellBounds[(2 * CellCount) + 1] = start + cell.Length;
        CellCount++;
    }

    public ReadOnlySpan<char> Cell(int index) => Chars.AsSpan(CellBounds[2 * index], CellBounds[(2 * index) + 1] - CellBounds[2 * index]);
}
