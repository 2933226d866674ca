using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;

namespace IndicatorEngine.Batch;

/// <summary>
/// Ranks subjects by total, across a batch and within provinces, cities or counties, from a
/// <see cref="BatchSummary"/> — one run's or a merge of shards'. Competition ranking: equal totals share a rank and
/// the ranks after them are skipped (1, 2, 2, 4); every vetoed subject ranks after every subject that was not
/// vetoed (vetoed ones among themselves by total); error records are not ranked. A listing ordered by rank puts
/// subjects of the same rank in ordinal order of their ids. Percentile: 100 × (n − rank) ÷ (n − 1) for n ranked
/// subjects, to 2 decimal places (100 for n = 1), so the first is 100 and the last 0.
/// <para>
/// Ranks are read off the summary's exact histograms of totals, so ranking keeps no list of subjects: memory
/// grows with the number of distinct totals and regions, not with the count. Ranks are joined into results
/// already written by <see cref="AddRanksAsync"/>, a second streaming pass. Thread-safe.
/// </para>
/// </summary>
public sealed class BatchRanking
{
    private readonly BatchSummary _summary;
    private readonly ConcurrentDictionary<Tally, Table> _tables = new(ReferenceEqualityComparer.Instance);

    /// <summary>Ranks against a summary.</summary>
    /// <param name="summary">The summary of every subject to rank among (merge shards' summaries first).</param>
    /// <param name="scopes">The rankings <see cref="AddRanksAsync"/> writes.</param>
    public BatchRanking(BatchSummary summary, RankScopes scopes = RankScopes.Batch)
    {
        ArgumentNullException.ThrowIfNull(summary);
        _summary = summary;
        Scopes = scopes;
    }

    /// <summary>The rankings written by <see cref="AddRanksAsync"/>.</summary>
    public RankScopes Scopes { get; }

