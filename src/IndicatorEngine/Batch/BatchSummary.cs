using System.Globalization;
using System.Text;
using System.Text.Json;

namespace IndicatorEngine.Batch;

/// <summary>
/// What a batch came to: how many records, results and error records; how many passed, failed and were vetoed;
/// the mean, median, quartiles, least and greatest total; the grade distribution; each first-level indicator's
/// mean share; and the roll-up by province, city and county (<see cref="Regions"/>).
/// <para>
/// Summaries merge exactly (<see cref="Merge"/>): a summary keeps counts, exact decimal sums and the histogram of
/// totals (<see cref="Totals"/>) — never a rounded mean — so the merge of shards scored apart is the summary of
/// one run over all of them, the median and quartiles included. The histogram is small whatever the count:
/// totals are rounded to the system's precision, so there are at most (points × 10^precision + 1) of them.
/// </para>
/// <para>
/// The statistics are over the scored subjects (vetoed ones included; error records excluded). Quartiles and the
/// median are Hyndman and Fan's type 7 (R's default, Excel's QUARTILE.INC): for p in {0.25, 0.5, 0.75} and n
/// totals sorted x[0] ≤ … ≤ x[n−1], h = (n − 1)·p and Q = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]), exact in
/// decimal. Means and rates are rounded to 4 decimal places (half away from zero); sums are exact.
/// </para>
/// Read-only once the batch that made it has finished.
/// </summary>
public sealed class BatchSummary
{
    private readonly IReadOnlyList<(string Id, decimal Points)> _indicators;
    private readonly IReadOnlyList<TargetRule> _targets;
    private readonly List<string?> _gradeOrder;
    private readonly Dictionary<string, long> _grades = new(StringComparer.Ordinal);
    private readonly Tally _all;
    private readonly Dictionary<(RegionLevel Level, string? Province, string? City, string? County), Tally> _regions = [];

    private BatchSummary(string systemId, string systemVersion, IReadOnlyList<(string Id, decimal Points)> indicators, IEnumerable<string?> gradeOrder, IReadOnlyList<TargetRule> targets)
    {
        SystemId = systemId;
        SystemVersion = systemVersion;
        _indicators = indicators;
        _targets = targets;
        _gradeOrder = gradeOrder.ToList();
        _all = new Tally(indicators.Count, targets.Count);
    }

    /// <summary>Id of the indicator system the subjects were scored against.</summary>
    public string SystemId { get; }

    /// <summary>Its version.</summary>
    public string SystemVersion { get; }

    /// <summary>Every record of the input: results and error records.</summary>
    public long Records { get; private set; }

    /// <summary>Error records (blank, malformed, unscorable, duplicate id…): not in any statistic.</summary>
    public long Errors { get; private set; }

    /// <summary>Subjects scored (results).</summary>
    public long Scored => _all.Count;

    /// <summary>Of those, passed (<see cref="Verdict.Passed"/>: the bar reached with every open point at 0, no veto fired or undecided).</summary>
    public long Passed => _all.Passed;

    /// <summary>Of those, failed without a veto (the bar out of reach even with every open point at its full points).</summary>
    public long Failed => _all.Count - _all.Passed - _all.Vetoed - _all.Undetermined;

    /// <summary>Of those, undetermined (<see cref="Verdict.Undetermined"/>: evidence missing or invalid where it decides the verdict).</summary>
    public long Undetermined => _all.Undetermined;

    /// <summary>Of those, vetoed.</summary>
    public long Vetoed => _all.Vetoed;

    /// <summary>Sum of the totals (exact).</summary>
    public decimal Sum => Tally.Normalize(_all.Sum);

    /// <summary>Mean total, to 4 decimal places; null when nothing was scored.</summary>
    public decimal? Mean => MeanOf(_all);

    /// <summary>Least total; null when nothing was scored.</summary>
    public decimal? Min => Quantile(0m);

    /// <summary>First quartile (type 7); null when nothing was scored.</summary>
    public decimal? LowerQuartile => Quantile(0.25m);

    /// <summary>Median (type 7); null when nothing was scored.</summary>
    public decimal? Median => Quantile(0.5m);

    /// <summary>Third quartile (type 7); null when nothing was scored.</summary>
    public decimal? UpperQuartile => Quantile(0.75m);

