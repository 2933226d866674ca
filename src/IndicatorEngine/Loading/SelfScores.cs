using System.Globalization;
using IndicatorEngine.Compiling;

namespace IndicatorEngine.Loading;

/// <summary>
/// Checks the self-scores an evidence document gives against the system they are scored with: each must name an
/// observation point and stay within its points. One that does not is an error (IE206) and is left out.
/// </summary>
internal static class SelfScores
{
    /// <summary>The usable self-scores by plan node index; every one that is not usable becomes a diagnostic.</summary>
    public static decimal?[] Resolve(EvaluationPlan plan, List<SelfScoreEntry> entries, ReadOnlySpan<byte> utf8, string name, List<Diagnostic> diagnostics)
    {
        var byNode = new decimal?[plan.Nodes.Length];
        var text = Utf8Text.WithoutMark(utf8);
        foreach (var entry in entries)
        {
            var problem = !plan.NodeIndex.TryGetValue(entry.PointId, out var index)
                ? $"'{entry.PointId}' is not an indicator of this system, so it cannot have a self-score; use an observation point's id as the definition spells it"
                : plan.Nodes[index].Scorer is null
                    ? $"'{entry.PointId}' is an indicator with indicators below it; give self-scores to its observation points, not to it"
                    : entry.Points > plan.Nodes[index].Indicator.Points
                        ? $"the self-score of '{entry.PointId}' is {Number(entry.Points)}, above its {Number(plan.Nodes[index].Indicator.Points)} points; give at most {Number(plan.Nodes[index].Indicator.Points)}"
                        : null;
            if (problem is null)
            {
                byNode[index] = entry.Points;
                continue;
            }

            var (line, column) = Utf8Text.LineAndColumn(text, (int)Math.Min(entry.Offset, text.Length));
            diagnostics.Add(new Diagnostic(DiagnosticCodes.SelfScoreInvalid, DiagnosticSeverity.Error, problem, name,
                JsonPointer.Append("/selfScores", entry.PointId), line, column));
        }

        return byNode;
    }

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
