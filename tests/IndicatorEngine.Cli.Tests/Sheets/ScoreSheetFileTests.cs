using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using IndicatorEngine.Cli.Sheets;

namespace IndicatorEngine.Cli.Tests.Sheets;

/// <summary>
/// <c>indicator sheet</c>'s files read back: the xlsx with the Open XML SDK, the CSV by RFC 4180; every number
/// against the scorecard of the same evidence, the merged level cells, the byte order mark.
/// </summary>
public class ScoreSheetFileTests
{
    private static readonly IndicatorSystem Henan = IndicatorSystem.LoadShipped("henan-higher-vocational");

    private static Scorecard Card(string sample) => Henan.Score(SubjectEvidence.Load(RepoPaths.Sample(sample)).GetValueOrThrow());

    private static string WriteSheet(TempFolder folder, string sample, string name, params string[] more)
    {
        var path = folder.File(name);
        var result = Cli.Run(["sheet", "henan-higher-vocational", RepoPaths.Sample(sample), "--out", path, .. more]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return path;
    }

    [Fact]
    public void Xlsx_IsValidOpenXml_WithEveryPointsNumbersAsTheScorecardHasThem()
    {
        using var folder = Cli.TempFolder();
        var card = Card("self-assessed");
        using var document = SpreadsheetDocument.Open(WriteSheet(folder, "self-assessed", "sheet.xlsx"), false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        var sheet = Cells(document);

        Assert.Contains("中原数智职业技术学院", sheet.Text("A1"), StringComparison.Ordinal);
        Assert.Equal(["一级指标", "分值", "二级指标", "分值", "观测点", "编号", "设计分值", "自评分", "核算得分", "说明"], Enumerable.Range(0, 10).Select(c => sheet.Text(ScoreSheetXlsx.Reference(c, 2))));
        var points = card.ObservationPoints().ToList();
        Assert.Equal(51, points.Count);
        for (var i = 0; i < points.Count; i++)
        {
            var row = i + 3;
            Assert.Equal(points[i].Id, sheet.Text($"F{row}"));
            Assert.Equal(points[i].Max, sheet.Number($"G{row}"));
            Assert.Equal(points[i].SelfScore, sheet.Number($"H{row}"));
            Assert.Equal(points[i].Score, sheet.Number($"I{row}"));
            Assert.Equal(points[i].Explanation, sheet.Text($"J{row}"));
        }

        var total = points.Count + 3;
        Assert.Equal("合计", sheet.Text($"A{total}"));
        Assert.Equal(600m, sheet.Number($"G{total}"));
        Assert.Equal(557.5m, sheet.Number($"H{total}"));
        Assert.Equal(536.29m, sheet.Number($"I{total}"));
        Assert.StartsWith("达到申报条件", sheet.Text($"J{total}"), StringComparison.Ordinal);
    }

    [Fact]
    public void Xlsx_MergesEachLevelOverItsPointsRows()
    {
        using var folder = Cli.TempFolder();
        var card = Card("passing");
        using var document = SpreadsheetDocument.Open(WriteSheet(folder, "passing", "sheet.xlsx"), false);
        var worksheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var merged = worksheet.Descendants<MergeCell>().Select(m => m.Reference!.Value!).ToHashSet(StringComparer.Ordinal);

        var expected = new List<string> { "A1:J1" };
        var row = 3;
        foreach (var first in card.Indicators)
        {
            var firstRows = first.DescendantsAndSelf().Count(s => s.Children.Count == 0);
            expected.Add($"A{row}:A{row + firstRows - 1}");
            expected.Add($"B{row}:B{row + firstRows - 1}");
            foreach (var second in first.Children)
            {
                var secondRows = second.DescendantsAndSelf().Count(s => s.Children.Count == 0);
                if (secondRows > 1)
                {
                    expected.Add($"C{row}:C{row + secondRows - 1}");
                    expected.Add($"D{row}:D{row + secondRows - 1}");
                }

                row += secondRows;
            }
        }

        expected.Add($"A{row}:F{row}");
        Assert.Equal(expected.Order(StringComparer.Ordinal), merged.Order(StringComparer.Ordinal));
        var sheet = Cells(document);
        Assert.Equal("基础设施", sheet.Text("A3"));
        Assert.Equal(80m, sheet.Number("B3"));
        Assert.Equal("网络设施", sheet.Text("C3"));
        Assert.Equal(27m, sheet.Number("D3"));
        Assert.Equal("网络通信 / 出口带宽", sheet.Text("E4"));
    }

    [Fact]
    public void Xlsx_NumbersAreNumericCells_AndColumnsFitChinese()
    {
        using var folder = Cli.TempFolder();
        using var document = SpreadsheetDocument.Open(WriteSheet(folder, "self-assessed", "sheet.xlsx"), false);
        var worksheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var numbers = worksheet.Descendants<Cell>().Where(c => c.CellReference!.Value![0] is 'B' or 'D' or 'G' or 'H' or 'I' && c.CellValue is not null).ToList();
        Assert.NotEmpty(numbers);
        Assert.All(numbers, c => Assert.True(c.DataType is null || c.DataType.Value == CellValues.Number, c.CellReference));
        var widths = worksheet.Descendants<Column>().ToDictionary(c => c.Min!.Value, c => c.Width!.Value);
        Assert.True(widths[1] >= 2 * "网络信息安全".Length, $"first-level column {widths[1]}");
        Assert.True(widths[10] >= 40, $"notes column {widths[10]}");
        Assert.All(worksheet.Descendants<Column>(), c => Assert.True(c.CustomWidth?.Value));
    }

    [Fact]
    public void Xlsx_WithoutSelfScores_LeavesTheSelfScoreCellsEmpty()
    {
        using var folder = Cli.TempFolder();
        using var document = SpreadsheetDocument.Open(WriteSheet(folder, "passing", "sheet.xlsx"), false);
        var sheet = Cells(document);
        Assert.Null(sheet.Number("H3"));
        Assert.Null(sheet.Number("H54"));
        Assert.Equal(536.29m, sheet.Number("I54"));
    }

    [Fact]
    public void Xlsx_SameEvidence_SameBytes()
    {
        using var folder = Cli.TempFolder();
        var first = File.ReadAllBytes(WriteSheet(folder, "self-assessed", "a.xlsx"));
        var second = File.ReadAllBytes(WriteSheet(folder, "self-assessed", "b.xlsx"));
        Assert.Equal(first, second);
    }

    [Fact]
    public void Csv_HasByteOrderMark_RepeatsLevels_AndEveryNumberOfTheScorecard()
    {
        using var folder = Cli.TempFolder();
        var card = Card("self-assessed");
        var bytes = File.ReadAllBytes(WriteSheet(folder, "self-assessed", "sheet.csv"));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        var rows = Rfc4180(text);
        var points = card.ObservationPoints().ToList();
        Assert.Equal(points.Count + 2, rows.Count);
        Assert.All(rows, r => Assert.Equal(10, r.Count));
        Assert.Equal("一级指标", rows[0][0]);
        for (var i = 0; i < points.Count; i++)
        {
            var row = rows[i + 1];
            var first = card.Indicators.Single(f => f.DescendantsAndSelf().Contains(points[i]));
            Assert.Equal(first.Title.Zh, row[0]);
            Assert.Equal(first.Max, Parse(row[1]));
            Assert.Equal(points[i].Id, row[5]);
            Assert.Equal(points[i].Max, Parse(row[6]));
            Assert.Equal(points[i].SelfScore, Parse(row[7]));
            Assert.Equal(points[i].Score, Parse(row[8]));
            Assert.Equal(points[i].Explanation, row[9]);
        }

        Assert.Equal(["合计", "", "", "", "", "", "600", "557.5", "536.29"], rows[^1][..9]);
    }

    [Fact]
    public void Csv_QuotesAFieldWithACommaOrAQuote_AsRfc4180Says()
    {
        using var folder = Cli.TempFolder();
        var text = File.ReadAllText(WriteSheet(folder, "passing", "sheet.csv"), Encoding.UTF8);
        // The exit-bandwidth note has a comma in "16,850".
        var line = text.Split("\r\n").Single(l => l.Contains("exit-bandwidth", StringComparison.Ordinal));
        Assert.EndsWith("\"", line, StringComparison.Ordinal);
        Assert.Contains(",\"出口带宽", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_OpenPointsSayWhyInTheirNote()
    {
        using var folder = Cli.TempFolder();
        var path = folder.File("sheet.csv");
        Cli.Run("sheet", "henan-higher-vocational", RepoPaths.Sample("missing-evidence"), "--out", path);
        var rows = Rfc4180(File.ReadAllText(path, Encoding.UTF8).TrimStart('\uFEFF'));
        Assert.Contains(rows, r => r[9].StartsWith("缺少佐证：", StringComparison.Ordinal));
    }

    /// <summary>The cells of the one worksheet by reference: text from inline strings, numbers from values.</summary>
    private static SheetCells Cells(SpreadsheetDocument document) =>
        new(document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!, StringComparer.Ordinal));

    private sealed class SheetCells(Dictionary<string, Cell> cells)
    {
        public string Text(string reference) => cells[reference].InlineString?.Text?.Text ?? "";

        public decimal? Number(string reference) =>
            cells[reference].CellValue is { } value ? decimal.Parse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture) : null;
    }

    private static decimal? Parse(string cell) => cell.Length == 0 ? null : decimal.Parse(cell, CultureInfo.InvariantCulture);

    /// <summary>RFC 4180 rows (CRLF line ends, quoted fields with doubled quotes), written out here to check the file by the letter of the RFC.</summary>
    private static List<List<string>> Rfc4180(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        return rows;
    }
}
