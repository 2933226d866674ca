using System.Text.Json;
using IndicatorEngine.Batch;

namespace IndicatorEngine.Cli.Comparing;

/// <summary>
/// Every subject of a batch input scored under two versions of a definition, by the batch runner itself (ranked
/// across the batch, at summary detail, into temporary files), and the two results compared subject by subject as
/// <c>compare --batch</c> compares them.
/// </summary>
internal static class Replay
{
    /// <summary>Scores <paramref name="input"/> under both systems and compares the results; error records are counted on each side.</summary>
    /// <exception cref="InvalidDataException">The input cannot be read (a CSV header that cannot be used, a file that cannot be opened).</exception>
    public static async Task<BatchComparison> RunAsync(IndicatorSystem old, IndicatorSystem @new, string input, bool csv, System.Text.Encoding encoding, int top, CancellationToken cancellationToken)
    {
        var folder = Path.GetTempPath();
        var oldResults = Path.Combine(folder, $"indicator-replay-{Guid.NewGuid():N}.old.ndjson");
        var newResults = Path.Combine(folder, $"indicator-replay-{Guid.NewGuid():N}.new.ndjson");
        try
        {
            await ScoreAsync(old, input, csv, encoding, oldResults, cancellationToken).ConfigureAwait(false);
            await ScoreAsync(@new, input, csv, encoding, newResults, cancellationToken).ConfigureAwait(false);
            return BatchComparison.Compare(oldResults, newResults, top);
        }
        finally
        {
            File.Delete(oldResults);
            File.Delete(newResults);
        }
    }

    private static async Task ScoreAsync(IndicatorSystem system, string input, bool csv, System.Text.Encoding encoding, string output, CancellationToken cancellationToken)
    {
        FileStream source;
        try
        {
            source = new FileStream(input, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException(e is FileNotFoundException or DirectoryNotFoundException ? $"{input}: error: no such file" : $"{input}: error: cannot read: {e.Message}", e);
        }

        await using (source.ConfigureAwait(false))
        {
            var results = new FileStream(output, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
            await using (results.ConfigureAwait(false))
            {
                var runner = new BatchRunner(system, new BatchOptions { Detail = BatchDetail.Summary, Ranking = RankScopes.Batch, TemporaryFolder = Path.GetDirectoryName(output) });
                try
                {
                    await runner.RunAsync(csv ? BatchSource.Csv(source, input, encoding) : BatchSource.Ndjson(source, input), results, cancellationToken).ConfigureAwait(false);
                }
                catch (InvalidDataException e)
                {
                    throw new InvalidDataException($"{input}: error: {e.Message}", e);
                }
            }
        }
    }

    /// <summary>
    /// Why a file given to <c>--replay</c> cannot be replayed: a batch's results carry each subject's scores, verdict
    /// and rank (at <c>--detail full</c> also titles and explanations), never the evidence values they were scored
    /// from, so nothing in them can be scored again under another version. The message names the file, says what it
    /// is, and points to <c>--replay-evidence</c>.
    /// </summary>
    public static string WhyNot(string path)
    {
        if (!File.Exists(path))
        {
            return $"{path}: error: no such file";
        }

        string? first;
        try
        {
            using var reader = new StreamReader(path);
            first = reader.ReadLine();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{path}: error: cannot read: {e.Message}";
        }

        var kind = Kind(first);
        return kind switch
        {
            "evidence" => $"{path}:1: error: this is evidence (the input of a batch), not results; replay it with --replay-evidence {path}",
            "results" => $"{path}:1: error: a batch's results carry each subject's scores, verdict and rank, not the evidence they were scored from (not even with --detail full), so they cannot be scored again under another version; replay the batch's input instead: --replay-evidence INPUT (the NDJSON or CSV file given to 'indicator batch')",
            _ => $"{path}:1: error: not the results of 'indicator batch'; --replay-evidence INPUT replays the NDJSON or CSV file given to 'indicator batch'",
        };
    }

    private static string? Kind(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            return root.ValueKind != JsonValueKind.Object ? null
                : root.TryGetProperty("values", out _) ? "evidence"
                : root.TryGetProperty("record", out _) ? "results"
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
