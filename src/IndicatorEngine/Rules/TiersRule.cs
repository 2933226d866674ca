using System.Text.Json;

namespace IndicatorEngine.Rules;

/// <summary><c>"tiers"</c>: the points of the first band the value falls in (numeric <c>atLeast</c> bands from the highest down, or <c>equals</c> bands).</summary>
internal sealed class TiersRule : IRuleType
{
    public string Name => "tiers";

    public RuleScorer? Bind(RuleBinding binding)
    {
        var rule = binding.Rule;
        var found = binding.Evidence(rule.Evidence!, "/evidence");
        if (rule.Per is not null)
        {
            binding.Numeric(rule.Per, "/per", "'per'");
        }

        // The schema requires 'bands' (and a file that fails it is never bound), as it requires 'evidence'.
        var bands = rule.Bands!;
        decimal? previous = null;
        for (var i = 0; i < bands.Count; i++)
        {
            var band = bands[i];
            if ((band.AtLeast is null) == (band.EqualsValue is null))
            {
                binding.Error(DiagnosticCodes.InvalidRule, "a band needs exactly one of 'atLeast' or 'equals'", $"/bands/{i}");
                continue;
            }

            if (band.Points > binding.Points)
            {
                binding.Error(DiagnosticCodes.InvalidRule, $"band points {RuleBinding.N(band.Points)} exceed the observation point's {RuleBinding.N(binding.Points)}", $"/bands/{i}/points");
            }

            if (band.AtLeast is { } atLeast)
            {
                if (found is { Declaration: var numeric } && !EvidenceCatalogue.IsNumeric(numeric.Type))
                {
                    binding.Error(DiagnosticCodes.InvalidRule, $"an 'atLeast' band needs numeric evidence, but '{numeric.Key}' is {EvidenceCatalogue.NameOf(numeric.Type)}", $"/bands/{i}");
                }

                if (previous is { } p && atLeast >= p)
                {
                    binding.Error(DiagnosticCodes.InvalidRule, "'atLeast' bands must be listed from the highest down", $"/bands/{i}/atLeast");
                }

                previous = atLeast;
            }
            else if (found is { Declaration: var declaration })
            {
                var value = band.EqualsValue!.Value;
                var fits = declaration.Type switch
                {
                    EvidenceType.Enum => value.ValueKind == JsonValueKind.String && declaration.Values.Contains(value.GetString()!),
                    EvidenceType.String => value.ValueKind == JsonValueKind.String,
                    EvidenceType.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
                    _ => false,
                };
                if (!fits)
                {
                    var allowed = declaration.Type == EvidenceType.Enum ? ": " + string.Join(", ", declaration.Values) : "";
                    binding.Error(DiagnosticCodes.InvalidRule,
                        $"band value {value.GetRawText()} cannot match evidence '{declaration.Key}' ({EvidenceCatalogue.NameOf(declaration.Type)}{allowed})", $"/bands/{i}/equals");
                }
            }
        }

        if (binding.Failed || found is not (var d, var slot))
        {
            return null;
        }

        var compiled = bands.Select(b => new Band(
            b.AtLeast,
            b.EqualsValue is { ValueKind: JsonValueKind.String } s ? s.GetString() : null,
            b.EqualsValue is { ValueKind: JsonValueKind.True or JsonValueKind.False } f ? f.GetBoolean() : null,
            b.Points,
            b.Label)).ToArray();
        return new Scorer(EvidenceCatalogue.IsNumeric(d.Type) ? binding.Measure() : null, d, slot, compiled);
    }

    private sealed record Band(decimal? AtLeast, string? EqualsText, bool? EqualsBoolean, decimal Points, string? Label);

    private sealed class Scorer(Measure? measure, EvidenceDeclaration evidence, int slot, Band[] bands) : RuleScorer
    {
        public override int[] Reads { get; } = measure?.Reads ?? [slot];

        public override RuleSteps Steps(EvidenceValue[] slots, decimal max, EvidenceCatalogue catalogue)
        {
            var needs = -1;
            var edits = new List<EvidenceEdit>(bands.Length);
            foreach (var band in bands.OrderBy(b => b.Points))
            {
                if (band.AtLeast is { } atLeast && measure?.EditFor(slots, atLeast, up: true, ref needs) is { } edit)
                {
                    edits.Add(edit);
                }
                else if (band.EqualsText is { } text)
                {
                    edits.Add(new EvidenceEdit(slot, new EvidenceValue(EvidenceKind.Text, Text: text)));
                }
                else if (band.EqualsBoolean is { } flag)
                {
                    edits.Add(new EvidenceEdit(slot, new EvidenceValue(EvidenceKind.Boolean, Boolean: flag)));
                }
            }

            return needs >= 0 ? RuleSteps.First(needs) : RuleSteps.Of([.. edits]);
        }

        public override ScoreOutcome Score(ReadOnlySpan<EvidenceValue> slots, decimal max, ExplainLanguage language)
        {
            string? described;
            Band? matched = null;
            if (measure is not null)
            {
                if (!measure.TryRead(slots, language, out var value, out described, out var failure))
                {
                    return failure;
                }

                foreach (var band in bands)
                {
                    if (band.AtLeast is { } atLeast && value >= atLeast)
                    {
                        matched = band;
                        break;
                    }
                }
            }
            else
            {
                var value = slots[slot];
                if (!value.IsUsable)
                {
                    return value.Kind == EvidenceKind.Invalid ? Text.Invalid(evidence.Title, evidence.Key, language) : Text.Missing(evidence.Title, evidence.Key, language);
                }

                described = null;
                if (language != ExplainLanguage.None)
                {
                    described = $"{evidence.Title} {(value.Kind == EvidenceKind.Boolean ? Text.YesNo(value.Boolean, language) : value.Text)}";
                }

                foreach (var band in bands)
                {
                    if (band.EqualsText is { } text && value.Kind == EvidenceKind.Text && value.Text == text
                        || band.EqualsBoolean is { } flag && value.Kind == EvidenceKind.Boolean && value.Boolean == flag)
                    {
                        matched = band;
                        break;
                    }
                }
            }

            if (matched is null)
            {
                // Stryker disable once Conditional : text built with no language asked for is never read
                return new ScoreOutcome(0m, ScoreStatus.Scored, language == ExplainLanguage.None ? null
                    : $"{described}{Text.Comma(language)}{Text.Pick(language, "不在任何档位", "in no band")} → {Text.Of(0m, max, language)}");
            }

            var score = Math.Min(matched.Points, max);
            if (language == ExplainLanguage.None)
            {
                return new ScoreOutcome(score, ScoreStatus.Scored, default);
            }

            var name = matched.Label
                ?? (matched.AtLeast is { } bound ? $"≥ {Text.Num(bound)}"
                    : matched.EqualsBoolean is { } yes ? Text.YesNo(yes, language)
                    : matched.EqualsText);
            return new ScoreOutcome(score, ScoreStatus.Scored, $"{described}{Text.Comma(language)}{Text.Pick(language, "档位 ", "band ")}{name} → {Text.Of(score, max, language)}");
        }
    }
}
