using System.Globalization;
using System.Text.Json;
using IndicatorEngine.Batch;

namespace IndicatorEngine;

/// <summary>One school's line of the ranking in a province report.</summary>
internal sealed record ResultRow(string Id, string? Name, string? City, string? County, decimal Total, Verdict Verdict, bool Vetoed, string? GradeId)
{
    /// <summary>Its place among every subject of the summary it is ranked against.</summary>
    public RankPosition? Rank { get; set; }
}

/// <summary>An observation point across the province: the sum of its scores and the subjects it applied to.</summary>
internal sealed record PointShare(string Id, decimal Points, decimal Sum, long Count)
{
    /// <summary>Mean score ÷ points, 0 to 1, to 4 places.</summary>
    public decimal MeanShare => Count == 0 || Points == 0 ? 0m : Math.Round(Sum / (Count * Points), 4, MidpointRounding.AwayFromZero);
}

/// <summary>An error record of the results: its record number and message.</summary>
internal sealed record ErrorRow(long Record, string? Id, string Message);

/// <summary>
/// What a province report is made of, read from the NDJSON lines a batch wrote (<c>indicator batch</c>,
/// <see cref="BatchRunner"/>), one line at a time: a <see cref="BatchSummary"/> built from the results (the same
/// tallies a batch keeps), a row per school for the ranking, each observation point's share across the schools,
/// and the error records. A line that is neither a result nor an error record of this system stops the reading
/// with a diagnostic naming its line number (IE505).
/// </summary>
internal sealed class BatchResults
{
    private readonly IndicatorSystem _system;
    private readonly string _name;
    private readonly decimal[] _pointSums;
    private readonly long[] _pointCounts;

    private BatchResults(IndicatorSystem system, string name)
    {
        _system = system;
        _name = name;
        Summary = BatchSummary.For(system);
        _pointSums = new decimal[system.Plan.Nodes.Length];
        _pointCounts = new long[system.Plan.Nodes.Length];
    }

    /// <summary>The summary built from the results.</summary>
    public BatchSummary Summary { get; }

    /// <summary>A row per result, in the file's order.</summary>
    public List<ResultRow> Rows { get; } = [];

    /// <summary>The error records, in the file's order.</summary>
    public List<ErrorRow> ErrorRows { get; } = [];

    /// <summary>The pass thresholds the results were scored against (one per profile that occurs), ascending.</summary>
    public SortedSet<decimal> PassThresholds { get; } = [];

    /// <summary>Every observation point's share across the schools it applied to, in tree order.</summary>
    public IReadOnlyList<PointShare> Points()
    {
        var order = TreeOrder();
        return _system.Plan.Nodes.Where(n => n.Scorer is not null)
            .OrderBy(n => order[n.Index])
            .Select(n => new PointShare(n.Indicator.Id, n.Indicator.Points, _pointSums[n.Index], _pointCounts[n.Index]))
            .ToList();
    }

    /// <summary>Reads every line of <paramref name="results"/>.</summary>
    /// <exception cref="IndicatorLoadException">A line is not a result or an error record of the system (IE505), with its line number.</exception>
    public static BatchResults Read(IndicatorSystem system, Stream results, string name)
    {
        var read = new BatchResults(system, name);
        using var reader = new StreamReader(results, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 64 * 1024, leaveOpen: true);
        var number = 0L;
        while (reader.ReadLine() is { } line)
        {
            number++;
            read.ReadLine(line, number);
        }

        if (number == 0)
        {
            throw read.Bad(1, "", "the file is empty; give the NDJSON file 'indicator batch' wrote (--out)");
        }

        return read;
    }

    private void ReadLine(string line, long number)
    {
        ResultLine read;
        try
        {
            read = ResultLine.Parse(line);
        }
        catch (BadResultLineException e)
        {
            throw Bad(number, e.Pointer, e.Message);
        }

        using (read)
        {
            if (read.IsError)
            {
                Summary.AddError();
                ErrorRows.Add(new ErrorRow(read.Record ?? number, read.Id, read.ErrorMessage));
                return;
            }

            ReadResult(read, number);
        }
    }

    private void ReadResult(ResultLine read, long number)
    {
        var max = read.Max ?? throw Bad(number, "/max", $"\"max\" must be a number; {ResultLine.Expected}");
        if (max != _system.Points)
        {
            throw Bad(number, "/max", $"the result is out of {ReportText.Number(max)} points, but {_system.Id} has {ReportText.Number(_system.Points)}; give the definition the batch was scored with");
        }

        PassThresholds.Add(read.PassThreshold ?? throw Bad(number, "/passThreshold", $"\"passThreshold\" must be a number; {ResultLine.Expected}"));
        if (!read.Root.TryGetProperty("indicators", out var indicators) || indicators.ValueKind != JsonValueKind.Array)
        {
            throw Bad(number, "", "the result has no \"indicators\"; score the batch with --detail indicators (the default) or full");
        }

        var scores = new decimal[_system.Plan.Nodes.Length];
        foreach (var indicator in indicators.EnumerateArray())
        {
            ReadIndicator(indicator, scores, number);
        }

        Summary.AddResult(read.Total, read.Verdict, read.Vetoed, read.GradeId, read.Region, read.Profile ?? _system.DefaultProfile.Id, scores, _system.Plan.Roots);
        Rows.Add(new ResultRow(read.Id!, read.Name, read.Region?.City, read.Region?.County, read.Total, read.Verdict, read.Vetoed, read.GradeId));
    }

    private void ReadIndicator(JsonElement indicator, decimal[] scores, long number)
    {
        var id = indicator.ValueKind == JsonValueKind.Object ? ResultLine.Text(indicator, "id") : null;
        if (id is null || !_system.Plan.NodeIndex.TryGetValue(id, out var index))
        {
            throw Bad(number, "/indicators", $"the result has an indicator '{id}' that {_system.Id} does not have; give the definition the batch was scored with");
        }

        var score = ResultLine.Number(indicator, "score") ?? throw Bad(number, "/indicators", $"indicator '{id}' has no number \"score\"; {ResultLine.Expected}");
        scores[index] = score;
        if (_system.Plan.Nodes[index].Scorer is not null && ResultLine.Text(indicator, "status") != "not-applicable")
        {
            _pointSums[index] += score;
            _pointCounts[index]++;
        }

        if (indicator.TryGetProperty("children", out var children) && children.ValueKind == JsonValueKind.Array)
        {
            foreach (var child in children.EnumerateArray())
            {
                ReadIndicator(child, scores, number);
            }
        }
    }

    /// <summary>Each node's place in depth-first tree order (the plan lists children before parents).</summary>
    private int[] TreeOrder()
    {
        var plan = _system.Plan;
        var order = new int[plan.Nodes.Length];
        var next = 0;
        foreach (var root in plan.Roots)
        {
            Visit(root);
        }

        return order;

        void Visit(int index)
        {
            order[index] = next++;
            foreach (var child in plan.Nodes[index].Children)
            {
                Visit(child);
            }
        }
    }

    private IndicatorLoadException Bad(long line, string pointer, string message) =>
        new([new Diagnostic(DiagnosticCodes.BadResultLine, DiagnosticSeverity.Error, $"line {line.ToString(CultureInfo.InvariantCulture)}: {message}", _name, pointer, (int)Math.Min(line, int.MaxValue), 1)]);
}
