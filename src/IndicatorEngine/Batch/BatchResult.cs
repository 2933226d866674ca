namespace IndicatorEngine.Batch;

/// <summary>One output record of a batch, handed out in input order by <see cref="BatchRunner.ScoreAsync"/>: a result, or an error record. Immutable.</summary>
/// <param name="Record">The record's number in its input: its NDJSON line, its CSV row (the header is row 1), or its item (from 1).</param>
/// <param name="SubjectId">The subject id, when the record could be read that far; else null.</param>
/// <param name="Scorecard">The scorecard; null for an error record.</param>
/// <param name="Errors">Why the record is an error record (the first error says it; warnings may follow); empty for a result, whose evidence diagnostics are on its scorecard.</param>
public sealed record BatchResult(long Record, string? SubjectId, Scorecard? Scorecard, IReadOnlyList<Diagnostic> Errors)
{
    /// <summary>True for an error record.</summary>
    public bool IsError => Scorecard is null;
}
