namespace IndicatorEngine.Batch;

/// <summary>
/// Reads a batch's input one record at a time, in order, on one thread; <see cref="Prepare"/> then runs on a
/// worker to turn the record into an evidence document. Made by <see cref="BatchSource.Open"/> for one batch.
/// </summary>
internal abstract class RecordReader : IAsyncDisposable
{
    protected RecordReader(string name) => Name = name;

    /// <summary>The input's name, used in diagnostics.</summary>
    public string Name { get; }

    /// <summary>Reads the next record into <paramref name="job"/> (its number, its bytes or cells, or a failure).</summary>
    /// <returns>False at the end of the input.</returns>
    public abstract ValueTask<bool> ReadAsync(BatchJob job, CancellationToken cancellationToken);

    /// <summary>On a worker: makes the evidence document of the record when the reader did not (CSV cells → JSON).</summary>
    public virtual void Prepare(BatchJob job)
    {
    }

    /// <summary>A diagnostic of the evidence document, moved to its place in the input.</summary>
    public abstract Diagnostic Relocate(BatchJob job, Diagnostic diagnostic);

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