    /// <summary>Greatest total; null when nothing was scored.</summary>
    public decimal? Max => Quantile(1m);

    /// <summary>Subjects by grade, in the system's order (every grade, counts of 0 included), then those without a grade when there are any.</summary>
    public IReadOnlyList<GradeCount> Grades =>
        _gradeOrder.Where(g => g is not null || _grades.GetValueOrDefault("") > 0)
            .Select(g => new GradeCount(g, _grades.GetValueOrDefault(g ?? ""))).ToList();

    /// <summary>Each first-level indicator's sum and mean share over every scored subject.</summary>
    public IReadOnlyList<IndicatorShare> Indicators => SharesOf(_all, _indicators);

    /// <summary>The exact histogram of totals, ascending.</summary>
    public IReadOnlyList<TotalCount> Totals => _all.Ascending();

    /// <summary>The regional targets the definition declares (<c>targets</c>), each met or not across the whole batch.</summary>
    public IReadOnlyList<TargetOutcome> Targets => OutcomesOf(_all, _targets);

    /// <summary>The roll-ups by province, then city, then county, each level in ordinal order of its names.</summary>
    public IReadOnlyList<RegionSummary> Regions =>
        _regions.OrderBy(r => r.Key.Level)
            .ThenBy(r => r.Key.Province, StringComparer.Ordinal)
            .ThenBy(r => r.Key.City, StringComparer.Ordinal)
            .ThenBy(r => r.Key.County, StringComparer.Ordinal)
            .Select(r => new RegionSummary(r.Key.Level, r.Key.Province, r.Key.City, r.Key.County, r.Value, _indicators, _targets))
            .ToList();

    internal Tally All => _all;

