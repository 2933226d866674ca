using System.Globalization;
using System.Text;

namespace IndicatorEngine.Batch;

/// <summary>
/// Synthetic evidence for any indicator system, to try a batch out, to load-test a host, or to demonstrate a system
/// before real evidence is gathered. Subjects are drawn from the system's evidence catalogue alone: each school has a
/// strength, drawn first (a quarter weak, half middling, a quarter strong), and every value is drawn around it within
/// the key's declared range — a boolean is true, a document supplied, with a chance near the strength; a number lies
/// as far along its range as the strength (on a logarithmic scale when the range spans several orders of magnitude);
/// an enum takes a value as far along its list as the strength, counting the first as the best, as the shipped
/// systems list them. About 4% of schools leave one to four values out, about 1% have a value that cannot be used
/// (<c>"待核实"</c> where a number, yes/no, choice or date belongs), and about 3% trigger one of the definition's
/// vetoes (a veto on one evidence key; a veto with a formula is neither triggered nor avoided on purpose); the
/// other schools are kept clear of those vetoes. Each school has a profile of the system, a region from a table of
/// real Henan cities and counties, a unique id (its county's division code and its number) and the period 2025.
/// <para>
/// Deterministic: the same system, seed and count give the same bytes on every run of the same .NET runtime
/// (<see cref="Random"/> with a seed); the first <c>n</c> subjects of a longer run are those of a run of <c>n</c>.
/// <see cref="WriteNdjson"/> and <see cref="WriteCsv"/> describe the same subjects, so both score to the same summary.
/// Immutable; thread-safe.
/// </para>
/// </summary>
public sealed class EvidenceGenerator
{
    /// <summary>What a school writes where a value cannot be used ("to be verified").</summary>
    internal const string Unusable = "待核实";

    internal const int Period = 2025;
    private const double MissingShare = 0.04;
    private const double InvalidShare = 0.01;
    private const double VetoShare = 0.03;

    private readonly IReadOnlyList<EvidenceDeclaration> _catalogue;
    private readonly PlanVeto[] _vetoes;

    /// <summary>A generator for one system.</summary>
    /// <param name="system">The system whose evidence catalogue, profiles and vetoes the subjects follow.</param>
    /// <param name="seed">The seed of the random draws.</param>
    public EvidenceGenerator(IndicatorSystem system, int seed)
    {
        ArgumentNullException.ThrowIfNull(system);
        System = system;
        Seed = seed;
        _catalogue = system.EvidenceCatalogue;
        _vetoes = system.Plan.Vetoes.Where(v => v.Formula is null && v.Evidence is not null).ToArray();
    }

    /// <summary>The system.</summary>
    public IndicatorSystem System { get; }

    /// <summary>The seed.</summary>
    public int Seed { get; }

