using System.Globalization;

namespace IndicatorEngine.Batch;

/// <summary>
/// Reads records handed over in code: byte payloads (one evidence document each) or <see cref="SubjectEvidence"/>,
/// numbered from 1. Each is copied into the batch's own buffer, so the caller may reuse its memory at once.
/// </summary>
internal sealed class PayloadReader : RecordReader
{
    private readonly IAsyncEnumerator<ReadOnlyMemory<byte>>? _payloads;
    private readonly IAsyncEnumerator<SubjectEvidence>? _evidence;
    private readonly int _maxRecord;
    private long _count;

    public PayloadReader(IAsyncEnumerable<ReadOnlyMemory<byte>>? payloads, IAsyncEnumerable<SubjectEvidence>? evidence, string name, int maxRecord, CancellationToken cancellationToken)
        : base(name)
    {
        _payloads = payloads?.GetAsyncEnumerator(cancellationToken);
        _evidence = evidence?.GetAsyncEnumerator(cancellationToken);
        _maxRecord = maxRecord;
    }

    public override async ValueTask<bool> ReadAsync(BatchJob job, CancellationToken cancellationToken)
    {
        ReadOnlyMemory<byte> bytes;
        if (_payloads is not null)
        {
            if (!await _payloads.MoveNextAsync().ConfigureAwait(false))
            {
                return false;
            }

            bytes = _payloads.Current;
        }
        else
        {
            if (!await _evidence!.MoveNextAsync().ConfigureAwait(false))
            {
                return false;
            }

            bytes = (_evidence.Current ?? throw new InvalidOperationException($"{Name}: item {_count + 1} is null")).Utf8;
        }

        _count++;
        job.Record = _count;
        job.Source = this;
        if (bytes.Length > _maxRecord)
        {
            job.Failure = new Diagnostic(DiagnosticCodes.RecordTooLong, DiagnosticSeverity.Error,
                $"item {_count} is {bytes.Length.ToString(CultureInfo.InvariantCulture)} bytes, longer than {_maxRecord.ToString(CultureInfo.InvariantCulture)}; it is not read", ItemName(job));
            return true;
        }

        bytes.Span.CopyTo(job.PayloadSpace(bytes.Length));
        job.Length = bytes.Length;
        if (bytes.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            job.Failure = new Diagnostic(DiagnosticCodes.BlankRecord, DiagnosticSeverity.Error, $"item {_count} is empty; give one subject's evidence", ItemName(job));
        }

        return true;
    }

    /// <summary>A payload is a document of its own: its diagnostics keep their line and column, and name the item.</summary>
    public override Diagnostic Relocate(BatchJob job, Diagnostic diagnostic) => diagnostic with { File = ItemName(job) };

    public override async ValueTask DisposeAsync()
    {
        if (_payloads is not null)
        {
            await _payloads.DisposeAsync().ConfigureAwait(false);
        }

        if (_evidence is not null)
        {
            await _evidence.DisposeAsync().ConfigureAwait(false);
        }
    }

    private string ItemName(BatchJob job) => $"{Name}[{job.Record.ToString(CultureInfo.InvariantCulture)}]";
}
