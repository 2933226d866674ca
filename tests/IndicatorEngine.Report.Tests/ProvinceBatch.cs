using System.Text;
using IndicatorEngine.Batch;

namespace IndicatorEngine.Report.Tests;

/// <summary>
/// A province's batch for the province report tests: schools generated for a shipped system (EvidenceGenerator, a
/// fixed seed, regions from real Henan cities), scored by the BatchRunner into NDJSON results ranked across the
/// batch and by city, as <c>indicator batch</c> writes them. Made once per system and kept.
/// </summary>
internal static class ProvinceBatch
{
    public const int Schools = 200;

    private static readonly Dictionary<string, (byte[] Results, BatchSummary Summary)> Made = new(StringComparer.Ordinal);

    public static (byte[] Results, BatchSummary Summary) Of(string systemId)
    {
        lock (Made)
        {
            if (!Made.TryGetValue(systemId, out var made))
            {
                var system = Samples.System(systemId);
                using var schools = new MemoryStream();
                new EvidenceGenerator(system, seed: 7).WriteNdjson(schools, Schools);
                schools.Position = 0;
                using var output = new MemoryStream();
                var runner = new BatchRunner(system, new BatchOptions { Ranking = RankScopes.Batch | RankScopes.City });
                var summary = runner.RunAsync(BatchSource.Ndjson(schools, "schools.ndjson"), output).GetAwaiter().GetResult();
                made = (output.ToArray(), summary);
                Made[systemId] = made;
            }

            return made;
        }
    }

    /// <summary>The province report of <paramref name="results"/> as text.</summary>
    public static string Page(string systemId, byte[] results, BatchSummary? summary = null, Language? language = null)
    {
        using var input = new MemoryStream(results);
        using var output = new MemoryStream();
        BatchReportHtml.Write(Samples.System(systemId), input, "results.ndjson", output, summary, language);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    /// <summary>The results' lines as text.</summary>
    public static string[] Lines(byte[] results) => Encoding.UTF8.GetString(results).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public static byte[] Bytes(IEnumerable<string> lines) => Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");
}
