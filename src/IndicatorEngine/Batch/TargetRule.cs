namespace IndicatorEngine.Batch;

/// <summary>
/// A target of the definition made ready to count subjects: its evidence as slots, its condition parsed once. The
/// counts it adds (<see cref="TargetCount"/>) are exact and merge by adding, like the rest of a summary.
/// </summary>
internal sealed class TargetRule
{
    private readonly string? _profile;
    private readonly bool? _passed;
    private readonly int _slot = -1;
    private readonly int _weightSlot = -1;
    private readonly decimal? _atLeast;
    private readonly System.Text.Json.JsonElement? _equals;

    private TargetRule(TargetDto target, EvidenceCatalogue catalogue)
    {
        Id = target.Id;
        Title = target.Title.Zh;
        _profile = target.Profile;
        if (target.Mean is { } mean)
        {
            Kind = TargetKind.Mean;
            Required = target.AtLeast!.Value;
            _slot = catalogue.SlotOf(mean);
            _weightSlot = target.Weight is { } weight ? catalogue.SlotOf(weight) : -1;
        }
        else
        {
            Kind = TargetKind.Share;
            Required = target.Share!.Value;
            var when = target.When!;
            _passed = when.Passed;
            _slot = when.Evidence is { } key ? catalogue.SlotOf(key) : -1;
            _atLeast = when.AtLeast;
            _equals = when.EqualsValue;
        }
    }

    public TargetRule(string id, string title, TargetKind kind, decimal required)
    {
        Id = id;
        Title = title;
        Kind = kind;
        Required = required;
    }

    public string Id { get; }

    public string Title { get; }

    public TargetKind Kind { get; }

    public decimal Required { get; }

    public static IReadOnlyList<TargetRule> Of(IndicatorSystem system) =>
        (system.Model.Targets ?? []).Select(t => new TargetRule(t, system.Plan.Catalogue)).ToList();

    /// <summary>What one scored subject adds to the target's counts.</summary>
    public TargetCount Count(Scorecard card)
    {
        if (_profile is not null && card.Subject.Profile != _profile)
        {
            return default;
        }

        var slots = card.Slots!;
        if (Kind == TargetKind.Mean)
        {
            var value = slots[_slot];
            var weight = _weightSlot < 0 ? 1m : slots[_weightSlot] is { Kind: EvidenceKind.Number } w ? w.Number : -1m;
            return value.Kind != EvidenceKind.Number || weight < 0
                ? default
                : new TargetCount(1, value.Number >= Required ? 1 : 0, value.Number * weight, weight);
        }

        bool met;
        if (_passed is { } passed)
        {
            met = (card.Verdict == Verdict.Passed) == passed;
        }
        else
        {
            var value = slots[_slot];
            met = _atLeast is { } least
                ? value.Kind == EvidenceKind.Number && value.Number >= least
                : _equals!.Value.ValueKind switch
                {
                    System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => value.Kind == EvidenceKind.Boolean && value.Boolean == (_equals.Value.ValueKind == System.Text.Json.JsonValueKind.True),
                    System.Text.Json.JsonValueKind.Number => value.Kind == EvidenceKind.Number && value.Number == _equals.Value.GetDecimal(),
                    _ => value.Kind == EvidenceKind.Text && value.Text == _equals.Value.GetString(),
                };
        }

        return new TargetCount(1, met ? 1 : 0, 0m, 0m);
    }

    /// <summary>The target's outcome from its counts.</summary>
    /// <summary>
    /// Whether counting the target needs the subject's evidence (a mean of a value, a share by a value), so that it
    /// cannot be counted from results alone; false for a share decided by the verdict. True for a target read back
    /// from a summary's JSON, whose counts are already made.
    /// </summary>
    public bool NeedsEvidence => _passed is null;

    /// <summary>The count from a result alone: a share decided by the verdict; nothing for a target that needs evidence.</summary>
    public TargetCount CountResult(string profile, Verdict verdict) =>
        _passed is not { } passed || (_profile is not null && profile != _profile) ? default
        : new TargetCount(1, (verdict == Verdict.Passed) == passed ? 1 : 0, 0m, 0m);

    public TargetOutcome Outcome(TargetCount count)
    {
        if (Kind == TargetKind.Share)
        {
            var share = count.Counted == 0 ? 0m : Tally.Normalize(Math.Round(100m * count.Met / count.Counted, 2, MidpointRounding.AwayFromZero));
            return new TargetOutcome(Id, Title, Kind, count.Counted, count.Met, share, Required, count.Counted > 0 && count.Met * 100m >= Required * count.Counted);
        }

        var mean = count.Weight == 0 ? 0m : Tally.Normalize(Math.Round(count.Sum / count.Weight, 2, MidpointRounding.AwayFromZero));
        return new TargetOutcome(Id, Title, Kind, count.Counted, count.Met, mean, Required, count.Weight > 0 && count.Sum >= Required * count.Weight);
    }
}

/// <summary>A target's exact counts in one tally: schools counted and meeting it, and for a mean the weighted sum and the sum of weights.</summary>
internal readonly record struct TargetCount(long Counted, long Met, decimal Sum, decimal Weight)
{
    public static TargetCount operator +(TargetCount a, TargetCount b) => new(a.Counted + b.Counted, a.Met + b.Met, a.Sum + b.Sum, a.Weight + b.Weight);
}
