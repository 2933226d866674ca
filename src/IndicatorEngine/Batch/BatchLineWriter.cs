using System.Text.Json;

namespace IndicatorEngine.Batch;

/// <summary>
/// Writes one result line of a batch: <c>record</c> (the record's number in the input) first, then the result
/// document of <see cref="ScorecardJson"/> cut to a <see cref="BatchDetail"/>; or an error record. Indicator ids
/// are encoded once per batch, and <see cref="BatchDetail.Indicators"/> reads the scores and statuses straight
/// from the scorecard, so no explanation is ever put together. Thread-safe.
/// </summary>
internal sealed class BatchLineWriter
{
    private static readonly JsonEncodedText RecordName = JsonEncodedText.Encode("record");
    private static readonly JsonEncodedText IdName = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText ScoreName = JsonEncodedText.Encode("score");
    private static readonly JsonEncodedText MaxName = JsonEncodedText.Encode("max");
    private static readonly JsonEncodedText StatusName = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText ChildrenName = JsonEncodedText.Encode("children");
    private static readonly JsonEncodedText[] StatusText =
        Enum.GetValues<ScoreStatus>().Select(s => JsonEncodedText.Encode(ReportText.Status(s))).ToArray();

    private readonly BatchDetail _detail;
    private readonly JsonEncodedText[] _ids;
    private readonly EvaluationPlan _plan;

    public BatchLineWriter(IndicatorSystem system, BatchDetail detail)
    {
        _detail = detail;
        _plan = system.Plan;
        _ids = _plan.Nodes.Select(n => JsonEncodedText.Encode(n.Indicator.Id, ScorecardJson.Options(false).Encoder)).ToArray();
    }

    public void Write(Utf8JsonWriter writer, long record, Scorecard card)
    {
        writer.WriteStartObject();
        writer.WriteNumber(RecordName, record);
        if (_detail == BatchDetail.Full)
        {
            ScorecardJson.WriteProperties(card, writer);
        }
        else
        {
            ScorecardJson.WriteVerdict(card, writer);
            if (_detail == BatchDetail.Indicators)
            {
                writer.WriteStartArray("indicators");
                foreach (var root in _plan.Roots)
                {
                    WriteNode(writer, root, card.NodeScores!, card.NodeStatuses!);
                }

                writer.WriteEndArray();
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>An error record: <c>{ "record", "id" (when known), "error": { "code", "message" }, "diagnostics": [ … ] }</c>.</summary>
    public static void WriteError(Utf8JsonWriter writer, long record, string? subjectId, IReadOnlyList<Diagnostic> diagnostics)
    {
        var first = diagnostics.FirstOrDefault(d => d.IsError) ?? diagnostics[0];
        writer.WriteStartObject();
        writer.WriteNumber(RecordName, record);
        if (!string.IsNullOrEmpty(subjectId))
        {
            writer.WriteString(IdName, subjectId);
        }

        writer.WriteStartObject("error");
        writer.WriteString("code", first.Code);
        writer.WriteString("message", first.ToString());
        writer.WriteEndObject();
        writer.WritePropertyName("diagnostics");
        DiagnosticsJson.Write(writer, diagnostics);
        writer.WriteEndObject();
    }

    private void WriteNode(Utf8JsonWriter writer, int index, decimal[] scores, ScoreStatus[] statuses)
    {
        writer.WriteStartObject();
        writer.WriteString(IdName, _ids[index]);
        writer.WriteNumber(ScoreName, scores[index]);
        writer.WriteNumber(MaxName, _plan.Nodes[index].Indicator.Points);
        writer.WriteString(StatusName, StatusText[(int)statuses[index]]);
        writer.WriteStartArray(ChildrenName);
        foreach (var child in _plan.Nodes[index].Children)
        {
            WriteNode(writer, child, scores, statuses);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
