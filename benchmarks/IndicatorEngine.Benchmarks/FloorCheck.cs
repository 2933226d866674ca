namespace IndicatorEngine.Benchmarks;

/// <summary>
/// <c>--check-floor</c>: scores the shipped Henan samples, random variations of <c>passing.json</c> and
/// generated subjects with both the engine (public API) and <see cref="HenanFloor"/>, and reports every
/// difference. Exit code 0 when they agree everywhere.
/// </summary>
public static class FloorCheck
{
    public const int VariationSeed = 20251201;
    public const int Variations = 500;
    public const int GeneratedSeed = 1;
    public const int Generated = 1000;

    public static readonly string[] Samples = ["passing", "failing", "vetoed", "missing-evidence"];

    public static int Run(TextWriter output)
    {
        var system = IndicatorSystem.LoadShipped("henan-higher-vocational");
        var samples = Path.Combine(RepositoryRoot(), "indicators", "samples", "henan-higher-vocational");
        var scratch = new HenanResult();
        var differences = HenanFloorCheck.CompareStructure(system);
        var compared = 0;
        var statuses = new int[5];
        int vetoed = 0, passed = 0, undetermined = 0;
        var grades = new int[HenanFloor.GradeIds.Length + 1];

        void Check(byte[] json)
        {
            differences.AddRange(HenanFloorCheck.Compare(system, json, scratch));
            compared++;
            foreach (var status in scratch.PointStatus)
            {
                statuses[(int)status]++;
            }

            vetoed += scratch.Vetoed ? 1 : 0;
            passed += scratch.Verdict == Verdict.Passed ? 1 : 0;
            undetermined += scratch.Verdict == Verdict.Undetermined ? 1 : 0;
            grades[(int)scratch.Grade]++;
        }

        foreach (var sample in Samples)
        {
            Check(File.ReadAllBytes(Path.Combine(samples, sample + ".json")));
        }

        foreach (var variation in HenanVariations.Of(File.ReadAllBytes(Path.Combine(samples, "passing.json")), Variations, VariationSeed))
        {
            Check(variation);
        }

        foreach (var subject in HenanSubjects.Generate(Generated, GeneratedSeed))
        {
            Check(subject);
        }

        output.WriteLine($"compared {compared} subjects ({Samples.Length} samples, {Variations} variations of passing.json, {Generated} generated), " +
            $"each on {HenanFloor.PointIds.Length} observation points, {HenanFloor.SecondLevelIds.Length + HenanFloor.FirstLevelIds.Length + 1} groups, total, veto, verdict and grade");
        output.WriteLine($"observation points scored {statuses[(int)ScoreStatus.Scored]}, partial {statuses[(int)ScoreStatus.Partial]}, " +
            $"missing evidence {statuses[(int)ScoreStatus.MissingEvidence]}, error {statuses[(int)ScoreStatus.Error]}; " +
            $"subjects vetoed {vetoed}, passed {passed}, undetermined {undetermined}; grades " + string.Join(", ", HenanFloor.GradeIds.Append("none").Select((g, i) => $"{g} {grades[i]}")));
        foreach (var difference in differences.Take(50))
        {
            output.WriteLine(difference);
        }

        output.WriteLine(differences.Count == 0 ? "the floor agrees with the engine everywhere" : $"{differences.Count} differences");
        var allocated = AllocatedByScoring(HenanEvidence.From(File.ReadAllBytes(Path.Combine(samples, "passing.json"))), 1000);
        output.WriteLine($"bytes allocated by 1,000 scorings of passing.json: {allocated}");
        return differences.Count == 0 && allocated == 0 ? 0 : 1;
    }

    /// <summary>
    /// Managed bytes this thread allocates scoring <paramref name="subject"/> <paramref name="times"/> times (after
    /// one warm-up): the least of three rounds, since the runtime itself may allocate on the thread now and then
    /// (tiering up a method); scoring that allocates does so in every round.
    /// </summary>
    public static long AllocatedByScoring(HenanEvidence subject, int times)
    {
        var result = new HenanResult();
        HenanFloor.Score(subject, result);
        var least = long.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < times; i++)
            {
                HenanFloor.Score(subject, result);
            }

            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return least;
    }

    private static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "IndicatorEngine.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("IndicatorEngine.sln not found above the current folder or " + AppContext.BaseDirectory);
    }
}