    /// <summary>
    /// Ranks subjects among themselves, e.g. a small batch held in memory: the listing in rank order, subjects of the
    /// same rank by id (ordinal).
    /// </summary>
    /// <param name="cards">The scorecards.</param>
    /// <returns>The listing.</returns>
    public static IReadOnlyList<RankedSubject> List(IEnumerable<Scorecard> cards)
    {
        ArgumentNullException.ThrowIfNull(cards);
        var list = cards.ToList();
        var tally = new Tally(0, 0);
        foreach (var card in list)
        {
            tally.Count++;
            tally.AddTotal(card.Total, 1, card.Vetoed ? 1 : 0);
        }

        var table = new Table(tally);
        return list.Select(c => new RankedSubject(c.Subject.Id, c.Total, c.Vetoed, table.Position(c.Total, c.Vetoed)))
            .OrderBy(r => r.Position.Rank)
            .ThenBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Where a subject with this total stands in each ranking of <see cref="Scopes"/>.</summary>
    /// <param name="total">Its total.</param>
    /// <param name="vetoed">Whether a veto fired.</param>
    /// <param name="region">Its region, or null.</param>
    /// <returns>The ranks; a region the subject does not name, or that no scored subject named, has none.</returns>
    public SubjectRank Rank(decimal total, bool vetoed, Region? region)
    {
        RankPosition? In(RankScopes scope, Tally? tally) =>
            (Scopes & scope) != 0 && tally is { Count: > 0 } ? _tables.GetOrAdd(tally, t => new Table(t)).Position(total, vetoed) : null;

        return new SubjectRank(
            In(RankScopes.Batch, _summary.All),
            region?.Province is null ? null : In(RankScopes.Province, _summary.FindRegion(RegionLevel.Province, region.Province, null, null)),
            region?.City is null ? null : In(RankScopes.City, _summary.FindRegion(RegionLevel.City, region.Province, region.City, null)),
            region?.County is null ? null : In(RankScopes.County, _summary.FindRegion(RegionLevel.County, region.Province, region.City, region.County)));
    }

    /// <summary>
    /// Copies batch result lines (NDJSON written by <see cref="BatchRunner.RunAsync"/>, of one run or of shards) to
    /// <paramref name="output"/> with each result's ranks added as its last properties: <c>"rank"</c> and
    /// <c>"percentile"</c> across the batch, and <c>"ranks": { "province" | "city" | "county": { "rank", "of",
    /// "percentile" } }</c> within regions. Error records are copied as they are. Streams line by line: memory stays flat.
    /// </summary>
    /// <param name="results">The result lines; read to the end, not closed.</param>
    /// <param name="output">Where to write; flushed, not closed.</param>
    /// <param name="cancellationToken">Stops between lines; what was written is whole lines.</param>
    /// <returns>A task that completes when every line is written.</returns>
    /// <exception cref="InvalidDataException">A line is not a batch result or error record.</exception>
    public async Task AddRanksAsync(Stream results, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(output);
        var chunk = new OutputChunk(output);
        var lines = new LineSplitter(results);
        long number = 0;
        try
        {
            while (await lines.NextAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                number++;
                chunk.Append(Join(line.Span, number));
                await chunk.FlushIfFullAsync().ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        finally
        {
            await chunk.FlushAsync().ConfigureAwait(false);
        }
    }

    private static void WritePosition(Utf8JsonWriter writer, string name, RankPosition? position)
    {
        if (position is { } p)
        {
            writer.WriteStartObject(name);
            writer.WriteNumber("rank", p.Rank);
            writer.WriteNumber("of", p.Of);
            writer.WriteNumber("percentile", p.Percentile);
            writer.WriteEndObject();
        }
    }

    private byte[] Join(ReadOnlySpan<byte> line, long number)
    {
        var end = line.TrimEnd(" \t\r"u8).Length;
        if (end == 0 || line[end - 1] != (byte)'}')
        {
            throw new InvalidDataException($"line {number} is not a batch result: it does not end with '}}'");
        }

        var (isError, total, vetoed, region) = Read(line, number);
        if (isError)
        {
            return line[..end].ToArray();
        }

        var rank = Rank(total, vetoed, region);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(end + 160);
        buffer.Write(line[..(end - 1)]);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            writer.WriteStartObject();
            if (rank.Batch is { } batch)
            {
                writer.WriteNumber("rank", batch.Rank);
                writer.WriteNumber("percentile", batch.Percentile);
            }

            if (rank.Province is not null || rank.City is not null || rank.County is not null)
            {
                writer.WriteStartObject("ranks");
                WritePosition(writer, "province", rank.Province);
                WritePosition(writer, "city", rank.City);
                WritePosition(writer, "county", rank.County);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        // The writer wrote "{…}" after the line's own properties: turn its "{" into "," (or drop "{}" when it wrote nothing).
        var span = buffer.WrittenSpan.ToArray();
        var open = end - 1;
        if (span.Length - open == 2)
        {
            return [.. span.AsSpan(0, open), (byte)'}'];
        }

        span[open] = (byte)',';
        return span;
    }

    /// <summary>What ranking needs from a result line: its total, whether it was vetoed, its region (or that it is an error record).</summary>
    private static (bool IsError, decimal Total, bool Vetoed, Region? Region) Read(ReadOnlySpan<byte> line, long number)
    {
        var reader = new Utf8JsonReader(line);
        decimal? total = null;
        bool? vetoed = null;
        Region? region = null;
        try
        {
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName && (total is null || vetoed is null))
            {
                if (reader.ValueTextEquals("error"u8))
                {
                    return (true, 0, false, null);
                }

                var property = reader.ValueTextEquals("total"u8) ? 1 : reader.ValueTextEquals("vetoed"u8) ? 2 : reader.ValueTextEquals("subject"u8) ? 3 : 0;
                reader.Read();
                switch (property)
                {
                    case 1:
                        total = reader.GetDecimal();
                        break;
                    case 2:
                        vetoed = reader.GetBoolean();
                        break;
                    case 3:
                        region = ReadRegion(ref reader);
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"line {number} is not a batch result: {e.Message}", e);
        }

        if (total is null || vetoed is null)
        {
            throw new InvalidDataException($"line {number} is not a batch result: it has no 'total' and 'vetoed'");
        }

        return (false, total.Value, vetoed.Value, region);
    }

    private static Region? ReadRegion(ref Utf8JsonReader reader)
    {
        Region? region = null;
        var depth = reader.CurrentDepth;
        while (reader.Read() && reader.CurrentDepth > depth)
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == depth + 1 && reader.ValueTextEquals("region"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    string? province = null, city = null, county = null;
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var name = reader.GetString();
                        reader.Read();
                        var value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                        (province, city, county) = name switch
                        {
                            "province" => (value, city, county),
                            "city" => (province, value, county),
                            "county" => (province, city, value),
                            _ => (province, city, county),
                        };
                    }

                    region = new Region(province, city, county);
                }
            }
            else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
            }
        }

        return region;
    }

    /// <summary>One ranking's totals, highest first, with how many non-vetoed and vetoed subjects are above each.</summary>
    private sealed class Table
    {
        private readonly decimal[] _totals;
        private readonly long[] _aboveClear;
        private readonly long[] _aboveVetoed;
        private readonly long _clear;
        private readonly long _count;

        public Table(Tally tally)
        {
            var bars = tally.Bars().OrderByDescending(t => t.Total).ToList();
            _totals = new decimal[bars.Count];
            _aboveClear = new long[bars.Count + 1];
            _aboveVetoed = new long[bars.Count + 1];
            for (var i = 0; i < bars.Count; i++)
            {
                _totals[i] = bars[i].Total;
                _aboveClear[i + 1] = _aboveClear[i] + bars[i].Count - bars[i].Vetoed;
                _aboveVetoed[i + 1] = _aboveVetoed[i] + bars[i].Vetoed;
            }

            _clear = _aboveClear[^1];
            _count = _clear + _aboveVetoed[^1];
        }

        public RankPosition Position(decimal total, bool vetoed)
        {
            // The first bar not above the total: every bar before it is a higher total.
            int low = 0, high = _totals.Length;
            while (low < high)
            {
                var mid = (low + high) / 2;
                if (_totals[mid] > total)
                {
                    low = mid + 1;
                }
                else
                {
                    high = mid;
                }
            }

            var rank = vetoed ? _clear + _aboveVetoed[low] + 1 : _aboveClear[low] + 1;
            var percentile = _count <= 1 ? 100m : Tally.Normalize(Math.Round(100m * (_count - rank) / (_count - 1), 2, MidpointRounding.AwayFromZero));
            return new RankPosition(rank, _count, percentile);
        }
    }
}
