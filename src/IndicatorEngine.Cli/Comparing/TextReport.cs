using System.Globalization;
using IndicatorEngine.Cli.Rendering;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace IndicatorEngine.Cli.Comparing;

/// <summary>
/// A report for the console built from parts: labelled lines, headings and tables in the scorecard table's style
/// (a rule under the header only, columns sized to their cells, numbers right-aligned), rendered for a
/// <see cref="ConsoleTarget"/>: styled on a terminal, plain text without blanks at line ends otherwise. Every cell
/// passes through <see cref="SafeText"/> and is never read as markup.
/// </summary>
internal sealed class TextReport(ConsoleTarget target)
{
    private const int Gap = 2;
    private const int MaximumTextWidth = 40;

    private static readonly Style Bold = new(decoration: Decoration.Bold);

    private readonly List<IRenderable> _parts = [];
    private int _width = target.Width;

    /// <summary>A heading line, bold, with a blank line before it unless it is the first part.</summary>
    public TextReport Heading(string text)
    {
        if (_parts.Count > 0)
        {
            _parts.Add(new Text(""));
        }

        _parts.Add(new Text(SafeText.Line(text), Bold));
        return this;
    }

    /// <summary>Label and value pairs, the labels bold in a column of their own.</summary>
    public TextReport Labelled(IEnumerable<(string Label, string Value)> lines)
    {
        var list = lines.Select(l => (l.Label, (IRenderable)new Text(SafeText.Line(l.Value)))).ToList();
        if (list.Count > 0)
        {
            _parts.Add(ScorecardTable.Labelled(list));
        }

        return this;
    }

    /// <summary>One line of text.</summary>
    public TextReport Line(string text)
    {
        _parts.Add(new Text(SafeText.Line(text)));
        return this;
    }

    /// <summary>A list, one item a line after a dash; an item too long for the line wraps under its own start.</summary>
    public TextReport Bullets(IEnumerable<string> items)
    {
        var grid = new Grid();
        grid.AddColumn(new GridColumn().NoWrap().PadLeft(0).PadRight(1));
        grid.AddColumn(new GridColumn().PadLeft(0).PadRight(0));
        foreach (var item in items)
        {
            grid.AddRow(new Text("-"), new Text(SafeText.Line(item)));
        }

        _parts.Add(grid);
        return this;
    }

    /// <summary>A table; columns in <paramref name="rightAligned"/> (numbers) are right-aligned and never wrap, the others wrap past 40 columns.</summary>
    public TextReport Table(string[] headers, IEnumerable<string[]> rows, params int[] rightAligned)
    {
        var cells = rows.Select(r => r.Select(SafeText.Line).ToArray()).ToList();
        var widths = new int[headers.Length];
        foreach (var row in cells.Append(headers))
        {
            for (var c = 0; c < widths.Length; c++)
            {
                widths[c] = Math.Max(widths[c], ScorecardTable.Cells(row[c]));
            }
        }

        for (var c = 0; c < widths.Length; c++)
        {
            if (!rightAligned.Contains(c))
            {
                widths[c] = Math.Min(widths[c], MaximumTextWidth);
            }
        }

        var table = new Table { Border = new ScorecardTable.HeaderRuleBorder(target.Ansi ? "─" : "-"), ShowFooters = false };
        for (var c = 0; c < headers.Length; c++)
        {
            table.AddColumn(new TableColumn(new Text(headers[c], Bold))
            {
                Padding = new Padding(0, 0, c == headers.Length - 1 ? 0 : Gap, 0),
                Width = widths[c],
                NoWrap = rightAligned.Contains(c),
                Alignment = rightAligned.Contains(c) ? Justify.Right : Justify.Left,
            });
        }

        foreach (var row in cells)
        {
            table.AddRow(row.Select(cell => (IRenderable)new Text(cell)).ToArray());
        }

        // Spectre counts a column for each edge and column line of the border, even where it draws nothing.
        _width = Math.Max(_width, widths.Sum() + (headers.Length - 1) * Gap + headers.Length + 1);
        _parts.Add(table);
        return this;
    }

    /// <summary>The report as text, lines ending with <c>\n</c>, ending with one.</summary>
    public string Render()
    {
        using var buffer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var console = (target with { Width = _width }).CreateConsole(buffer);
        foreach (var part in _parts)
        {
            console.Write(part);
            if (part is Text)
            {
                console.WriteLine();
            }
        }

        var text = buffer.ToString().ReplaceLineEndings("\n");
        text = target.Ansi ? text : ScorecardTable.TrimLineEnds(text);
        return text.EndsWith('\n') ? text : text + "\n";
    }
}
