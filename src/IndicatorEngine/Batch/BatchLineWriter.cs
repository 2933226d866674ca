using System.Buffers;
using System.Buffers.Text;
using System.Text;
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

    private static readonly byte[][] StatusBytes =
        Enum.GetValues<ScoreStatus>().Select(s => Encoding.UTF8.GetBytes(ReportText.Status(s))).ToArray();

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_tree;

    private readonly byte[][] _heads;
    private readonly byte[][] _middles;
    private readonly BatchDetail _detail;
    private readonly EvaluationPlan _plan;

    public BatchLineWriter(IndicatorSystem system, BatchDetail detail)
    {
        _detail = detail;
        _plan = system.Plan;
        _heads = _plan.Nodes.Select(n => Encoding.UTF8.GetBytes($"{{\"id\":\"{Encoding.UTF8.GetString(JsonEncodedText.Encode(n.Indicator.Id, ScorecardJson.Options(false).Encoder).EncodedUtf8Bytes)}\",\"score\":")).ToArray();
        _middles = _plan.Nodes.Select(n => Encoding.UTF8.GetBytes($",\"max\":{Max(n.Indicator.Points)},\"status\":\"")).ToArray();
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
                WriteTree(writer, card.NodeScores!, card.NodeStatuses!);
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

    /// <summary>
    /// The indicator tree as bytes: each node's constant parts (<c>{"id":"…","score":</c> and <c>,"max":80,"status":"</c>)
    /// encoded once per batch, the score formatted as <see cref="Utf8JsonWriter"/> formats a decimal, so the bytes are those
    /// the writer would write, in a fraction of the time.
    /// </summary>
    private void WriteTree(Utf8JsonWriter writer, decimal[] scores, ScoreStatus[] statuses)
    {
        var buffer = t_tree ??= new ArrayBufferWriter<byte>(8192);
        buffer.ResetWrittenCount();
        buffer.Write("["u8);
        var first = true;
        foreach (var root in _plan.Roots)
        {
            WriteNode(buffer, root, scores, statuses, ref first);
        }

        buffer.Write("]"u8);
        writer.WritePropertyName("indicators");
        writer.WriteRawValue(buffer.WrittenSpan, skipInputValidation: true);
    }

    private void WriteNode(ArrayBufferWriter<byte> buffer, int index, decimal[] scores, ScoreStatus[] statuses, ref bool first)
    {
        if (!first)
        {
            buffer.Write(","u8);
        }

        first = false;
        buffer.Write(_heads[index]);
        var space = buffer.GetSpan(64);
        if (!Utf8Formatter.TryFormat(scores[index], space, out var written))
        {
            throw new InvalidOperationException("a score does not fit in 64 bytes");
        }

        buffer.Advance(written);
        buffer.Write(_middles[index]);
        buffer.Write(StatusBytes[(int)statuses[index]]);
        buffer.Write("\",\"children\":["u8);
        var firstChild = true;
        foreach (var child in _plan.Nodes[index].Children)
        {
            WriteNode(buffer, child, scores, statuses, ref firstChild);
        }

        buffer.Write("]}"u8);
    }

    /// <summary>A decimal as <see cref="Utf8JsonWriter"/> writes it.</summary>
    private static string Max(decimal points)
    {
        Span<byte> bytes = stackalloc byte[64];
        Utf8Formatter.TryFormat(points, bytes, out var written);
        return Encoding.UTF8.GetString(bytes[..written]);
    }
}
