using System.Text;
using IndicatorEngine.Batch;

namespace IndicatorEngine.Tests.Batch;

/// <summary>Synthetic evidence for any system: deterministic, readable by the batch readers, a spread of schools.</summary>
public class EvidenceGeneratorTests
{
    [Fact]
    public void SameSeed_SameBytes_DifferentSeed_DifferentBytes()
    {
        Assert.Equal(Ndjson(BatchRun.Henan, 50, seed: 3), Ndjson(BatchRun.Henan, 50, seed: 3));
        Assert.NotEqual(Ndjson(BatchRun.Henan, 50, seed: 3), Ndjson(BatchRun.Henan, 50, seed: 4));
    }

    [Fact]
    public void TheFirstSubjects_OfALongerRun_AreThoseOfAShorterOne()
    {
        var short20 = Encoding.UTF8.GetString(Ndjson(BatchRun.Henan, 20, seed: 9));
        Assert.StartsWith(short20, Encoding.UTF8.GetString(Ndjson(BatchRun.Henan, 40, seed: 9)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("henan-higher-vocational")]
    [InlineData("henan-secondary-vocational")]
    [InlineData("national-benchmark-monitoring")]
    public void EveryShippedSystem_GetsScorableSchools_StrongAndWeak_SomeVetoed(string id)
    {
        var system = IndicatorSystem.LoadShipped(id);
        var (lines, summary) = BatchRun.Run(BatchSource.Ndjson(new MemoryStream(Ndjson(system, 400, seed: 1)), "generated.ndjson"), system: system);

        Assert.Equal(400, lines.Length);
        Assert.Equal(0, summary.Errors);
        Assert.InRange(summary.Passed, 40, 360);
        Assert.InRange(summary.Failed, 40, 360);
        Assert.InRange(summary.Vetoed, 2, 40);
        Assert.Equal(400, summary.Regions.Where(r => r.Level == RegionLevel.City).Sum(r => r.Count));
    }

    [Fact]
    public void CsvAndNdjson_OfOneSeed_ScoreToTheSameSummary()
    {
        var system = IndicatorSystem.LoadShipped("national-benchmark-monitoring");
        var generator = new EvidenceGenerator(system, 5);
        var csv = new MemoryStream();
        generator.WriteCsv(csv, 200);
        var (_, fromCsv) = BatchRun.Run(BatchSource.Csv(new MemoryStream(csv.ToArray()), "generated.csv"), system: system);
        var (_, fromNdjson) = BatchRun.Run(BatchSource.Ndjson(new MemoryStream(Ndjson(system, 200, seed: 5)), "generated.ndjson"), system: system);

        Assert.Equal(fromNdjson.ToJson(), fromCsv.ToJson());
    }

    [Fact]
    public void Ids_AreUnique_AndValuesStayInTheirRanges()
    {
        var generator = new EvidenceGenerator(BatchRun.Henan, 2);
        var subjects = generator.Subjects(1000).ToList();

        Assert.Equal(subjects.Count, subjects.Select(s => s.Id).Distinct(StringComparer.Ordinal).Count());
        var catalogue = BatchRun.Henan.EvidenceCatalogue;
        foreach (var subject in subjects)
        {
            for (var slot = 0; slot < catalogue.Count; slot++)
            {
                if (subject.Values[slot] is decimal number)
                {
                    Assert.InRange(number, catalogue[slot].Min ?? decimal.MinValue, catalogue[slot].Max ?? decimal.MaxValue);
                }
            }
        }

        // About 1% of schools have a value that cannot be used, written as the text 待核实.
        Assert.InRange(subjects.Count(s => s.Values.Contains(EvidenceGenerator.Unusable)), 2, 30);
    }

    private static byte[] Ndjson(IndicatorSystem system, int count, int seed)
    {
        var output = new MemoryStream();
        new EvidenceGenerator(system, seed).WriteNdjson(output, count);
        return output.ToArray();
    }
}
