
namespace IndicatorEngine.Scripting;

/// <summary>
/// The evidence a formula reads, resolved to slots: puts the values into a frame as JavaScript values, and
/// says which are missing or invalid. A document reads as true when supplied and false when not (like a
/// boolean rule); any other missing value means the formula is not run.
/// </summary>
internal sealed class FormulaEvidence
{
    private readonly Read[] _reads;
    private readonly bool _numbersOnly;

    public FormulaEvidence(FormulaShape shape, EvidenceCatalogue catalogue)
    {
        _reads = shape.Inputs
            .Select((input, index) => (input, index))
            .Where(x => x.input.Source == InputSource.Evidence)
            .Select(x => new Read(x.index, catalogue.SlotOf(x.input.Key), catalogue[catalogue.SlotOf(x.input.Key)]))
            .ToArray();
        Slots = _reads.Select(r => r.Slot).ToArray();
        _numbersOnly = _reads.All(r => r.Declaration.Type is EvidenceType.Number or EvidenceType.Integer);
    }

    /// <summary>The evidence inputs: each one's slot and declaration.</summary>
    public IEnumerable<(int Slot, EvidenceDeclaration Declaration)> Inputs => _reads.Select(r => (r.Slot, r.Declaration));

    /// <summary>The slots read, for the scorecard's missing evidence.</summary>
    public int[] Slots { get; }

    /// <summary>Fills the frame; false when a value is missing or invalid (see <see cref="Problems"/>).</summary>
    public bool Fill(ReadOnlySpan<EvidenceValue> slots, FormulaFrame frame) => Fill(slots, frame.Numbers, frame.Texts);

    /// <summary>Fills numbers (and strings, when the formula reads any); false when a value is missing or invalid.</summary>
    public bool Fill(ReadOnlySpan<EvidenceValue> slots, Span<double> numbers, object?[]? texts)
    {
        if (_numbersOnly)
        {
            // The common case, kept tight: every input is a number.
            var reads = _reads;
            for (var i = 0; i < reads.Length; i++)
            {
                ref readonly var value = ref slots[reads[i].Slot];
                if (value.Kind != EvidenceKind.Number)
                {
                    return false;
                }

                numbers[reads[i].Input] = (double)value.Number;
            }

            return true;
        }

        var usable = true;
        foreach (var read in _reads)
        {
            ref readonly var value = ref slots[read.Slot];
            switch (value.Kind)
            {
                case EvidenceKind.Number:
                    numbers[read.Input] = (double)value.Number;
                    break;
                case EvidenceKind.Boolean:
                    numbers[read.Input] = value.Boolean ? 1 : 0;
                    break;
                case EvidenceKind.Document:
                    numbers[read.Input] = 1;
                    break;
                case EvidenceKind.Missing when read.Declaration.Type == EvidenceType.Document:
                    numbers[read.Input] = 0;
                    break;
                case EvidenceKind.Text:
                    texts![read.Input] = value.Text;
                    break;
                case EvidenceKind.List:
                    texts![read.Input] = value.Items ?? [];
                    break;
                default:
                    usable = false;
                    break;
            }
        }

        return usable;
    }

    /// <summary>What keeps the formula from running, without putting words together: an invalid value, else a missing one.</summary>
    public ScoreStatus Problem(ReadOnlySpan<EvidenceValue> slots)
    {
        var status = ScoreStatus.Scored;
        foreach (var read in _reads)
        {
            var kind = slots[read.Slot].Kind;
            if (kind == EvidenceKind.Invalid)
            {
                return ScoreStatus.Error;
            }

            if (kind == EvidenceKind.Missing && read.Declaration.Type != EvidenceType.Document)
            {
                status = ScoreStatus.MissingEvidence;
            }
        }

        return status;
    }

    /// <summary>The keys that are missing and those that are invalid, each as one line (empty when none).</summary>
    public (string Missing, string Invalid) Problems(ReadOnlySpan<EvidenceValue> slots, ExplainLanguage language)
    {
        var missing = new List<string>();
        var invalid = new List<string>();
        foreach (var read in _reads)
        {
            var kind = slots[read.Slot].Kind;
            if (kind == EvidenceKind.Missing && read.Declaration.Type != EvidenceType.Document)
            {
                missing.Add($"{read.Declaration.Title} ({read.Declaration.Key})");
            }
            else if (kind == EvidenceKind.Invalid)
            {
                invalid.Add($"{read.Declaration.Title} ({read.Declaration.Key})");
            }
        }

        return (string.Join(Text.Comma(language), missing), string.Join(Text.Comma(language), invalid));
    }

    /// <summary>The values read, for an explanation: <c>key = value, …</c>.</summary>
    public string Describe(ReadOnlySpan<EvidenceValue> slots, ExplainLanguage language = ExplainLanguage.English)
    {
        var chinese = language == ExplainLanguage.Chinese;
        if (_reads.Length == 0)
        {
            return chinese ? "未读取佐证" : "no evidence";
        }

        var parts = new string[_reads.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            var value = slots[_reads[i].Slot];
            var shown = value.Kind switch
            {
                EvidenceKind.Number => Text.Num(value.Number),
                EvidenceKind.Boolean => chinese ? Text.YesNo(value.Boolean, language) : value.Boolean ? "true" : "false",
                EvidenceKind.Document => Text.Document(true, language),
                EvidenceKind.Missing => Text.Document(false, language),
                EvidenceKind.List => chinese ? $"{value.Count} 项" : $"{value.Count} items",
                _ => $"\"{(value.Text!.Length <= 40 ? value.Text : value.Text[..40] + "…")}\"",
            };
            parts[i] = $"{_reads[i].Declaration.Key} = {shown}";
        }

        return string.Join(Text.Comma(language), parts);
    }

    private readonly record struct Read(int Input, int Slot, EvidenceDeclaration Declaration);
}
