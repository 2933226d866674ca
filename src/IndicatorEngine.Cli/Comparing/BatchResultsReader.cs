using System.Globalization;

namespace IndicatorEngine.Cli.Comparing;

/// <summary>
/// One subject's line of a batch's results, as much of it as a comparison needs: its id and name, its line in the
/// file (from 1), total, verdict, veto, grade, and rank across the batch (null when the batch was not ranked).
/// </summary>
internal sealed record BatchEntry(string Id, string? Name, long Line, decimal Total, Verdict Verdict, bool Vetoed, string? GradeId, LocalizedText? GradeTitle, long? Rank)
{
    public bool Passed => Verdict == Verdict.Passed;
}

/// <summary>
/// Reads the results <c>indicator batch</c> writes (NDJSON, one line per input record, any detail) one line at a
/// time: a result line becomes a <see cref="BatchEntry"/>, an error record is counted. A line that is neither, a
/// blank line, or a subject id seen on an earlier line stops the read with an <see cref="InvalidDataException"/>
/// whose message names the file and line and says what to do.
/// </summary>
internal sealed class BatchResultsReader
{
    private readonly string _path;

    private BatchResultsReader(string path) => _path = path;

    /// <summary>Error records in the file (lines with "error"), not compared.</summary>
    public long ErrorRecords { get; private set; }

    /// <summary>Opens the file; a missing file or folder is an <see cref="InvalidDataException"/> with the path.</summary>
    public static BatchResultsReader Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException(Directory.Exists(path) ? $"{path}: error: is a folder, not a file of batch results" : $"{path}: error: no such file");
        }

        return new BatchResultsReader(path);
    }

    /// <summary>The file's result lines in order, each id once.</summary>
    public IEnumerable<BatchEntry> Entries()
    {
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        using var reader = new StreamReader(_path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 64 * 1024, Options = FileOptions.SequentialScan });
        long number = 0;
        while (ReadLine(reader) is { } line)
        {
            number++;
            if (Parse(line, number) is not { } entry)
            {
                continue;
            }

            if (seen.TryGetValue(entry.Id, out var first))
            {
                throw Bad(number, $"subject id '{entry.Id}' is already on line {first.ToString(CultureInfo.InvariantCulture)}; a batch's results name each subject once");
            }

            seen.Add(entry.Id, number);
            yield return entry;
        }
    }

    private string? ReadLine(StreamReader reader)
    {
        try
        {
            return reader.ReadLine();
        }
        catch (IOException e)
        {
            throw new InvalidDataException($"{_path}: error: cannot read: {e.Message}", e);
        }
    }

    /// <summary>The line's entry; null for an error record (counted).</summary>
    private BatchEntry? Parse(string line, long number)
    {
        try
        {
            using var read = ResultLine.Parse(line);
            if (read.IsError)
            {
                ErrorRecords++;
                return null;
            }

            return new BatchEntry(read.Id!, read.Name, number, read.Total, read.Verdict, read.Vetoed, read.GradeId, read.GradeTitle, read.Rank);
        }
        catch (BadResultLineException e)
        {
            throw Bad(number, $"{e.Message} (compare --batch reads the --out file of 'indicator batch')");
        }
    }

    private InvalidDataException Bad(long line, string message) =>
        new($"{_path}:{line.ToString(CultureInfo.InvariantCulture)}: error: {message}");
}
