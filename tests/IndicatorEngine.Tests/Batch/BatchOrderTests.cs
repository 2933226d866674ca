using IndicatorEngine.Batch;

namespace IndicatorEngine.Tests.Batch;

/// <summary>Results come out in input order, one per record, whatever the parallelism.</summary>
public class BatchOrderTests
{
    [Fact]
    public void TwoThousandSubjects_WithEightWorkersOnAnyCores_EqualASequentialRun_RecordByRecord()
    {
        var subjects = BatchRun.Subjects(2000);
        var (sequential, one) = BatchRun.Ndjson(subjects, new BatchOptions { MaxParallelism = 1, Window = 1 });
        var (parallel, many) = BatchRun.Ndjson(subjects, new BatchOptions { MaxParallelism = 8, Window = 64 });

        Assert.Equal(2000, sequential.Length);
        Assert.Equal(sequential, parallel);
        Assert.Equal(one.ToJson(), many.ToJson());
        for (var i = 0; i < parallel.Length; i++)
        {
            var line = BatchRun.Json(parallel[i]);
            Assert.Equal(i + 1, line.GetProperty("record").GetInt64());
            Assert.Equal($"school-{i + 1:00000}", line.GetProperty("subject").GetProperty("id").GetString());
        }
    }

    [Fact]
    public void EveryResult_IsTheScorecardOfItsLine_AtEveryDetail()
    {
        var subjects = BatchRun.Subjects(40);
        foreach (var detail in Enum.GetValues<BatchDetail>())
        {
            var (lines, _) = BatchRun.Ndjson(subjects, new BatchOptions { Detail = detail, MaxParallelism = 3, Window = 5 });
            for (var i = 0; i < lines.Length; i++)
            {
                var card = BatchRun.Henan.Score(BatchRun.Henan.ReadEvidence(System.Text.Encoding.UTF8.GetBytes(subjects[i]), "schools.ndjson"));
                var line = BatchRun.Json(lines[i]);
                Assert.Equal(card.Total, line.GetProperty("total").GetDecimal());
                Assert.Equal(card.Verdict.ToString().ToLowerInvariant(), line.GetProperty("verdict").GetString());
                Assert.Equal(card.Grade?.Id, line.GetProperty("grade").ValueKind == System.Text.Json.JsonValueKind.Null ? null : line.GetProperty("grade").GetProperty("id").GetString());
                Assert.Equal(detail != BatchDetail.Summary, line.TryGetProperty("indicators", out var indicators));
                Assert.Equal(detail == BatchDetail.Full, line.TryGetProperty("diagnostics", out _));
                if (detail == BatchDetail.Full)
                {
                    // The whole result document of ScorecardJson, with the record number in front.
                    var full = System.Text.Json.Nodes.JsonNode.Parse(lines[i])!.AsObject();
                    full.Remove("record");
                    Assert.Equal(ScorecardJson.ToJson(card, indented: false), full.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) }));
                }
                else if (detail == BatchDetail.Indicators)
                {
                    var first = indicators[0];
                    Assert.Equal(card.Indicators[0].Id, first.GetProperty("id").GetString());
                    Assert.Equal(card.Indicators[0].Score, first.GetProperty("score").GetDecimal());
                    Assert.False(first.TryGetProperty("explanation", out _));
                    var leaves = card.ObservationPoints().ToList();
                    var written = Leaves(indicators).ToList();
                    Assert.Equal(leaves.Select(l => (l.Id, l.Score, ScorecardJson.ToJson(card).Contains(l.Id, StringComparison.Ordinal))), written.Select(w => (w.GetProperty("id").GetString()!, w.GetProperty("score").GetDecimal(), true)));
                }
            }
        }
    }

    [Fact]
    public void TheIndicatorTree_IsTheBytesAJsonWriterWrites()
    {
        var subjects = BatchRun.Subjects(60, seed: 4);
        var (lines, _) = BatchRun.Ndjson(subjects);
        for (var i = 0; i < lines.Length; i++)
        {
            var card = BatchRun.Henan.Score(BatchRun.Henan.ReadEvidence(System.Text.Encoding.UTF8.GetBytes(subjects[i]), "schools.ndjson"));
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            using (var writer = new System.Text.Json.Utf8JsonWriter(buffer, new System.Text.Json.JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) }))
            {
                writer.WriteStartArray();
                foreach (var indicator in card.Indicators)
                {
                    Write(writer, indicator);
                }

                writer.WriteEndArray();
            }

            var expected = ",\"indicators\":" + System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan) + "}";
            Assert.EndsWith(expected, lines[i], StringComparison.Ordinal);
        }

        static void Write(System.Text.Json.Utf8JsonWriter writer, IndicatorScore score)
        {
            writer.WriteStartObject();
            writer.WriteString("id", score.Id);
            writer.WriteNumber("score", score.Score);
            writer.WriteNumber("max", score.Max);
            writer.WriteString("status", score.Status switch
            {
                ScoreStatus.MissingEvidence => "missing-evidence",
                ScoreStatus.NotApplicable => "not-applicable",
                var s => s.ToString().ToLowerInvariant(),
            });
            writer.WriteStartArray("children");
            foreach (var child in score.Children)
            {
                Write(writer, child);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }
    }

    private static IEnumerable<System.Text.Json.JsonElement> Leaves(System.Text.Json.JsonElement array)
    {
        foreach (var node in array.EnumerateArray())
        {
            var children = node.GetProperty("children");
            if (children.GetArrayLength() == 0)
            {
                yield return node;
            }

            foreach (var leaf in Leaves(children))
            {
                yield return leaf;
            }
        }
    }
}