    /// <summary>
    /// Merges summaries of the same system, e.g. of shards scored apart: the result equals the summary of one run
    /// over all of their records. Subject ids are not kept in a summary, so shards must not share ids (one run
    /// would have made the second copy an error record; a merge cannot tell).
    /// </summary>
    /// <param name="summaries">At least one summary, all of the same system id and version.</param>
    /// <returns>The merged summary.</returns>
    /// <exception cref="ArgumentException">No summaries, or summaries of different systems.</exception>
    public static BatchSummary Merge(IEnumerable<BatchSummary> summaries)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        var list = summaries.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("give at least one summary to merge", nameof(summaries));
        }

        var first = list[0];
        var merged = new BatchSummary(first.SystemId, first.SystemVersion, first._indicators, first._gradeOrder, first._targets);
        foreach (var summary in list)
        {
            if (summary.SystemId != first.SystemId || summary.SystemVersion != first.SystemVersion || !summary._indicators.SequenceEqual(first._indicators)
                || !summary._targets.Select(t => (t.Id, t.Kind, t.Required)).SequenceEqual(first._targets.Select(t => (t.Id, t.Kind, t.Required))))
            {
                throw new ArgumentException($"cannot merge a summary of {summary.SystemId} {summary.SystemVersion} with one of {first.SystemId} {first.SystemVersion}", nameof(summaries));
            }

            merged.Records += summary.Records;
            merged.Errors += summary.Errors;
            foreach (var grade in summary._gradeOrder.Where(g => !merged._gradeOrder.Contains(g)))
            {
                merged._gradeOrder.Add(grade);
            }

            foreach (var (grade, count) in summary._grades)
            {
                merged._grades[grade] = merged._grades.GetValueOrDefault(grade) + count;
            }

            merged._all.Merge(summary._all);
            foreach (var (key, tally) in summary._regions)
            {
                merged.RegionTally(key).Merge(tally);
            }
        }

        return merged;
    }

    /// <summary>Reads a summary written by <see cref="WriteJson(Utf8JsonWriter)"/> (e.g. to merge shards' summaries saved to files).</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="InvalidDataException">The text is not a summary.</exception>
    public static BatchSummary Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var system = root.GetProperty("system");
            var indicators = root.GetProperty("indicators").EnumerateArray()
                .Select(i => (i.GetProperty("id").GetString()!, i.GetProperty("points").GetDecimal())).ToList();
            var grades = root.GetProperty("grades").EnumerateArray().ToList();
            var targets = root.GetProperty("targets").EnumerateArray()
                .Select(t => new TargetRule(t.GetProperty("id").GetString()!, t.GetProperty("title").GetString()!, Enum.Parse<TargetKind>(t.GetProperty("kind").GetString()!, ignoreCase: true), t.GetProperty("required").GetDecimal()))
                .ToList();
            var summary = new BatchSummary(system.GetProperty("id").GetString()!, system.GetProperty("version").GetString()!, indicators, grades.Select(g => g.GetProperty("id").GetString()), targets)
            {
                Records = root.GetProperty("records").GetInt64(),
                Errors = root.GetProperty("errors").GetInt64(),
            };
            foreach (var grade in grades)
            {
                summary._grades[grade.GetProperty("id").GetString() ?? ""] = grade.GetProperty("count").GetInt64();
            }

            ReadTally(root, summary._all);
            foreach (var region in root.GetProperty("regions").EnumerateArray())
            {
                var level = Enum.Parse<RegionLevel>(region.GetProperty("level").GetString()!, ignoreCase: true);
                ReadTally(region, summary.RegionTally((level, region.GetProperty("province").GetString(), region.GetProperty("city").GetString(), region.GetProperty("county").GetString())));
            }

            return summary;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new InvalidDataException($"not a batch summary: {e.Message}", e);
        }
    }

    /// <summary>
    /// Writes the summary as one JSON object: the counts and statistics, <c>grades</c>, <c>indicators</c>, the exact
    /// <c>totals</c> histogram and <c>regions</c> (each with its own histogram), everything <see cref="Parse"/> needs
    /// to merge it again.
    /// </summary>
    /// <param name="writer">Where to write; not flushed.</param>
    public void WriteJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteStartObject("system");
        writer.WriteString("id", SystemId);
        writer.WriteString("version", SystemVersion);
        writer.WriteEndObject();
        writer.WriteNumber("records", Records);
        writer.WriteNumber("scored", Scored);
        writer.WriteNumber("passed", Passed);
        writer.WriteNumber("failed", Failed);
        writer.WriteNumber("undetermined", Undetermined);
        writer.WriteNumber("vetoed", Vetoed);
        writer.WriteNumber("errors", Errors);
        writer.WriteNumber("sum", Sum);
        Number(writer, "mean", Mean);
        Number(writer, "min", Min);
        Number(writer, "lowerQuartile", LowerQuartile);
        Number(writer, "median", Median);
        Number(writer, "upperQuartile", UpperQuartile);
        Number(writer, "max", Max);
        writer.WriteStartArray("grades");
        foreach (var grade in Grades)
        {
            writer.WriteStartObject();
            writer.WriteString("id", grade.GradeId);
            writer.WriteNumber("count", grade.Count);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WriteIndicators(writer, Indicators);
        WriteTargets(writer, _all, _targets);
        WriteTotals(writer, _all);
        writer.WriteStartArray("regions");
        foreach (var region in Regions)
        {
            writer.WriteStartObject();
            writer.WriteString("level", region.Level.ToString().ToLowerInvariant());
            writer.WriteString("province", region.Province);
            writer.WriteString("city", region.City);
            writer.WriteString("county", region.County);
            writer.WriteNumber("count", region.Count);
            writer.WriteNumber("passed", region.Passed);
            writer.WriteNumber("undetermined", region.Undetermined);
            writer.WriteNumber("vetoed", region.Vetoed);
            writer.WriteNumber("passRate", region.PassRate);
            writer.WriteNumber("sum", region.Sum);
            Number(writer, "mean", region.Mean);
            WriteIndicators(writer, region.Indicators);
            WriteTargets(writer, region.Tally, _targets);
            WriteTotals(writer, region.Tally);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>The summary as JSON text (<see cref="WriteJson(Utf8JsonWriter)"/>).</summary>
    /// <param name="indented">True for one property per line.</param>
    /// <returns>The JSON document.</returns>
    public string ToJson(bool indented = true)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, ScorecardJson.Options(indented)))
        {
            WriteJson(writer);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    internal static BatchSummary For(IndicatorSystem system)
    {
        var indicators = system.Plan.Roots.Select(r => (system.Plan.Nodes[r].Indicator.Id, system.Plan.Nodes[r].Indicator.Points)).ToList();
        var grades = new List<string?>();
        foreach (var grade in system.Profiles.SelectMany(p => p.Grades).Concat(system.Grades))
        {
            if (!grades.Contains(grade.Id))
            {
                grades.Add(grade.Id);
            }
        }

        grades.Add(null);
        return new BatchSummary(system.Id, system.Version, indicators, grades, TargetRule.Of(system));
    }

    internal static decimal Ratio(long part, long whole) =>
        whole == 0 ? 0m : Tally.Normalize(Math.Round((decimal)part / whole, 4, MidpointRounding.AwayFromZero));

    internal static decimal? MeanOf(Tally tally) =>
        tally.Count == 0 ? null : Tally.Normalize(Math.Round(tally.Sum / tally.Count, 4, MidpointRounding.AwayFromZero));

    internal static IReadOnlyList<IndicatorShare> SharesOf(Tally tally, IReadOnlyList<(string Id, decimal Points)> indicators) =>
        indicators.Select((indicator, i) => new IndicatorShare(
            indicator.Id,
            indicator.Points,
            Tally.Normalize(tally.IndicatorSums[i]),
            tally.Count == 0 || indicator.Points == 0 ? 0m : Tally.Normalize(Math.Round(tally.IndicatorSums[i] / (tally.Count * indicator.Points), 4, MidpointRounding.AwayFromZero))))
        .ToList();

    internal static IReadOnlyList<TargetOutcome> OutcomesOf(Tally tally, IReadOnlyList<TargetRule> targets) =>
        targets.Select((target, i) => target.Outcome(tally.Targets[i])).ToList();

    /// <summary>The definition's regional targets, in its order.</summary>
    internal IReadOnlyList<TargetRule> TargetRules => _targets;

    /// <summary>Counts one scored subject.</summary>
    internal void Add(Scorecard card)
    {
        Span<TargetCount> targets = _targets.Count <= 16 ? stackalloc TargetCount[_targets.Count] : new TargetCount[_targets.Count];
        for (var i = 0; i < targets.Length; i++)
        {
            targets[i] = _targets[i].Count(card);
        }

        Add(card.Total, card.Verdict, card.Vetoed, card.Grade?.Id, card.Subject.Region, card.NodeScores!, card.Plan!.Roots, targets);
    }

    /// <summary>
    /// Counts one subject from its result as a batch wrote it (no evidence): the targets decided by the verdict are
    /// counted, those that read evidence are not (<see cref="TargetRule.NeedsEvidence"/>).
    /// </summary>
    internal void AddResult(decimal total, Verdict verdict, bool vetoed, string? gradeId, Region? region, string profile, decimal[] nodeScores, int[] roots)
    {
        Span<TargetCount> targets = _targets.Count <= 16 ? stackalloc TargetCount[_targets.Count] : new TargetCount[_targets.Count];
        for (var i = 0; i < targets.Length; i++)
        {
            targets[i] = _targets[i].CountResult(profile, verdict);
        }

        Add(total, verdict, vetoed, gradeId, region, nodeScores, roots, targets);
    }

    private void Add(decimal total, Verdict verdict, bool vetoed, string? gradeId, Region? region, decimal[] scores, int[] roots, ReadOnlySpan<TargetCount> targets)
    {
        Records++;
        _all.Add(total, verdict, vetoed, scores, roots, targets);
        var grade = gradeId ?? "";
        _grades[grade] = _grades.GetValueOrDefault(grade) + 1;
        if (region is null)
        {
            return;
        }

        if (region.Province is not null)
        {
            RegionTally((RegionLevel.Province, region.Province, null, null)).Add(total, verdict, vetoed, scores, roots, targets);
        }

        if (region.City is not null)
        {
            RegionTally((RegionLevel.City, region.Province, region.City, null)).Add(total, verdict, vetoed, scores, roots, targets);
        }

        if (region.County is not null)
        {
            RegionTally((RegionLevel.County, region.Province, region.City, region.County)).Add(total, verdict, vetoed, scores, roots, targets);
        }
    }

    /// <summary>Counts one error record.</summary>
    internal void AddError()
    {
        Records++;
        Errors++;
    }

    /// <summary>The tally of a region, or null when no subject of it was scored.</summary>
    internal Tally? FindRegion(RegionLevel level, string? province, string? city, string? county) =>
        _regions.GetValueOrDefault((level, province, city, county));

    private static void Number(Utf8JsonWriter writer, string name, decimal? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteIndicators(Utf8JsonWriter writer, IReadOnlyList<IndicatorShare> shares)
    {
        writer.WriteStartArray("indicators");
        foreach (var share in shares)
        {
            writer.WriteStartObject();
            writer.WriteString("id", share.Id);
            writer.WriteNumber("points", share.Points);
            writer.WriteNumber("sum", share.Sum);
            writer.WriteNumber("meanShare", share.MeanShare);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteTargets(Utf8JsonWriter writer, Tally tally, IReadOnlyList<TargetRule> targets)
    {
        writer.WriteStartArray("targets");
        for (var i = 0; i < targets.Count; i++)
        {
            var outcome = targets[i].Outcome(tally.Targets[i]);
            writer.WriteStartObject();
            writer.WriteString("id", outcome.Id);
            writer.WriteString("title", outcome.Title);
            writer.WriteString("kind", outcome.Kind.ToString().ToLowerInvariant());
            writer.WriteNumber("counted", outcome.Counted);
            writer.WriteNumber("met", outcome.Met);
            writer.WriteNumber("value", outcome.Value);
            writer.WriteNumber("required", outcome.Required);
            writer.WriteBoolean("achieved", outcome.Achieved);
            writer.WriteNumber("sum", Tally.Normalize(tally.Targets[i].Sum));
            writer.WriteNumber("weight", Tally.Normalize(tally.Targets[i].Weight));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteTotals(Utf8JsonWriter writer, Tally tally)
    {
        writer.WriteStartArray("totals");
        foreach (var bar in tally.Ascending())
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(bar.Total);
            writer.WriteNumberValue(bar.Count);
            writer.WriteNumberValue(bar.Vetoed);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }

    private static void ReadTally(JsonElement element, Tally tally)
    {
        tally.Count = element.GetProperty(element.TryGetProperty("scored", out _) ? "scored" : "count").GetInt64();
        tally.Passed = element.GetProperty("passed").GetInt64();
        tally.Undetermined = element.GetProperty("undetermined").GetInt64();
        tally.Vetoed = element.GetProperty("vetoed").GetInt64();
        tally.Sum = element.GetProperty("sum").GetDecimal();
        var i = 0;
        foreach (var indicator in element.GetProperty("indicators").EnumerateArray())
        {
            tally.IndicatorSums[i++] = indicator.GetProperty("sum").GetDecimal();
        }

        var t = 0;
        foreach (var target in element.GetProperty("targets").EnumerateArray())
        {
            tally.Targets[t++] = new TargetCount(target.GetProperty("counted").GetInt64(), target.GetProperty("met").GetInt64(), target.GetProperty("sum").GetDecimal(), target.GetProperty("weight").GetDecimal());
        }

        foreach (var bar in element.GetProperty("totals").EnumerateArray())
        {
            tally.AddTotal(bar[0].GetDecimal(), bar[1].GetInt64(), bar[2].GetInt64());
        }
    }

    private Tally RegionTally((RegionLevel, string?, string?, string?) key)
    {
        if (!_regions.TryGetValue(key, out var tally))
        {
            tally = new Tally(_indicators.Count, _targets.Count);
            _regions[key] = tally;
        }

        return tally;
    }

    /// <summary>The total at quantile p (type 7), read off the histogram.</summary>
    private decimal? Quantile(decimal p)
    {
        var n = _all.Count;
        if (n == 0)
        {
            return null;
        }

        var h = (n - 1) * p;
        var low = (long)decimal.Floor(h);
        var fraction = h - low;
        var bars = _all.Ascending();
        var x = At(bars, low);
        return fraction == 0 ? x : Tally.Normalize(x + (fraction * (At(bars, low + 1) - x)));

        static decimal At(IReadOnlyList<TotalCount> bars, long index)
        {
            foreach (var bar in bars)
            {
                if (index < bar.Count)
                {
                    return bar.Total;
                }

                index -= bar.Count;
            }

            return bars[^1].Total;
        }
    }
}
