
namespace IndicatorEngine.Rules;

/// <summary><c>"checklist"</c>: each item's points when its evidence is present, capped at the point's points.</summary>
internal sealed class ChecklistRule : IRuleType
{
    public string Name => "checklist";

    public RuleScorer? Bind(RuleBinding binding)
    {
        // The schema requires 'items' (and a file that fails it is never bound).
        var items = binding.Rule.Items!;
        var compiled = new List<Item>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (binding.Evidence(items[i].Evidence, $"/items/{i}/evidence") is (var d, var slot))
            {
                compiled.Add(new Item(slot, items[i].Points, items[i].Label ?? d.Title, d.Type == EvidenceType.Document));
            }

            if (items[i].Points > binding.Points)
            {
                binding.Error(DiagnosticCodes.InvalidRule, $"item points {RuleBinding.N(items[i].Points)} exceed the observation point's {RuleBinding.N(binding.Points)}", $"/items/{i}/points");
            }
        }

        var total = items.Sum(b => b.Points);
        if (total < binding.Points)
        {
            binding.Error(DiagnosticCodes.InvalidRule,
                $"the checklist items add up to {RuleBinding.N(total)}, less than the observation point's {RuleBinding.N(binding.Points)} points, so full points can never be earned", "/items");
        }

        // Stryker disable once Conditional : DefinitionChecker drops the scorer of a binding that failed, so returning one changes nothing
        return binding.Failed ? null : new Scorer([.. compiled]);
    }

    // IsDocument: a document not supplied is an answer ("no document"), not evidence still to come.
    private sealed record Item(int Slot, decimal Points, string Label, bool IsDocument);

    /// <summary>Each item not present yet, made present: one edit each, the most points first.</summary>
    private static RuleSteps Steps(Item[] items, EvidenceValue[] slots, EvidenceCatalogue catalogue)
    {
        var edits = new List<EvidenceEdit>(items.Length);
        foreach (var item in items.OrderByDescending(i => i.Points))
        {
            if (!slots[item.Slot].IsPresent && RuleSteps.Present(catalogue[item.Slot]) is { } present)
            {
                edits.Add(new EvidenceEdit(item.Slot, present));
            }
        }

        return RuleSteps.Of([.. edits]);
    }

    private sealed class Scorer(Item[] items) : RuleScorer
    {
        public override int[] Reads { get; } = items.Select(i => i.Slot).ToArray();

        public override RuleSteps Steps(EvidenceValue[] slots, decimal max, EvidenceCatalogue catalogue) => ChecklistRule.Steps(items, slots, catalogue);

        public override ScoreOutcome Score(ReadOnlySpan<EvidenceValue> slots, decimal max, ExplainLanguage language)
        {
            var score = 0m;
            var missing = 0;
            var invalid = 0;
            var absentDocuments = 0;
            // Stryker disable once Conditional : a list of parts gathered with no language asked for is never read
            var parts = language != ExplainLanguage.None ? new List<string>(items.Length) : null;
            foreach (var item in items)
            {
                var value = slots[item.Slot];
                switch (value.Kind)
                {
                    case EvidenceKind.Missing:
                        if (item.IsDocument)
                        {
                            absentDocuments++;
                        }
                        else
                        {
                            missing++;
                        }

                        parts?.Add($"{item.Label} {Text.Pick(language, "未提供", "not supplied")}");
                        break;
                    case EvidenceKind.Invalid:
                        invalid++;
                        parts?.Add($"{item.Label} {Text.Pick(language, "无效", "invalid")}");
                        break;
                    default:
                        var present = value.IsPresent;
                        if (present)
                        {
                            score += item.Points;
                        }

                        parts?.Add($"{item.Label} {Text.YesNo(present, language)}");
                        break;
                }
            }

            score = Math.Min(score, max);
            Explanation explanation = parts is null ? default : $"{string.Join(Text.Comma(language), parts)} → {Text.Of(score, max, language)}";
            if (invalid == items.Length)
            {
                return ScoreOutcome.Failed(explanation);
            }

            // Only values still to come leave the point open: a checklist of documents none of which was supplied
            // is settled at 0, as one with some of them supplied is settled at their points.
            if (missing + invalid > 0 && missing + invalid + absentDocuments == items.Length)
            {
                return ScoreOutcome.Missing(explanation);
            }

            // Some items unsupplied: the leaf is still scored on what was supplied (the unsupplied items count
            // as absent and are listed as missing evidence), so a school sees both its points and what to add.
            return new ScoreOutcome(score, ScoreStatus.Scored, explanation);
        }
    }
}
