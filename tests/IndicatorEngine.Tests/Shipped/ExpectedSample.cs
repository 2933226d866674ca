using System.Globalization;
using System.Text.RegularExpressions;

namespace IndicatorEngine.Tests.Shipped;

/// <summary>
/// What a sample's EXPECTED.md (worked out by hand) says about it: every leaf's score and status, every
/// group's subtotal, the total, verdict, grade and veto. Parsed so the tests compare all of it, not a few numbers.
/// </summary>
internal sealed partial record ExpectedSample(
    string System,
    string Sample,
    Dictionary<string, (decimal Score, string Status)> Leaves,
    Dictionary<string, decimal> Subtotals,
    decimal Total,
    decimal TotalUpperBound,
    Verdict Verdict,
    string? Grade,
    string? GradeUpperBound,
    string? Veto,
    string? UndecidedVeto)
{
    public override string ToString() => $"{System}/{Sample}";

    public static IEnumerable<ExpectedSample> ReadAll()
    {
        foreach (var folder in Directory.GetDirectories(Path.Combine(RepoPaths.Indicators, "samples")).Order(StringComparer.Ordinal))
        {
            var system = Path.GetFileName(folder);
            var text = File.ReadAllText(Path.Combine(folder, "EXPECTED.md"));
            var sections = SectionHeading().Split(text);

            // Split gives [preamble, name1, body1, name2, body2, …].
            for (var i = 1; i + 1 < sections.Length; i += 2)
            {
                yield return Parse(system, sections[i], sections[i + 1]);
            }
        }
    }

    private static ExpectedSample Parse(string system, string sample, string body)
    {
        var leaves = new Dictionary<string, (decimal, string)>(StringComparer.Ordinal);
        foreach (Match m in LeafRow().Matches(body))
        {
            leaves[m.Groups["id"].Value] = (decimal.Parse(m.Groups["score"].Value, CultureInfo.InvariantCulture), m.Groups["status"].Value);
        }

        var subtotals = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (Match m in SubtotalRow().Matches(body))
        {
            subtotals[m.Groups["id"].Value] = decimal.Parse(m.Groups["score"].Value, CultureInfo.InvariantCulture);
        }

        var total = decimal.Parse(TotalLine().Match(body).Groups[1].Value, CultureInfo.InvariantCulture);
        var upper = UpperBoundLine().Match(body) is { Success: true } u ? decimal.Parse(u.Groups[1].Value, CultureInfo.InvariantCulture) : total;
        var verdict = Enum.Parse<Verdict>(VerdictLine().Match(body).Groups[1].Value, ignoreCase: true);
        var grade = GradeLine().Match(body);
        var low = grade.Groups["low"].Success ? grade.Groups["low"].Value : null;
        var high = grade.Groups["high"].Success ? grade.Groups["high"].Value : low;
        var veto = VetoLine().Match(body) is { Success: true } v ? v.Groups[1].Value : null;
        var undecided = UndecidedLine().Match(body) is { Success: true } d ? d.Groups[1].Value : null;
        return new ExpectedSample(system, sample, leaves, subtotals, total, upper, verdict, low, high, veto, undecided);
    }

    [GeneratedRegex(@"^## `([a-z-]+)\.json`.*$", RegexOptions.Multiline)]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"^\| \d+ \| `(?<id>[^`\n]+)` \|.*\| (?<score>[\d.]+) \| (?<status>[a-z-]+) \|[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex LeafRow();

    [GeneratedRegex(@"^\| [^|\n]*`(?<id>[^`\n]+)`[^|\n]* \| [a-z-]+ \| [\d.]+ \| \**(?<score>[\d.]+)\** \|[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex SubtotalRow();

    [GeneratedRegex(@"\*\*total: ([\d.]+)\*\*")]
    private static partial Regex TotalLine();

    [GeneratedRegex(@"\*\*upper bound: ([\d.]+)\*\*")]
    private static partial Regex UpperBoundLine();

    [GeneratedRegex(@"\*\*verdict: `(passed|failed|undetermined)`")]
    private static partial Regex VerdictLine();

    /// <summary><c>**grade: `pass` (达标)**</c>, <c>**grade: `pass` (达标) to `good` (良好)**</c>, or <c>**grade: none**</c>.</summary>
    [GeneratedRegex(@"\*\*grade: (?:`(?<low>[a-z-]+)`[^`\n]*?(?: to `(?<high>[a-z-]+)`[^`\n]*?)?|none)\*\*")]
    private static partial Regex GradeLine();

    [GeneratedRegex(@"\*\*undecided veto: `([a-z0-9-]+)`")]
    private static partial Regex UndecidedLine();

    [GeneratedRegex(@"\*\*vetoed: `([a-z0-9-]+)`")]
    private static partial Regex VetoLine();
}
