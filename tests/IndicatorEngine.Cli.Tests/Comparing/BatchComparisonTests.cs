using IndicatorEngine.Cli.Comparing;

namespace IndicatorEngine.Cli.Tests.Comparing;

/// <summary><see cref="BatchComparison"/> over hand-written batch results: counts, the order of each list, the cut to top N, and bad lines named by file and line.</summary>
public sealed class BatchComparisonTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Line(string id, decimal total, string verdict, long? rank = null, string? grade = null, bool vetoed = false)
    {
        var gradeJson = grade is null ? "null" : "{\"id\":\"" + grade + "\",\"title\":{\"zh\":\"等级" + grade + "\",\"en\":\"Grade " + grade + "\"}}";
        var rankJson = rank is null ? "" : ",\"rank\":" + rank;
        return "{\"record\":1,\"subject\":{\"id\":\"" + id + "\",\"name\":\"学校" + id + "\",\"profile\":\"p\"},\"total\":" + total
            + ",\"verdict\":\"" + verdict + "\",\"grade\":" + gradeJson + ",\"vetoed\":" + (vetoed ? "true" : "false") + rankJson + "}";
    }

    private string File(string name, params string[] lines) => _folder.Write(name, string.Join("\n", lines) + "\n");

    [Fact]
    public void Compare_CountsEveryKindOfChange_AndOrdersEachList()
    {
        var old = File("old.ndjson",
            Line("a", 100, "failed", 4),
            Line("b", 200, "passed", 1, "good"),
            Line("c", 150, "failed", 2),
            Line("d", 120, "undetermined", 3),
            """{"record":5,"id":"bad","error":{"code":"IE501","message":"blank"},"diagnostics":[]}""",
            Line("gone", 10, "failed", 5));
        var @new = File("new.ndjson",
            Line("a", 130, "passed", 2),
            Line("b", 170, "failed", 3, "pass"),
            Line("c", 180, "passed", 1),
            Line("d", 120, "undetermined", 4),
            Line("fresh", 50, "failed", 5));

        var comparison = BatchComparison.Compare(old, @new, top: 20);

        Assert.Equal(new BatchCounts(Old: 5, New: 5, Matched: 4, Added: 1, Missing: 1, Up: 2, Down: 1, Unchanged: 1,
            NewlyPassing: 2, NewlyFailing: 1, VerdictChanged: 3, GradeChanged: 1, RankChanged: 4, OldErrors: 1, NewErrors: 0), comparison.Counts);
        // a and c both rose by 30: ties go by id.
        Assert.Equal(["a", "c"], comparison.Up.Select(m => m.Id));
        Assert.Equal([30m, 30m], comparison.Up.Select(m => m.Delta));
        Assert.Equal(["b"], comparison.Down.Select(m => m.Id));
        Assert.Equal(-30m, comparison.Down[0].Delta);
        Assert.Equal(["a", "b", "c", "d"], comparison.RankChanges.Select(m => m.Id));
        Assert.Equal([2L, -2L, 1L, -1L], comparison.RankChanges.Select(m => m.RankDelta!.Value));
        Assert.Equal(["a", "c"], comparison.NewlyPassing.Select(m => m.Id));
        Assert.Equal(["b"], comparison.NewlyFailing.Select(m => m.Id));
        Assert.Equal(["fresh"], comparison.Added.Select(e => e.Id));
        Assert.Equal(["gone"], comparison.Missing.Select(e => e.Id));
    }

    [Fact]
    public void Compare_CutsEveryListToTop_ButCountsAll()
    {
        var old = File("old.ndjson", Enumerable.Range(1, 30).Select(i => Line($"s{i:00}", 100, "failed")).ToArray());
        var @new = File("new.ndjson", Enumerable.Range(1, 30).Select(i => Line($"s{i:00}", 100 + i, "passed")).ToArray());

        var comparison = BatchComparison.Compare(old, @new, top: 5);

        Assert.Equal(30, comparison.Counts.Up);
        Assert.Equal(30, comparison.Counts.NewlyPassing);
        Assert.Equal(["s30", "s29", "s28", "s27", "s26"], comparison.Up.Select(m => m.Id));
        Assert.Equal(5, comparison.NewlyPassing.Count);
        Assert.Empty(comparison.RankChanges);
        Assert.All(comparison.Up, m => Assert.Null(m.RankDelta));
    }

    [Fact]
    public void Compare_OfAFileWithItself_HasNoMoves()
    {
        var results = File("r.ndjson", Line("a", 1, "failed", 2), Line("b", 2, "passed", 1, "good"));

        var comparison = BatchComparison.Compare(results, results, 20);

        Assert.Equal(new BatchCounts(2, 2, 2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0), comparison.Counts);
    }

    [Theory]
    [InlineData("{not json", ":2: error: not JSON")]
    [InlineData("", ":2: error: blank line")]
    [InlineData("""{"record":2,"total":3}""", ":2: error: the line has no \"subject\" object; each line must be one result or error record as 'indicator batch' writes them (compare --batch reads")]
    [InlineData("""{"record":2,"subject":{"id":"a"},"total":3,"verdict":"maybe"}""", ":2: error: the verdict must be passed, failed or undetermined; each line must be")]
    [InlineData("""{"record":2,"subject":{"id":"a"},"verdict":"passed"}""", ":2: error: \"total\" must be a number")]
    [InlineData("""{"record":2,"subject":{"name":"a"},"total":3,"verdict":"passed"}""", ":2: error: the result has no subject id")]
    [InlineData("[1,2]", ":2: error: not a result line (a JSON array, not an object)")]
    public void Compare_OfABadLine_NamesTheFileAndLine(string bad, string expected)
    {
        var good = File("good.ndjson", Line("a", 1, "failed"));
        var broken = File("broken.ndjson", Line("a", 1, "failed"), bad, Line("b", 1, "failed"));

        var error = Assert.Throws<InvalidDataException>(() => BatchComparison.Compare(good, broken, 20));

        Assert.StartsWith(broken + expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_OfARepeatedId_NamesBothLines()
    {
        var good = File("good.ndjson", Line("a", 1, "failed"));
        var twice = File("twice.ndjson", Line("a", 1, "failed"), Line("b", 1, "failed"), Line("a", 2, "passed"));

        var error = Assert.Throws<InvalidDataException>(() => BatchComparison.Compare(twice, good, 20));

        Assert.Equal(twice + ":3: error: subject id 'a' is already on line 1; a batch's results name each subject once", error.Message);
    }
}
