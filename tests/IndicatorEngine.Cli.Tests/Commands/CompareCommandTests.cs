using System.Text.Json;

namespace IndicatorEngine.Cli.Tests.Commands;

/// <summary><c>indicator compare</c>: two results of one subject as text, JSON and HTML, and two batches with --batch.</summary>
public sealed class CompareCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>A shipped sample scored to a result document, as a user would write one.</summary>
    private string Result(string sample, string system = "henan-higher-vocational")
    {
        var path = _folder.File($"{system}-{sample}.json");
        var scored = Cli.Run("score", system, RepoPaths.Sample(system, sample), "--format", "json", "--out", path);
        Assert.True(scored.ExitCode == 0, scored.ToString());
        return path;
    }

    [Fact]
    public void Compare_SelfAgainstExpert_ListsTheLargestChangeFirst_AndTheTotals()
    {
        var result = Cli.Run("compare", Result("failing"), Result("passing"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("总分      437.76 → 536.29 (+98.53) / 600", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("结论      未达到申报条件 → 达到申报条件", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("等级      达标 → 良好", result.Stdout, StringComparison.Ordinal);
        var firstRow = result.StdoutLines.SkipWhile(l => !l.StartsWith("---", StringComparison.Ordinal)).ElementAt(1);
        Assert.Contains("resources ", firstRow, StringComparison.Ordinal);
        Assert.Contains("+24.77", firstRow, StringComparison.Ordinal);
        // Two different sample schools: said in the output and on stderr, compared all the same.
        Assert.Contains("两份结果属于不同的学校", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("warning: The results are of different subjects", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_OfAResultWithItself_SaysNoChanges_InEnglish()
    {
        var passing = Result("passing");

        var result = Cli.Run("compare", passing, passing, "--lang", "en");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Indicators that changed (0, largest change first)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("No changes.", result.Stdout, StringComparison.Ordinal);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void Compare_WithoutLang_IsInTheNewResultsLanguage()
    {
        var chinese = Result("passing");
        var english = _folder.File("english.json");
        Assert.Equal(0, Cli.Run("score", "henan-higher-vocational", RepoPaths.Sample("henan-higher-vocational", "failing"), "-f", "json", "--lang", "en", "--out", english).ExitCode);

        Assert.Contains("Verdict", Cli.Run("compare", chinese, english).Stdout, StringComparison.Ordinal);
        Assert.Contains("结论", Cli.Run("compare", english, chinese).Stdout, StringComparison.Ordinal);
        Assert.Contains("结论", Cli.Run("compare", chinese, english, "--lang", "zh").Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_AsJson_DeltasAreNewLessOld_LargestFirst_AndBackwardsNegated()
    {
        var missing = Result("missing-evidence");
        var passing = Result("passing");

        using var forward = JsonDocument.Parse(Cli.Run("compare", missing, passing, "--format", "json").Stdout);
        using var backward = JsonDocument.Parse(Cli.Run("compare", passing, missing, "-f", "json").Stdout);

        var root = forward.RootElement;
        Assert.Equal("result-comparison", root.GetProperty("kind").GetString());
        Assert.Equal(536.29m - 471.04m, root.GetProperty("total").GetProperty("delta").GetDecimal());
        Assert.True(root.GetProperty("verdictChanged").GetBoolean());
        var changes = root.GetProperty("changes").EnumerateArray().ToList();
        Assert.NotEmpty(changes);
        Assert.All(changes, c => Assert.Equal(c.GetProperty("new").GetProperty("score").GetDecimal() - c.GetProperty("old").GetProperty("score").GetDecimal(), c.GetProperty("delta").GetDecimal()));
        var sizes = changes.Select(c => Math.Abs(c.GetProperty("delta").GetDecimal())).ToList();
        Assert.Equal(sizes.OrderDescending(), sizes);
        Assert.Equal(changes.Select(c => -c.GetProperty("delta").GetDecimal()), backward.RootElement.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("delta").GetDecimal()));
        Assert.Equal(6, root.GetProperty("firstLevel").GetArrayLength());
    }

    [Fact]
    public void Compare_AsHtml_WritesOneSelfContainedPage_WithTheDeltaChart()
    {
        var page = _folder.File("compare.html");

        var result = Cli.Run("compare", Result("failing"), Result("passing"), "--format", "html", "--out", page);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stdout);
        var html = File.ReadAllText(page);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("id=\"delta-chart\"", html, StringComparison.Ordinal);
        Assert.Contains("<script id=\"echarts-lib\">", html, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"resources\",\"name\":\"数字资源\",\"delta\":24.77", html, StringComparison.Ordinal);
        Assert.Contains("<tr data-id=\"resources\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" src=\"http", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_ResultsOfTwoSystems_SaysSo_AndComparesTheIdsTheyShare()
    {
        var result = Cli.Run("compare", Result("passing"), Result("passing", "henan-secondary-vocational"), "--lang", "en");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Note: The results are of different indicator systems (henan-higher-vocational and henan-secondary-vocational)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Overall", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_HostileTextInAResult_IsShownEscaped_InTextAndJson()
    {
        var passing = Result("passing");
        var hostile = _folder.Write("hostile.json", File.ReadAllText(passing).Replace("\"中原数智职业技术学院\"", "\"中原\\u001b[31m数智\\u202e学院\"", StringComparison.Ordinal));

        var text = Cli.Run("compare", passing, hostile);
        var json = Cli.Run("compare", passing, hostile, "--format", "json");

        Assert.Contains("中原\\u001B[31m数智\\u202E学院", text.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', text.Stdout + json.Stdout + text.Stderr);
        Assert.DoesNotContain('\u202e', text.Stdout + json.Stdout + text.Stderr);
        Assert.Equal("中原\u001b[31m数智\u202e学院", JsonDocument.Parse(json.Stdout).RootElement.GetProperty("new").GetProperty("subject").GetProperty("name").GetString());
    }

    [Fact]
    public void Compare_OnAColourTerminal_IsStyled_WithTheSameWords()
    {
        var failing = Result("failing");
        var passing = Result("passing");

        var styled = Cli.RunFor(new IndicatorEngine.Cli.Rendering.ConsoleTarget(Ansi: true, Colour: true, Width: 160), "compare", failing, passing);
        var plain = Cli.Run("compare", failing, passing);

        Assert.Equal(0, styled.ExitCode);
        Assert.Contains("\u001b[", styled.Stdout, StringComparison.Ordinal);
        Assert.Contains("─", styled.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", plain.Stdout, StringComparison.Ordinal);
        Assert.Contains("+24.77", styled.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_OfAMissingFile_ExitTwo_NamingIt()
    {
        var result = Cli.Run("compare", _folder.File("nope.json"), Result("passing"));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(_folder.File("nope.json") + ": error IE001: file not found", result.StderrLines.Single(), StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    [FifoFact]
    public void Compare_OfAFifo_IsRefusedUnopened()
    {
        var fifo = SpecialFiles.MakeFifo(_folder.File("results.fifo"));

        var result = Cli.RunWithin30Seconds("compare", fifo, fifo);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(fifo, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_OfEvidenceInsteadOfAResult_ExitTwo_SayingHowToWriteOne()
    {
        var result = Cli.Run("compare", RepoPaths.Sample("passing"), Result("passing"));

        Assert.Equal(2, result.ExitCode);
        Assert.False(result.HasStackTrace);
        Assert.Contains("not a result document; write one with 'indicator score DEFINITION EVIDENCE --format json --out FILE'", result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>Two batches of the same 60 generated schools, the second with two schools left out, one added, and another seed's evidence for ten.</summary>
    private (string Old, string New) TwoBatches()
    {
        var first = _folder.File("first.ndjson");
        var other = _folder.File("other.ndjson");
        Assert.Equal(0, Cli.Run("generate", "henan-higher-vocational", "--count", "60", "--seed", "7", "--out", first).ExitCode);
        Assert.Equal(0, Cli.Run("generate", "henan-higher-vocational", "--count", "60", "--seed", "8", "--out", other).ExitCode);
        var lines = File.ReadAllLines(first);
        var replacements = File.ReadAllLines(other);
        var second = new List<string>();
        for (var i = 2; i < lines.Length; i++)
        {
            // Another school's values under this school's id.
            second.Add(i < 12 ? ReplaceValues(lines[i], replacements[i]) : lines[i]);
        }

        second.Add(replacements[59].Replace("\"id\":\"", "\"id\":\"NEW-", StringComparison.Ordinal));
        var secondInput = _folder.Write("second.ndjson", string.Join("\n", second) + "\n");
        var oldResults = _folder.File("old-results.ndjson");
        var newResults = _folder.File("new-results.ndjson");
        Assert.Equal(0, Cli.Run("batch", "henan-higher-vocational", first, "--out", oldResults, "--quiet").ExitCode);
        Assert.Equal(0, Cli.Run("batch", "henan-higher-vocational", secondInput, "--out", newResults, "--quiet", "--detail", "full").ExitCode);
        return (oldResults, newResults);
    }

    private static string ReplaceValues(string line, string donor)
    {
        var target = System.Text.Json.Nodes.JsonNode.Parse(line)!;
        target["values"] = System.Text.Json.Nodes.JsonNode.Parse(donor)!["values"]!.DeepClone();
        return target.ToJsonString();
    }

    [Fact]
    public void CompareBatch_CountsAndListsMovers_AddedAndMissing()
    {
        var (old, @new) = TwoBatches();

        var result = Cli.Run("compare", "--batch", old, @new, "--format", "json", "--top", "3");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        var counts = root.GetProperty("counts");
        Assert.Equal("batch-comparison", root.GetProperty("kind").GetString());
        Assert.Equal(60, counts.GetProperty("old").GetInt32());
        Assert.Equal(59, counts.GetProperty("new").GetInt32());
        Assert.Equal(58, counts.GetProperty("matched").GetInt32());
        Assert.Equal(1, counts.GetProperty("added").GetInt32());
        Assert.Equal(2, counts.GetProperty("missing").GetInt32());
        Assert.Equal(58, counts.GetProperty("up").GetInt32() + counts.GetProperty("down").GetInt32() + counts.GetProperty("unchanged").GetInt32());
        Assert.InRange(counts.GetProperty("up").GetInt32() + counts.GetProperty("down").GetInt32(), 1, 10);
        Assert.True(root.GetProperty("up").GetArrayLength() <= 3);
        var deltas = root.GetProperty("down").EnumerateArray().Select(m => m.GetProperty("delta").GetDecimal()).ToList();
        Assert.Equal(deltas.Order(), deltas);
        Assert.All(root.GetProperty("up").EnumerateArray(), m => Assert.Equal(m.GetProperty("new").GetProperty("total").GetDecimal() - m.GetProperty("old").GetProperty("total").GetDecimal(), m.GetProperty("delta").GetDecimal()));
        Assert.StartsWith("NEW-", root.GetProperty("added")[0].GetProperty("id").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void CompareBatch_AsText_StartsWithTheCounts()
    {
        var (old, @new) = TwoBatches();

        var result = Cli.Run("compare", "--batch", old, @new);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("汇总", result.StdoutLines[0]);
        Assert.StartsWith("学校        旧 60，新 59；两边都有 58，新增 1，缺失 2", result.StdoutLines[1], StringComparison.Ordinal);
        Assert.Contains("缺失的学校（共 2）", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void CompareBatch_OfABadLine_ExitTwo_WithFileAndLine()
    {
        var (old, _) = TwoBatches();
        var broken = _folder.Write("broken.ndjson", File.ReadAllLines(old)[0] + "\n{oops\n");

        var result = Cli.Run("compare", "--batch", old, broken);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.StartsWith(broken + ":2: error: not JSON", result.StderrLines.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void CompareBatch_AsHtml_IsRefused()
    {
        var result = Cli.Run("compare", "--batch", "a.ndjson", "b.ndjson", "--format", "html");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("compare --batch writes text or json, not html", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_TopBelowOne_IsACommandLineError()
    {
        var result = Cli.Run("compare", "--batch", "a.ndjson", "b.ndjson", "--top", "0");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("option '--top' needs 1 or more", result.Stderr, StringComparison.Ordinal);
    }
}
