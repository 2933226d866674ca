using System.Text;

namespace IndicatorEngine.Batch;

/// <summary>
/// The input of a batch: where its records come from and how they are numbered. Each record becomes exactly one
/// output record, in input order. Make one with <see cref="Ndjson"/>, <see cref="Csv"/>, <see cref="Payloads"/> or
/// <see cref="Evidence"/>; a source is read once.
/// </summary>
public abstract class BatchSource
{
    private protected BatchSource(string name) => Name = name;

    /// <summary>The input's name, used in diagnostics (e.g. the file name).</summary>
    public string Name { get; }

    /// <summary>
    /// GB18030 (the Chinese national standard encoding, a superset of GBK and GB2312), for <see cref="Csv"/> files
    /// saved by spreadsheet programs on Chinese systems. Registers <see cref="CodePagesEncodingProvider"/> first.
    /// </summary>
    public static Encoding Gb18030
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030");
        }
    }

    /// <summary>
    /// UTF-8 NDJSON: one evidence document (the shape of <c>evidence.schema.json</c>) per line, <c>\n</c> or
    /// <c>\r\n</c>; a record is numbered by its line. A blank line is an error record (IE501), never skipped; a line
    /// break at the end of the input does not start another line.
    /// </summary>
    /// <param name="stream">The input; read to its end, not closed.</param>
    /// <param name="name">Name used in diagnostics.</param>
    /// <returns>The source.</returns>
    public static BatchSource Ndjson(Stream stream, string name = "<ndjson>")
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        return new Of(name, (_, options, _) => new NdjsonReader(stream, name, options.MaxRecordBytes));
    }

    /// <summary>
    /// CSV, one subject per row after a header row: <c>id,name,profile,province,city,county,period</c> (only <c>id</c>
    /// is required; any order), then one column per evidence key. Cells are trimmed; an empty cell is a value not
    /// supplied; a list holds its items separated by <c>;</c>, and a document column its document names the same way;
    /// a boolean is <c>true</c>/<c>false</c> (any case), <c>是</c>/<c>否</c> or <c>1</c>/<c>0</c>; numbers are written
    /// as JSON writes them (<c>12</c>, <c>0.7</c>, <c>-3</c>, <c>1e3</c>; no thousands separators). A record is
    /// numbered by its row, the header being row 1, and its diagnostics name the row and the column.
    /// A header without <c>id</c>, with a column twice, or not readable throws <see cref="InvalidDataException"/>.
    /// </summary>
    /// <param name="stream">The input; read to its end, not closed.</param>
    /// <param name="name">Name used in diagnostics.</param>
    /// <param name="encoding">The text encoding; null for UTF-8 (with or without a byte order mark). See <see cref="Gb18030"/>.</param>
    /// <returns>The source.</returns>
    public static BatchSource Csv(Stream stream, string name = "<csv>", Encoding? encoding = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        return new Of(name, (system, _, _) => new CsvReader(stream, name, encoding, system));
    }

    /// <summary>Evidence documents handed over as UTF-8 bytes, one per item, numbered from 1. Each is copied as it is taken, so the caller may reuse the memory.</summary>
    /// <param name="payloads">The documents.</param>
    /// <param name="name">Name used in diagnostics; an item's diagnostics name it <c>NAME[N]</c>.</param>
    /// <returns>The source.</returns>
    public static BatchSource Payloads(IAsyncEnumerable<ReadOnlyMemory<byte>> payloads, string name = "<payloads>")
    {
        ArgumentNullException.ThrowIfNull(payloads);
        ArgumentNullException.ThrowIfNull(name);
        return new Of(name, (_, options, token) => new PayloadReader(payloads, null, name, options.MaxRecordBytes, token));
    }

    /// <summary>Evidence already loaded or built in code, numbered from 1.</summary>
    /// <param name="evidence">The subjects' evidence.</param>
    /// <param name="name">Name used in diagnostics; an item's diagnostics name it <c>NAME[N]</c>.</param>
    /// <returns>The source.</returns>
    public static BatchSource Evidence(IAsyncEnumerable<SubjectEvidence> evidence, string name = "<evidence>")
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(name);
        return new Of(name, (_, options, token) => new PayloadReader(null, evidence, name, options.MaxRecordBytes, token));
    }

    internal abstract RecordReader Open(IndicatorSystem system, BatchOptions options, CancellationToken cancellationToken);

    private sealed class Of(string name, Func<IndicatorSystem, BatchOptions, CancellationToken, RecordReader> open) : BatchSource(name)
    {
        private int _opened;

        internal override RecordReader Open(IndicatorSystem system, BatchOptions options, CancellationToken cancellationToken)
        {
            if (Interlocked.Exchange(ref _opened, 1) != 0)
            {
                throw new InvalidOperationException($"the batch source '{Name}' has been read already; make a new one");
            }

            return open(system, options, cancellationToken);
        }
    }
}
