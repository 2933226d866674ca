using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace IndicatorEngine.Cli.Sheets;

/// <summary>
/// Writes a <see cref="ScoreSheet"/> as an Excel workbook (.xlsx) with the Open XML SDK: a title row, a header
/// row, one row per observation point with the first- and second-level cells merged over their points' rows, and
/// a total row with the verdict. Numbers are numeric cells; columns are as wide as their text (a Chinese
/// character counts two); text wraps; A4 landscape, one page wide. The same sheet gives the same bytes.
/// </summary>
internal static class ScoreSheetXlsx
{
    /// <summary>The worksheet's name.</summary>
    public const string SheetName = "自评表";

    /// <summary>Rows before the first point: the title and the header.</summary>
    public const int HeaderRows = 2;

    // Style indexes into the cell formats of Styles().
    private const uint TitleStyle = 1, HeaderStyle = 2, TextStyle = 3, NumberStyle = 4, TotalTextStyle = 5, TotalNumberStyle = 6;

    // Each column's narrowest and widest width, in characters.
    private static readonly (double Min, double Max)[] WidthBounds =
        [(10, 18), (6, 8), (10, 22), (6, 8), (14, 36), (10, 40), (8, 10), (8, 10), (8, 10), (24, 60)];

    public static void Write(ScoreSheet sheet, Stream stream)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            // Parts are added under fixed relationship ids: the SDK would otherwise make random ones.
            var workbook = document.AddNewPart<WorkbookPart>("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "rId1");
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>("rId2").Stylesheet = Styles();
            var worksheetPart = workbook.AddNewPart<WorksheetPart>("rId1");
            worksheetPart.Worksheet = BuildWorksheet(sheet);
            workbook.Workbook.AppendChild(new DocumentFormat.OpenXml.Spreadsheet.Sheets(new Sheet { Id = workbook.GetIdOfPart(worksheetPart), SheetId = 1, Name = SheetName }));
        }

