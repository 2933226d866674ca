using System.Text;
using IndicatorEngine.Batch;

namespace IndicatorEngine.Tests.Batch;

/// <summary>Nothing is lost: every record has its line, and a bad record fails alone, saying where and why.</summary>
public class BatchErrorTests
{
    [Fact]
    public void OneMalformedLine_AmongGoodOnes_FailsAlone_NamingItsLine()
    {
        var subjects = BatchRun.Subjects(30).ToList();
        subjects[11] = subjects[11][..40];
        var (lines, summary) = BatchRun.Ndjson(subjects, new BatchOptions { MaxParallelism = 4, Window = 8 });

        Assert.Equal(30, lines.Length);
        var bad = BatchRun.Json(lines[11]);
        Assert.Equal(12, bad.GetProperty("record").GetInt64());
        Assert.Equal("IE003", bad.GetProperty("error").GetProperty("code").GetString());
        Assert.StartsWith("schools.ndjson:12:", bad.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(12, bad.GetProperty("diagnostics")[0].GetProperty("line").GetInt32());
        Assert.All(lines.Where((_, i) => i != 11), l => Assert.True(BatchRun.Json(l).TryGetProperty("total", out _)));
        Assert.Equal((30L, 29L, 1L), (summary.Records, summary.Scored, summary.Errors));
    }

    [Fact]
    public void ABlankLine_IsAnErrorRecord_NotSkipped_AndAFinalLineBreakIsNotALine()
    {
        var good = BatchRun.SampleLine();
        var (lines, summary) = BatchRun.Ndjson(good + "\n   \r\n" + good.Replace("HV-410105-0137", "other", StringComparison.Ordinal) + "\r\n");

        Assert.Equal(3, lines.Length);
        var blank = BatchRun.Json(lines[1]);
        Assert.Equal(2, blank.GetProperty("record").GetInt64());
        Assert.Equal("IE501", blank.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(3, BatchRun.Json(lines[2]).GetProperty("record").GetInt64());
        Assert.Equal(1, summary.Errors);
    }

    [Fact]
    public void ADuplicateSubjectId_MakesTheSecondOccurrenceAnErrorRecord_NamingTheFirst()
    {
        var subjects = BatchRun.Subjects(5).ToList();
        subjects.Insert(3, subjects[1]);
        var (lines, summary) = BatchRun.Ndjson(subjects, new BatchOptions { MaxParallelism = 3, Window = 4 });

        Assert.Equal(6, lines.Length);
        Assert.True(BatchRun.Json(lines[1]).TryGetProperty("total", out _), "the first occurrence is scored");
        var second = BatchRun.Json(lines[3]);
        Assert.Equal("IE504", second.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("school-00002", second.GetProperty("id").GetString());
        Assert.Contains("record 2", second.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(4, second.GetProperty("diagnostics")[0].GetProperty("line").GetInt32());
        Assert.Equal((6L, 5L, 1L), (summary.Records, summary.Scored, summary.Errors));
    }

    [Fact]
    public void WithoutTheDuplicateCheck_BothCopiesAreScored()
    {
        var subjects = BatchRun.Subjects(3).ToList();
        subjects.Add(subjects[0]);
        var (lines, summary) = BatchRun.Ndjson(subjects, new BatchOptions { CheckDuplicateIds = false });
        Assert.Equal(BatchRun.Json(lines[0]).GetProperty("total").GetDecimal(), BatchRun.Json(lines[3]).GetProperty("total").GetDecimal());
        Assert.Equal(4, summary.Scored);
    }

    [Fact]
    public void ALineLongerThanTheLimit_IsAnErrorRecord_AndTheNextLineIsRead()
    {
        var good = BatchRun.SampleLine();
        var text = good + "\n" + new string(' ', 5000) + "{}\n" + good.Replace("HV-410105-0137", "next", StringComparison.Ordinal) + "\n";
        var (lines, _) = BatchRun.Ndjson(text, new BatchOptions { MaxRecordBytes = 4000, MaxParallelism = 1 });

        Assert.Equal(3, lines.Length);
        Assert.Equal("IE502", BatchRun.Json(lines[1]).GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("next", BatchRun.Json(lines[2]).GetProperty("subject").GetProperty("id").GetString());
    }

    [Fact]
    public void BadValues_AreScoredWithDiagnostics_ButNotJsonOfTheWrongShape()
    {
        var good = BatchRun.SampleLine();
        var wrongType = good.Replace("\"campusHeadcount\":16850", "\"campusHeadcount\":\"many\"", StringComparison.Ordinal);
        var noId = good.Replace("\"id\":\"HV-410105-0137\",", "", StringComparison.Ordinal);
        var unknownProfile = good.Replace("\"profile\":\"higher-vocational\"", "\"profile\":\"kindergarten\"", StringComparison.Ordinal).Replace("HV-410105-0137", "p", StringComparison.Ordinal);
        var (lines, _) = BatchRun.Ndjson([wrongType, noId, unknownProfile], new BatchOptions { Detail = BatchDetail.Full });

        var scored = BatchRun.Json(lines[0]);
        Assert.Contains(scored.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("code").GetString() == "IE201" && d.GetProperty("line").GetInt32() == 1);
        Assert.Equal("IE004", BatchRun.Json(lines[1]).GetProperty("error").GetProperty("code").GetString());
        var profile = BatchRun.Json(lines[2]);
        Assert.Equal("IE107", profile.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("p", profile.GetProperty("id").GetString());
    }

    [Fact]
    public void InvalidUtf8OnOneLine_FailsThatLineOnly()
    {
        var good = Encoding.UTF8.GetBytes(BatchRun.SampleLine());
        var bad = Encoding.UTF8.GetBytes(BatchRun.SampleLine().Replace("HV-410105-0137", "gbk", StringComparison.Ordinal));
        var at = Array.IndexOf(bad, (byte)'g');
        bad[at] = 0xC4;
        bad[at + 1] = 0xE3;
        var input = new MemoryStream([.. good, (byte)'\n', .. bad, (byte)'\n', .. good.Select(b => b)]);
        var (lines, summary) = BatchRun.Run(BatchSource.Ndjson(input, "schools.ndjson"), new BatchOptions { MaxParallelism = 2 });

        Assert.Equal(3, lines.Length);
        Assert.Equal("IE007", BatchRun.Json(lines[1]).GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("IE504", BatchRun.Json(lines[2]).GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(1, summary.Scored);
    }

    [Fact]
    public async Task InCodeSources_AreNumberedFromOne_AndHandedOutInOrder()
    {
        var subjects = BatchRun.Subjects(50);
        var runner = new BatchRunner(BatchRun.Henan, new BatchOptions { MaxParallelism = 4, Window = 6 });
        var results = new List<BatchResult>();
        await foreach (var result in runner.ScoreAsync(BatchSource.Payloads(Payloads(subjects.Append("").Append("{")), "api")))
        {
            results.Add(result);
        }

        Assert.Equal(Enumerable.Range(1, 52).Select(i => (long)i), results.Select(r => r.Record));
        Assert.Equal(subjects.Select((_, i) => $"school-{i + 1:00000}"), results.Take(50).Select(r => r.Scorecard!.Subject.Id));
        Assert.Equal("IE501", results[50].Errors[0].Code);
        Assert.Equal("api[52]", results[51].Errors[0].File);

        var evidence = SubjectEvidence.Load(RepoPaths.Sample("passing")).GetValueOrThrow();
        var fromEvidence = new List<BatchResult>();
        await foreach (var result in runner.ScoreAsync(BatchSource.Evidence(Items(evidence))))
        {
            fromEvidence.Add(result);
        }

        Assert.Equal(536.29m, Assert.Single(fromEvidence).Scorecard!.Total);
    }

    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> Payloads(IEnumerable<string> texts)
    {
        var buffer = new byte[64 * 1024];
        foreach (var text in texts)
        {
            await Task.Yield();

            // The same buffer every time: the batch copies what it takes.
            var length = Encoding.UTF8.GetBytes(text, buffer);
            yield return buffer.AsMemory(0, length);
        }
    }

    private static async IAsyncEnumerable<SubjectEvidence> Items(params SubjectEvidence[] items)
    {
        foreach (var item in items)
        {
            await Task.Yield();
            yield return item;
        }
    }
}