    /// <summary>Writes <paramref name="count"/> subjects as NDJSON: one evidence document (evidence.schema.json) per line, UTF-8, <c>\n</c> after each.</summary>
    /// <param name="output">Where to write; flushed, not closed.</param>
    /// <param name="count">How many subjects.</param>
    public void WriteNdjson(Stream output, int count)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        GeneratedWriter.Ndjson(output, System, Subjects(count));
    }

    /// <summary>
    /// Writes <paramref name="count"/> subjects as CSV, as <see cref="BatchSource.Csv"/> reads it: the header
    /// <c>id,name,profile,province,city,county,period</c> and then every key of the evidence catalogue; lists and
    /// documents' names <c>;</c>-separated; booleans <c>true</c>/<c>false</c>; a value left out an empty cell; rows end
    /// with <c>\n</c>.
    /// </summary>
    /// <param name="output">Where to write; flushed, not closed.</param>
    /// <param name="count">How many subjects.</param>
    /// <param name="encoding">The text encoding; null for UTF-8 without a byte order mark (see <see cref="BatchSource.Gb18030"/>).</param>
    public void WriteCsv(Stream output, int count, Encoding? encoding = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        GeneratedWriter.Csv(output, System, Subjects(count), encoding ?? new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    /// <summary>The subjects, one at a time: values by slot, null for a value left out.</summary>
    internal IEnumerable<GeneratedSubject> Subjects(int count)
    {
        var random = new Random(Seed);
        for (var i = 1; i <= count; i++)
        {
            yield return Draw(random, i);
        }
    }

    private GeneratedSubject Draw(Random random, int number)
    {
        var band = random.NextDouble();
        var strength = band < 0.25 ? 0.1 + (0.4 * random.NextDouble())
            : band < 0.75 ? 0.5 + (0.35 * random.NextDouble())
            : 0.85 + (0.15 * random.NextDouble());
        var profile = System.Profiles[random.Next(System.Profiles.Count)];
        var (city, county, code) = HenanRegions.Counties[random.Next(HenanRegions.Counties.Length)];
        var kind = profile.Id.Contains("secondary", StringComparison.OrdinalIgnoreCase) ? "中等职业学校" : "职业技术学院";
        var name = $"{city[..^1]}{HenanRegions.Fields[random.Next(HenanRegions.Fields.Length)]}{kind}";

        var values = new object?[_catalogue.Count];
        for (var slot = 0; slot < values.Length; slot++)
        {
            var q = Math.Clamp(strength + ((random.NextDouble() + random.NextDouble() - 1) * 0.25), 0, 1);
            values[slot] = Value(random, _catalogue[slot], q);
        }

        if (values.Length > 0 && random.NextDouble() < MissingShare)
        {
            for (var n = random.Next(1, 5); n > 0; n--)
            {
                values[random.Next(values.Length)] = null;
            }
        }

        if (random.NextDouble() < InvalidShare)
        {
            var typed = Enumerable.Range(0, values.Length)
                .Where(s => values[s] is not null && _catalogue[s].Type is EvidenceType.Number or EvidenceType.Integer or EvidenceType.Boolean or EvidenceType.Enum or EvidenceType.Date)
                .ToList();
            if (typed.Count > 0)
            {
                values[typed[random.Next(typed.Count)]] = Unusable;
            }
        }

        var vetoed = _vetoes.Length > 0 && random.NextDouble() < VetoShare ? _vetoes[random.Next(_vetoes.Length)] : null;
        foreach (var veto in _vetoes)
        {
            var value = values[veto.Slot];
            if (veto == vetoed)
            {
                values[veto.Slot] = VetoValues.Firing(veto) is { } fires ? fires.Value : value;
            }
            else if (value is not (null or Unusable) && VetoValues.Fires(veto, value))
            {
                values[veto.Slot] = VetoValues.Safe(veto, value);
            }
        }

        var region = new Region(HenanRegions.Province, city, county);
        return new GeneratedSubject($"{code}-{number.ToString("D6", CultureInfo.InvariantCulture)}", name, profile.Id, region, Period, values);
    }

    private static object? Value(Random random, EvidenceDeclaration declaration, double q) => declaration.Type switch
    {
        EvidenceType.Boolean => random.NextDouble() < q,
        EvidenceType.Number or EvidenceType.Integer => Number(declaration, q),
        EvidenceType.Enum when declaration.Values.Count > 0 =>
            declaration.Values[Math.Clamp((int)Math.Floor((1 - q) * declaration.Values.Count), 0, declaration.Values.Count - 1)],
        EvidenceType.Date => new DateOnly(Period, 12, 31).AddDays(-(int)Math.Round((1 - q) * 1095)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        EvidenceType.List => List(declaration, q),
        EvidenceType.Document => random.NextDouble() < q ? new[] { $"{Plain(declaration.Title)}（{Period}）.pdf" } : null,
        _ => $"{Plain(declaration.Title)} {random.Next(1, 1000).ToString(CultureInfo.InvariantCulture)}",
    };

    /// <summary>As far along the declared range as <paramref name="q"/> says; on a log scale over a range of several orders of magnitude.</summary>
    private static decimal Number(EvidenceDeclaration declaration, double q)
    {
        var min = declaration.Min ?? Math.Min(0m, declaration.Max ?? 0m);
        var max = declaration.Max ?? (min + 100m);
        double lo = (double)min, hi = (double)max;
        var x = hi - lo > 1000 && lo >= 0 ? lo + Math.Pow(hi - lo + 1, q) - 1 : lo + (q * (hi - lo));
        var places = declaration.Type == EvidenceType.Integer || hi - lo > 1000 ? 0 : 1;
        var value = Math.Round((decimal)Math.Clamp(x, -1e15, 1e15), places, MidpointRounding.AwayFromZero);
        return Math.Clamp(value, min, max);
    }

    private static string[]? List(EvidenceDeclaration declaration, double q)
    {
        var lo = (int)Math.Clamp(declaration.Min ?? 1m, 1m, 20m);
        var hi = (int)Math.Clamp(declaration.Max ?? (lo + 4), lo, 20m);
        var length = lo + (int)Math.Round(q * (hi - lo));

        // An empty list cannot be written in CSV (an empty cell is a value not supplied), so it is left out in both.
        return length == 0 ? null : Enumerable.Range(1, length).Select(i => $"{declaration.Key}-{i.ToString(CultureInfo.InvariantCulture)}").ToArray();
    }

    /// <summary>A title fit for a document name or a list item: no separators that CSV would split on.</summary>
    private static string Plain(string title) => title.Replace(';', '；').Replace(',', '，').Trim();
}

/// <summary>One generated subject; <see cref="Values"/> by catalogue slot: bool, decimal, string, string[] (list items or document names) or null (left out).</summary>
internal sealed record GeneratedSubject(string Id, string Name, string Profile, Region Region, int Period, object?[] Values);
