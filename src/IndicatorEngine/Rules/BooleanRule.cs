
namespace IndicatorEngine.Rules;

/// <summary><c>"boolean"</c>: full points when a yes/no fact (or the presence of a document) is as expected, else 0.</summary>
internal sealed class BooleanRule : IRuleType
{
    public string Name => "boolean";

    public RuleScorer? Bind(RuleBinding binding)
    {
        var rule = binding.Rule;
        if (binding.Evidence(rule.Evidence!, "/evidence") is not (var d, var slot))
        {
            return null;
        }

        if (d.Type is not (EvidenceType.Boolean or EvidenceType.Document))
        {
            binding.Error(DiagnosticCodes.InvalidRule, $"a boolean rule needs boolean or document evidence, but '{d.Key}' is {EvidenceCatalogue.NameOf(d.Type)}", "/evidence");
            return null;
        }

        return new Scorer(d, slot, rule.Expected ?? true, rule.Label ?? d.Title);
    }

    private sealed class Scorer(EvidenceDeclaration evidence, int slot, bool expected, string label) : RuleScorer
    {
        public override int[] Reads { get; } = [slot];

        public override RuleSteps Steps(EvidenceValue[] slots, decimal max, EvidenceCatalogue catalogue) =>
            RuleSteps.Of(new EvidenceEdit(slot, RuleSteps.Flag(evidence, expected)));

        public override ScoreOutcome Score(ReadOnlySpan<EvidenceValue> slots, decimal max, ExplainLanguage language)
        {
            var value = slots[slot];
            bool actual;
            if (evidence.Type == EvidenceType.Document)
            {
                actual = value.Kind == EvidenceKind.Document;
            }
            else if (value.Kind == EvidenceKind.Boolean)
            {
                actual = value.Boolean;
            }
            else
            {
                return value.Kind == EvidenceKind.Invalid ? Text.Invalid(label, evidence.Key, language) : Text.Missing(label, evidence.Key, language);
            }

            var score = actual == expected ? max : 0m;
            // Stryker disable once Block : a shortcut; without it the text is built and thrown away (no language was asked for)
            if (language == ExplainLanguage.None)
            {
                return new ScoreOutcome(score, ScoreStatus.Scored, default);
            }

            var shown = evidence.Type == EvidenceType.Document ? Text.Document(actual, language) : Text.YesNo(actual, language);
            var wanted = actual == expected ? "" : $" ({Text.Pick(language, "应为", "expected ")}{Text.YesNo(expected, language)})";
            return new ScoreOutcome(score, ScoreStatus.Scored, $"{label}: {shown}{wanted} → {Text.Of(score, max, language)}");
        }
    }
}
