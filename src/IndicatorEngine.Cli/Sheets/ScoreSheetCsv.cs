using System.Text;

namespace IndicatorEngine.Cli.Sheets;

/// <summary>
/// Writes a <see cref="ScoreSheet"/> as CSV: UTF-8 with a byte order mark (spreadsheet programs then read the
/// Chinese right), lines ending CRLF, fields quoted as RFC 4180 says (a field with a comma, a quote or a line
/// break in quotes, its quotes doubled); a header row, one row per observation point with its level cells
/// repeated, and the total row. Numbers are written invariantly, without trailing zeros (2.54, 12); an empty field is no self-score. A text
/// field that a spreadsheet would take for a formula (starting with =, +, -, @) gets a leading apostrophe.
/// </summary>
internal static class ScoreSheetCsv
{
    public static void Write(ScoreSheet sheet, Stream stream)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        writer.WriteLine(string.Join(",", sheet.Headers.Select(Text)));
        foreach (var row in sheet.Rows)
        {
            writer.WriteLine(string.Join(",",
                Text(row.First), Number(row.FirstPoints), Text(row.Second), Number(row.SecondPoints), Text(row.Point), Text(row.Id),
                Number(row.DesignPoints), Number(row.SelfScore), Number(row.Verified), Text(row.Note)));
        }

        var total = sheet.Total;
        writer.WriteLine(string.Join(",", Text(total.Label), "", "", "", "", "", Number(total.DesignPoints), Number(total.SelfScore), Number(total.Verified), Text(total.Verdict)));
        writer.Flush();
    }

    private static string Number(decimal? value) => value is { } number ? ReportText.Number(number) : "";

    private static string Text(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
