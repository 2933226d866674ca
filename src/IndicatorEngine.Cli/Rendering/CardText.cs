using System.Globalization;

namespace IndicatorEngine.Cli.Rendering;

/// <summary>Words and numbers the scorecard table writes the way the library's JSON and Markdown reports do.</summary>
internal static class CardText
{
    /// <summary>The kebab-case status names of the result schema.</summary>
    public static string Status(ScoreStatus status) => status switch
    {
        ScoreStatus.Scored => "scored",
        ScoreStatus.Partial => "partial",
        ScoreStatus.MissingEvidence => "missing-evidence",
        ScoreStatus.NotApplicable => "not-applicable",
        ScoreStatus.Error => "error",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "unknown status"),
    };

    public static string Verdict(bool passed) => passed ? "通过 PASS" : "未通过 FAIL";

    /// <summary>A decimal without trailing zeros: 480, 536.29, 0.5.</summary>
    public static string Number(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary>A decimal with exactly <paramref name="decimals"/> places, so that a column lines up on the point.</summary>
    public static string Number(decimal value, int decimals) =>
        value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>How many places <see cref="Number(decimal)"/> writes.</summary>
    public static int Decimals(decimal value)
    {
        var text = Number(value);
        var point = text.IndexOf('.', StringComparison.Ordinal);
        return point < 0 ? 0 : text.Length - point - 1;
    }

    /// <summary>Decimal places to show every score of a scorecard with, so that they line up and read alike (4.00, 536.29).</summary>
    public static int ScoreDecimals(Scorecard scorecard) =>
        scorecard.Indicators.SelectMany(i => i.DescendantsAndSelf()).Select(s => Decimals(s.Score)).Append(Decimals(scorecard.Total)).Max();

    public static string Region(Region? region) =>
        region is null
            ? ""
            : string.Join(" ", new[] { region.Province, region.City, region.County }.Where(p => !string.IsNullOrWhiteSpace(p)));
}
