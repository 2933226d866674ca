using System.Text;
using IndicatorEngine.Benchmarks;
using IndicatorEngine.Tests.Shipped;

namespace IndicatorEngine.Tests.Floor;

/// <summary>
/// The benchmarks' hand-written floor (<see cref="HenanFloor"/>) scores Henan evidence exactly as the engine
/// does — every observation point's score and status, every group, the total, veto, verdict and grade —
/// on the shipped samples (and as their EXPECTED.md says), on 500 random variations of passing.json and on
/// generated schools. The engine is reached through its public API only.
/// </summary>
public class HenanFloorTests
{
    private const string SystemId = "henan-higher-vocational";

    private static readonly Lazy<IndicatorSystem> Henan = new(() => IndicatorSystem.Load(RepoPaths.Definition(SystemId)).GetValueOrThrow());

    public static TheoryData<string> Samples() => new(FloorCheck.Samples);

    private static byte[] Sample(string name) => File.ReadAllBytes(RepoPaths.Sample(SystemId, name));

    [Fact]
    public void FloorIds_AreTheSystemsObservationPointsAndIndicators_InTreeOrder()
    {
        Assert.Empty(HenanFloorCheck.CompareStructure(Henan.Value));
        Assert.Empty(HenanFloorCheck.CompareStructure(IndicatorSystem.LoadShipped(SystemId)));
        Assert.Equal(51, HenanFloor.PointIds.Length);
        Assert.Equal(17, HenanFloor.SecondLevelIds.Length);
        Assert.Equal(6, HenanFloor.FirstLevelIds.Length);
        Assert.Equal(Henan.Value.EvidenceCatalogue.Select(d => d.Key), HenanVariations.Keys);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void ShippedSample_FloorAgreesWithTheEngine(string sample)
    {
        Assert.Empty(HenanFloorCheck.Compare(Henan.Value, Sample(sample), new HenanResult()));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void ShippedSample_FloorAgreesWithTheHandWorkedResult(string sample)
    {
        var expected = ExpectedSample.ReadAll().Single(s => s.System == SystemId && s.Sample == sample);
        var result = new HenanResult();
        HenanFloor.Score(HenanEvidence.From(Sample(sample)), result);

        Assert.Equal(expected.Leaves.Keys, HenanFloor.PointIds);
        for (var i = 0; i < HenanFloor.PointIds.Length; i++)
        {
            var (score, status) = expected.Leaves[HenanFloor.PointIds[i]];
            Assert.True(score == result.Points[i], $"{HenanFloor.PointIds[i]}: expected {score}, floor {result.Points[i]}");
            Assert.Equal(status, Kebab(result.PointStatus[i]));
        }

        var subtotals = HenanFloor.FirstLevelIds.Zip(result.FirstLevel)
            .Concat(HenanFloor.SecondLevelIds.Zip(result.SecondLevel))
            .Append((HenanFloor.NetworkCommunicationId, result.NetworkCommunication))
            .ToDictionary(x => x.Item1, x => x.Item2);
        Assert.Equal(expected.Subtotals.Keys.Order(StringComparer.Ordinal), subtotals.Keys.Order(StringComparer.Ordinal));
        foreach (var (id, score) in expected.Subtotals)
        {
            Assert.True(score == subtotals[id], $"{id}: expected {score}, floor {subtotals[id]}");
        }

        Assert.Equal(expected.Total, result.Total);
        Assert.Equal(expected.TotalUpperBound, result.TotalUpperBound);
        Assert.Equal(expected.Verdict, result.Verdict);
        Assert.Equal(expected.Grade, HenanFloor.GradeId(result.Grade));
        Assert.Equal(expected.GradeUpperBound, HenanFloor.GradeId(result.GradeUpperBound));
        Assert.Equal(expected.Veto is not null, result.Vetoed);
    }

    [Fact]
    public void RandomVariationsOfPassing_FloorAgreesWithTheEngine_OnEveryPointGroupTotalAndVerdict()
    {
        var result = new HenanResult();
        var differences = new List<string>();
        var statuses = new HashSet<ScoreStatus>();
        var errorPoints = new HashSet<string>();
        var missingPoints = new HashSet<string>();
        var verdicts = new HashSet<(bool Vetoed, Verdict Verdict)>();
        var grades = new HashSet<HenanGrade>();
        var count = 0;
        foreach (var variation in HenanVariations.Of(Sample("passing"), FloorCheck.Variations, FloorCheck.VariationSeed))
        {
            differences.AddRange(HenanFloorCheck.Compare(Henan.Value, variation, result));
            count++;
            for (var i = 0; i < HenanFloor.PointIds.Length; i++)
            {
                statuses.Add(result.PointStatus[i]);
                if (result.PointStatus[i] == ScoreStatus.Error)
                {
                    errorPoints.Add(HenanFloor.PointIds[i]);
                }
                else if (result.PointStatus[i] == ScoreStatus.MissingEvidence)
                {
                    missingPoints.Add(HenanFloor.PointIds[i]);
                }
            }

            verdicts.Add((result.Vetoed, result.Verdict));
            grades.Add(result.Grade);
        }

        Assert.Equal(500, count);
        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences.Take(20).Prepend($"{differences.Count} differences:")));

        // The variations reach what they are meant to: every status, every observation point failing on an
        // invalid value and missing a value, vetoed and not, passing and failing, every grade.
        Assert.Equal([ScoreStatus.Scored, ScoreStatus.Partial, ScoreStatus.MissingEvidence, ScoreStatus.Error], statuses.Order());
        Assert.Equal(HenanFloor.PointIds.Order(StringComparer.Ordinal), errorPoints.Order(StringComparer.Ordinal));
        Assert.Equal(HenanFloor.PointIds.Order(StringComparer.Ordinal), missingPoints.Order(StringComparer.Ordinal));
        Assert.Contains((true, Verdict.Failed), verdicts);
        Assert.Contains((false, Verdict.Passed), verdicts);
        Assert.Contains((false, Verdict.Undetermined), verdicts);
        Assert.Equal(Enum.GetValues<HenanGrade>(), grades.Order());
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Score_AllocatesNothing(string sample)
    {
        Assert.Equal(0, FloorCheck.AllocatedByScoring(HenanEvidence.From(Sample(sample)), 100));
    }

    [Fact]
    public void GeneratedSchools_FloorAgreesWithTheEngine()
    {
        var result = new HenanResult();
        var differences = new List<string>();
        foreach (var subject in HenanSubjects.Generate(300, FloorCheck.GeneratedSeed))
        {
            differences.AddRange(HenanFloorCheck.Compare(Henan.Value, subject, result));
        }

        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences.Take(20).Prepend($"{differences.Count} differences:")));
    }

    [Fact]
    public void Generate_IsDeterministic_WithUniqueIds_StrongAndWeakSchools_AndAFewMissingValues()
    {
        var subjects = HenanSubjects.Generate(400, 7);
        Assert.Equal(subjects, HenanSubjects.Generate(400, 7));
        Assert.NotEqual(subjects[0], HenanSubjects.Generate(1, 8)[0]);
        Assert.Equal(subjects.Take(3), HenanSubjects.Generate(3, 7));

        var cards = subjects
            .Select(s => Henan.Value.Score(SubjectEvidence.Parse(Encoding.UTF8.GetString(s)).GetValueOrThrow()))
            .ToList();
        Assert.Equal(Enumerable.Range(1, 400).Select(i => $"school-{i:00000}"), cards.Select(c => c.Subject.Id));
        Assert.All(cards, c => Assert.DoesNotContain(c.Diagnostics, d => d.IsError));
        Assert.Contains(cards, c => c.Total >= 540);
        Assert.Contains(cards, c => c.Total < 420);
        Assert.Contains(cards, c => c.Verdict == Verdict.Passed);
        Assert.Contains(cards, c => c.Vetoed);
        // Documents not supplied are listed as missing evidence too; count the schools that left out a value.
        var documents = Henan.Value.EvidenceCatalogue.Where(d => d.Type == IndicatorEngine.EvidenceType.Document).Select(d => d.Key).ToHashSet();
        var withMissingValues = cards.Count(c => c.MissingEvidence.Any(m => !documents.Contains(m.Key)));
        Assert.InRange(withMissingValues, 10, 80);
    }

    private static string Kebab(ScoreStatus status) => status switch
    {
        ScoreStatus.Scored => "scored",
        ScoreStatus.Partial => "partial",
        ScoreStatus.MissingEvidence => "missing-evidence",
        ScoreStatus.NotApplicable => "not-applicable",
        _ => "error",
    };
}
