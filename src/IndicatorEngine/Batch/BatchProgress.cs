namespace IndicatorEngine.Batch;

/// <summary>How far a batch has got, reported to <see cref="BatchOptions.Progress"/>.</summary>
/// <param name="Done">Records finished (written or handed out), in input order, errors included.</param>
/// <param name="Errors">Of those, error records.</param>
/// <param name="Elapsed">Time since the batch started.</param>
public readonly record struct BatchProgress(long Done, long Errors, TimeSpan Elapsed);
