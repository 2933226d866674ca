using System.Diagnostics.CodeAnalysis;
using IndicatorEngine.Definitions;
using IndicatorEngine.Evidence;

namespace IndicatorEngine.Scoring.Rules;

/// <summary>
/// The number a rule reads: an evidence value, optionally divided by another (per head) and multiplied by a
/// scale (Gbps → Mbps). Knows how to describe itself for the explanation.
/// </summary>
internal sealed class Measure
{
    private readonly EvidenceDeclaration _value;
    private readonly EvidenceDeclaration? _per;
    private readonly decimal _scale;

    public Measure(EvidenceDeclaration value, int slot, EvidenceDeclaration? per, int perSlot, decimal scale, string? label, string? unit)
    {
        _value = value;
        Slot = slot;
        _per = per;
        PerSlot = perSlot;
        _scale = scale;
        Label = label ?? value.Title;
        Unit = unit ?? (per is null && scale == 1m ? value.Unit : null);
    }

    public int Slot { get; }

    public int PerSlot { get; }

    public string Label { get; }

    public string? Unit { get; }

    public int[] Reads => _per is null ? [Slot] : [Slot, PerSlot];

    /// <summary>Reads the measure, or returns the outcome that explains why it cannot be read.</summary>
    public bool TryRead(ReadOnlySpan<EvidenceValue> slots, out decimal value, [NotNullWhen(true)] out string? described, out ScoreOutcome failure)
    {
        value = 0m;
        described = null;
        failure = default;
        var raw = slots[Slot];
        if (!Usable(raw, _value, out failure))
        {
            return false;
        }

        if (_per is null)
        {
            value = raw.Number * _scale;
            described = $"{Label} {Text.WithUnit(value, Unit)}";
            return true;
        }

        var per = slots[PerSlot];
        if (!Usable(per, _per, out failure))
        {
            return false;
        }

        if (per.Number == 0m)
        {
            failure = ScoreOutcome.Failed($"{_per.Title} is 0, so {Label} per {_per.Title} cannot be computed");
            return false;
        }

        value = raw.Number * _scale / per.Number;
        described = $"{_value.Title} {Text.WithUnit(raw.Number, _value.Unit)} for {Text.WithUnit(per.Number, _per.Unit)} = {Text.Short(value)}{(Unit is null ? "" : " " + Unit)}";
        return true;
    }

    private static bool Usable(EvidenceValue value, EvidenceDeclaration declaration, out ScoreOutcome failure)
    {
        failure = value.Kind switch
        {
            EvidenceKind.Missing => ScoreOutcome.Missing($"{declaration.Title} ({declaration.Key}) not supplied"),
            EvidenceKind.Invalid => ScoreOutcome.Failed($"{declaration.Title} ({declaration.Key}) is invalid; see the diagnostics"),
            _ => default,
        };
        return value.Kind == EvidenceKind.Number;
    }
}
