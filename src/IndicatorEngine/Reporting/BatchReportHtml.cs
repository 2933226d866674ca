using System.Globalization;
using IndicatorEngine.Batch;

namespace IndicatorEngine;

/// <summary>
/// Renders a batch's results (the NDJSON lines <c>indicator batch</c> or <see cref="BatchRunner"/> wrote, at detail
/// <c>indicators</c> or <c>full</c>) as one self-contained HTML page for a province: the counts and statistics; a
/// histogram of the totals with the pass bar marked, the grade distribution, each first-level indicator's mean
/// share and each city's pass rate as charts; the grade table; the weakest indicators (the first-level indicators
/// and the observation points with the lowest mean share of their points); the regional roll-up by city and county
/// with the definition's targets met or missed; and the ranking, sortable by any column and filterable by city.
/// The results are read one line at a time into a <see cref="BatchSummary"/> (the tallies a batch keeps) and
/// ranked by <see cref="BatchRanking"/>. Like <see cref="ScorecardHtml"/> it works offline (Apache ECharts
/// inlined, fonts from the system, no request), prints on A4, HTML-escapes every text and is in Chinese unless
/// asked otherwise. Thread-safe.
/// </summary>
public static class BatchReportHtml
{
    /// <summary>The most schools the ranking table lists (the best ranked); the statistics count every one.</summary>
    public const int MaxRankingRows = 5000;

    /// <summary>Reads the results and writes the page as UTF-8 (no byte order mark).</summary>
    /// <param name="system">The system the batch was scored against.</param>
    /// <param name="results">The batch's NDJSON results, read to the end one line at a time; not closed.</param>
    /// <param name="resultsName">The results' name for diagnostics and the page, e.g. the file name.</param>
    /// <param name="output">Where to write the page; flushed, not closed.</param>
    /// <param name="summary">
    /// The summary the batch wrote with the results (<c>indicator batch --summary</c>), or null to build it from the
    /// results. Targets that read evidence (a mean of a value, a share by a value) can be counted only from the
    /// batch's own summary: without it they are shown as not known.
    /// </param>
    /// <param name="language">The page's language; null for the system's.</param>
    /// <exception cref="IndicatorLoadException">
    /// A line is not a result or error record of <paramref name="system"/>, or a result has no indicators (IE505, with
    /// its line number); or <paramref name="summary"/> counts other records than the results hold.
    /// </exception>
    /// <exception cref="ArgumentException"><paramref name="summary"/> is of another system.</exception>
    public static void Write(IndicatorSystem system, Stream results, string resultsName, Stream output, BatchSummary? summary = null, Language? language = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(resultsName);
        ArgumentNullException.ThrowIfNull(output);
        if (summary is not null && (summary.SystemId != system.Id || summary.SystemVersion != system.Version))
        {
            throw new ArgumentException($"the summary is of {summary.SystemId} {summary.SystemVersion}, not of {system.Id} {system.Version}", nameof(summary));
        }

        var read = BatchResults.Read(system, results, resultsName);
        if (summary is not null && summary.Records != read.Summary.Records)
        {
            throw new IndicatorLoadException([new Diagnostic(DiagnosticCodes.BadResultLine, DiagnosticSeverity.Error,
                $"the results hold {read.Summary.Records} records but the summary counts {summary.Records}; give the summary the same batch wrote (--summary)", resultsName)]);
        }

        var page = new BatchReportPage(system, read, summary ?? read.Summary, summary is not null, language ?? system.Language, Path.GetFileName(resultsName));
        using var writer = new StreamWriter(output, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 64 * 1024, leaveOpen: true) { NewLine = "\n" };
        page.Write(writer);
        writer.Flush();
    }
}
