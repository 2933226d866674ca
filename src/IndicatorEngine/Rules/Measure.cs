
namespace IndicatorEngine.Rules;

/// <summary>
/// The number a rule reads: an evidence value, optionally divided by another (per head) and multiplied by a
/// scale (Gbps → Mbps). Knows how to describe itself for the explanation.
/// </summary>
internal sealed class Measure
{
    private readonly EvidenceDeclaration _value;
    private readonly EvidenceDeclaration? _per;
    private readonly decimal _scale;

    public Measure(EvidenceDeclaration value, int slot, EvidenceDeclaration? per, int perSlot, decimal scale, string? label, LocalizedText? unit)
    {
        _value = value;
        Slot = slot;
        _per = per;
        PerSlot = perSlot;
        _scale = scale;
        Label = label ?? value.Title;
        Unit = unit ?? (per is null && scale == 1m ? value.Unit : null);
        Reads = per is null ? [slot] : [slot, perSlot];
    }

    public int Slot { get; }

    public int PerSlot { get; }

    public string Label { get; }

    public LocalizedText? Unit { get; }

    public int[] Reads { get; }

    /// <summary>Reads the measure, or returns the outcome that explains why it cannot be read.</summary>
    /// <param name="slots">The subject's evidence.</param>
    /// <param name="language">Whether to describe the measure (and a failure) in words, and in which language.</param>
    /// <param name="value">The number.</param>
    /// <param name="described">The measure in words, e.g. "出口带宽 12,000 Mbps for 21,000 = 0.57 Mbps/head"; null unless explaining.</param>
    /// <param name="failure">Why the measure cannot be read.</param>
    public bool TryRead(ReadOnlySpan<EvidenceValue> slots, ExplainLanguage language, out decimal value, out string? described, out ScoreOutcome failure)
    {
        value = 0m;
        described = null;
        failure = default;
        var raw = slots[Slot];
        if (!Usable(raw, _value, language, out failure))
        {
            return false;
        }

        if (_per is null)
        {
            value = raw.Number * _scale;
            // Stryker disable once Conditional : text built with no language asked for is never read
            described = language == ExplainLanguage.None ? null : $"{Label} {Text.WithUnit(value, Unit, language)}";
            return true;
        }

        var per = slots[PerSlot];
        if (!Usable(per, _per, language, out failure))
        {
            return false;
        }

        if (per.Number == 0m)
        {
            failure = ScoreOutcome.Failed(language switch
            {
                ExplainLanguage.None => null,
                ExplainLanguage.Chinese => $"{_per.Title}为 0，无法按{_per.Title}计算{Label}",
                _ => $"{_per.Title} is 0, so {Label} per {_per.Title} cannot be computed",
            });
            return false;
        }

        value = raw.Number * _scale / per.Number;
        if (language != ExplainLanguage.None)
        {
            described = $"{_value.Title} {Text.WithUnit(raw.Number, _value.Unit, language)} {Text.Pick(language, "÷", "for")} {Text.WithUnit(per.Number, _per.Unit, language)} = {Text.Short(value)}{(Unit is null ? "" : " " + Text.Unit(Unit, language))}";
        }

        return true;
    }

    /// <summary>
    /// The edit of the evidence value (never the divisor) that makes the measure <paramref name="wanted"/>, rounded
    /// towards meeting it (<paramref name="up"/>); null, with <paramref name="needs"/> the divisor's slot, when the
    /// divisor cannot be read or is 0.
    /// </summary>
    public EvidenceEdit? EditFor(ReadOnlySpan<EvidenceValue> slots, decimal wanted, bool up, ref int needs)
    {
        var raw = wanted / _scale;
        if (_per is not null)
        {
            var per = slots[PerSlot];
            if (per.Kind != EvidenceKind.Number || per.Number == 0m)
            {
                needs = PerSlot;
                return null;
            }

            raw *= per.Number;
        }

        return new EvidenceEdit(Slot, RuleSteps.Number(_value, raw, up));
    }

    private static bool Usable(EvidenceValue value, EvidenceDeclaration declaration, ExplainLanguage language, out ScoreOutcome failure)
    {
        failure = value.Kind switch
        {
            EvidenceKind.Missing => Text.Missing(declaration.Title, declaration.Key, language),
            EvidenceKind.Invalid => Text.Invalid(declaration.Title, declaration.Key, language),
            _ => default,
        };
        return value.Kind == EvidenceKind.Number;
    }
}