        // The package stamps its entries with the time of writing: a fixed time makes the file depend on the sheet only.
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            foreach (var entry in zip.Entries)
            {
                entry.LastWriteTime = new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
            }
        }

        buffer.Position = 0;
        buffer.CopyTo(stream);
    }

    /// <summary>A1-style reference: column index from 0, row from 1.</summary>
    public static string Reference(int column, int row) => $"{(char)('A' + column)}{row.ToString(CultureInfo.InvariantCulture)}";

    private static Worksheet BuildWorksheet(ScoreSheet sheet)
    {
        var data = new SheetData();
        var merges = new List<string>();
        var last = ScoreSheet.Columns - 1;

        data.Append(new Row(TextCell(0, 1, sheet.Title, TitleStyle)) { RowIndex = 1 });
        merges.Add($"{Reference(0, 1)}:{Reference(last, 1)}");
        data.Append(new Row(sheet.Headers.Select((h, c) => TextCell(c, 2, h, HeaderStyle))) { RowIndex = 2 });

        var rowNumber = HeaderRows;
        foreach (var row in sheet.Rows)
        {
            rowNumber++;
            var r = rowNumber;
            data.Append(new Row(
                TextCell(0, r, row.First, TextStyle), NumberCell(1, r, row.FirstPoints, NumberStyle),
                TextCell(2, r, row.Second, TextStyle), NumberCell(3, r, row.SecondPoints, NumberStyle),
                TextCell(4, r, row.Point, TextStyle), TextCell(5, r, row.Id, TextStyle),
                NumberCell(6, r, row.DesignPoints, NumberStyle), NumberCell(7, r, row.SelfScore, NumberStyle),
                NumberCell(8, r, row.Verified, NumberStyle), TextCell(9, r, row.Note, TextStyle))
            { RowIndex = (uint)r });
            Merge(merges, 0, 1, r, row.FirstSpan);
            Merge(merges, 2, 3, r, row.SecondSpan);
        }

        var t = rowNumber + 1;
        var total = sheet.Total;
        Cell[] totalCells =
        [
            TextCell(0, t, total.Label, TotalTextStyle), .. Enumerable.Range(1, 5).Select(c => TextCell(c, t, "", TotalTextStyle)),
            NumberCell(6, t, total.DesignPoints, TotalNumberStyle), NumberCell(7, t, total.SelfScore, TotalNumberStyle),
            NumberCell(8, t, total.Verified, TotalNumberStyle), TextCell(9, t, total.Verdict, TotalTextStyle),
        ];
        data.Append(new Row(totalCells) { RowIndex = (uint)t });
        merges.Add($"{Reference(0, t)}:{Reference(5, t)}");

        var worksheet = new Worksheet(
            new SheetProperties(new PageSetupProperties { FitToPage = true }),
            new SheetViews(new SheetView(new Pane { VerticalSplit = HeaderRows, TopLeftCell = Reference(0, HeaderRows + 1), ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }),
            Widths(sheet),
            data,
            new MergeCells(merges.Select(m => new MergeCell { Reference = m })) { Count = (uint)merges.Count },
            new PageMargins { Left = 0.4, Right = 0.4, Top = 0.5, Bottom = 0.5, Header = 0.3, Footer = 0.3 },
            new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
        return worksheet;
    }

    /// <summary>Merges the level's name and points cells (columns <paramref name="name"/> and <paramref name="points"/>) over <paramref name="span"/> rows.</summary>
    private static void Merge(List<string> merges, int name, int points, int row, int span)
    {
        if (span > 1)
        {
            merges.Add($"{Reference(name, row)}:{Reference(name, row + span - 1)}");
            merges.Add($"{Reference(points, row)}:{Reference(points, row + span - 1)}");
        }
    }

    private static Columns Widths(ScoreSheet sheet)
    {
        var widths = sheet.Headers.Select(DisplayWidth).ToArray();
        foreach (var row in sheet.Rows)
        {
            string[] texts = [row.First, "", row.Second, "", row.Point, row.Id, "", "", "", row.Note];
            for (var c = 0; c < texts.Length; c++)
            {
                widths[c] = Math.Max(widths[c], DisplayWidth(texts[c]));
            }
        }

        var columns = new Columns();
        for (var c = 0; c < widths.Length; c++)
        {
            var (min, max) = WidthBounds[c];
            var index = (uint)(c + 1);
            columns.Append(new Column { Min = index, Max = index, Width = Math.Clamp(widths[c] + 2, min, max), CustomWidth = true });
        }

        return columns;
    }

    /// <summary>Width in characters as a spreadsheet shows it: a CJK (wide) character takes two.</summary>
    private static double DisplayWidth(string text)
    {
        var width = 0;
        foreach (var c in text)
        {
            width += c >= '\u1100' ? 2 : 1;
        }

        return width;
    }

    private static Cell TextCell(int column, int row, string text, uint style) => new()
    {
        CellReference = Reference(column, row),
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new Text(text)),
        StyleIndex = style,
    };

    private static Cell NumberCell(int column, int row, decimal? value, uint style) => value is { } number
        ? new Cell { CellReference = Reference(column, row), CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture)), StyleIndex = style }
        : new Cell { CellReference = Reference(column, row), StyleIndex = style };

    private static Stylesheet Styles()
    {
        const string font = "等线";
        var thin = new Border(
            new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder());
        Alignment Align(HorizontalAlignmentValues horizontal) => new() { Horizontal = horizontal, Vertical = VerticalAlignmentValues.Center, WrapText = true };
        return new Stylesheet(
            new Fonts(
                new Font(new FontSize { Val = 11 }, new FontName { Val = font }),
                new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = font }),
                new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = font }))
            { Count = 3 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFE7ECF2" }) { PatternType = PatternValues.Solid }))
            { Count = 3 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), thin) { Count = 2 },
            new CellStyleFormats(new CellFormat()) { Count = 1 },
            new CellFormats(
                new CellFormat(),
                new CellFormat { FontId = 2, ApplyFont = true },
                new CellFormat(Align(HorizontalAlignmentValues.Center)) { FontId = 1, FillId = 2, BorderId = 1, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true },
                new CellFormat(Align(HorizontalAlignmentValues.Left)) { BorderId = 1, ApplyBorder = true, ApplyAlignment = true },
                new CellFormat(Align(HorizontalAlignmentValues.Right)) { BorderId = 1, ApplyBorder = true, ApplyAlignment = true },
                new CellFormat(Align(HorizontalAlignmentValues.Left)) { FontId = 1, BorderId = 1, ApplyFont = true, ApplyBorder = true, ApplyAlignment = true },
                new CellFormat(Align(HorizontalAlignmentValues.Right)) { FontId = 1, BorderId = 1, ApplyFont = true, ApplyBorder = true, ApplyAlignment = true })
            { Count = 7 },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }
}
