using System.Text.Json.Nodes;

namespace IndicatorEngine;

/// <summary>
/// A computed improvement plan for one subject (<see cref="GapAnalysis.Plan"/>): the fewest evidence changes that
/// reach a target (then the fewest points beyond it), worked out by re-scoring candidate evidence with the engine,
/// vetoes first; and, for every observation point that can still earn more, the change that earns its next points.
/// Immutable.
/// </summary>
public sealed class ImprovementPlan
{
    internal ImprovementPlan(Scorecard card, decimal target, Grade? targetGrade, bool passBar)
    {
        SystemId = card.SystemId;
        SubjectId = card.Subject.Id;
        SubjectName = card.Subject.Name;
        Profile = card.Subject.Profile;
        Total = card.Total;
        Verdict = card.Verdict;
        Target = target;
        TargetGrade = targetGrade;
        TargetIsPassBar = passBar;
    }

    /// <summary>The indicator system's id.</summary>
    public string SystemId { get; }

    /// <summary>The subject's id.</summary>
    public string SubjectId { get; }

    /// <summary>The school's name, or null.</summary>
    public string? SubjectName { get; }

    /// <summary>The profile scored under.</summary>
    public string Profile { get; }

    /// <summary>The total now (open points at 0).</summary>
    public decimal Total { get; }

    /// <summary>The verdict now.</summary>
    public Verdict Verdict { get; }

    /// <summary>The total aimed at.</summary>
    public decimal Target { get; }

    /// <summary>The grade aimed at, when the target is a grade's lowest total; else null.</summary>
    public Grade? TargetGrade { get; }

    /// <summary>Whether the target is the profile's pass bar.</summary>
    public bool TargetIsPassBar { get; }

    /// <summary>What the analysis found.</summary>
    public PlanOutcome Outcome { get; internal init; }

    /// <summary>The changes to make, vetoes' first, then by the points they earn; empty when the target is met already or cannot be reached.</summary>
    public IReadOnlyList<EvidenceChange> Changes { get; internal init; } = [];

    /// <summary>The total once <see cref="Changes"/> are made, scored by the engine; <see cref="Total"/> when there are none.</summary>
    public decimal TotalAfter { get; internal init; }

    /// <summary>The highest total the computable changes reach, all made at once (after the vetoes are cleared).</summary>
    public decimal AtMost { get; internal init; }

    /// <summary>Vetoes that fire or cannot be decided and whose clearing value cannot be worked out (a veto written as a formula) or would change a fixed key: while any is listed the target cannot be reached.</summary>
    public IReadOnlyList<string> UnclearableVetoes { get; internal init; } = [];

    /// <summary>
    /// For each veto in <see cref="UnclearableVetoes"/> that only a fixed key (a fact of the school, which a plan
    /// never changes) could clear: the veto's id and that key.
    /// </summary>
    public IReadOnlyDictionary<string, string> VetoFixedKeys => VetoFacts.ToDictionary(p => p.Key, p => p.Value.Key, StringComparer.Ordinal);

    /// <summary>The fixed keys' declarations behind <see cref="VetoFixedKeys"/>, by veto id, in veto order: for the writers.</summary>
    internal IReadOnlyList<KeyValuePair<string, EvidenceDeclaration>> VetoFacts { get; init; } = [];

    /// <summary>Every observation point below its points (and applicable), with what earns it more, in tree order.</summary>
    public IReadOnlyList<PointHeadroom> Points { get; internal init; } = [];

    /// <summary>How many candidate sets of changes were scored by the greedy pass and the search (at most the search limit, plus one).</summary>
    public int SetsScored { get; internal init; }

    /// <summary>The plan as text, in Chinese or English.</summary>
    /// <param name="language">The language of the words.</param>
    /// <returns>Lines ending with a line break.</returns>
    public string ToText(Language language = Language.Chinese) => ImprovementPlanWriter.Text(this, language);

    /// <summary>The plan as Markdown, in Chinese or English.</summary>
    /// <param name="language">The language of the words.</param>
    /// <returns>The Markdown document.</returns>
    public string ToMarkdown(Language language = Language.Chinese) => ImprovementPlanWriter.Markdown(this, language);

    /// <summary>The plan as JSON, with stable property names (docs/gap.md).</summary>
    /// <returns>The JSON document.</returns>
    public string ToJson() => ImprovementPlanWriter.Json(this);

    /// <summary>The evidence with <see cref="Changes"/> made: each key set to its new value, a document added (or withdrawn) under its key.</summary>
    /// <param name="evidence">The evidence the plan was made for.</param>
    /// <returns>New evidence; scoring it reaches the target when <see cref="Outcome"/> is <see cref="PlanOutcome.Reachable"/> or <see cref="PlanOutcome.SearchLimitReached"/>.</returns>
    public SubjectEvidence ApplyTo(SubjectEvidence evidence) => Apply(evidence, Changes);

    /// <summary>The evidence with the given changes made (any subset of a plan's, for tests and what-if questions).</summary>
    internal static SubjectEvidence Apply(SubjectEvidence evidence, IEnumerable<EvidenceChange> changes)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var root = JsonNode.Parse(evidence.Utf8.Span)!.AsObject();
        var values = root["values"] as JsonObject ?? [];
        root["values"] = values;
        var documents = root["documents"] as JsonArray ?? [];
        root["documents"] = documents;
        foreach (var change in changes)
        {
            if (change.Type == EvidenceType.Document)
            {
                values.Remove(change.Key);
                foreach (var old in documents.Where(d => d?["kind"]?.GetValue<string>() == change.Key).ToList())
                {
                    documents.Remove(old);
                }

                if (change.To is string name)
                {
                    documents.Add(new JsonObject { ["name"] = name, ["kind"] = change.Key });
                }

                continue;
            }

            values[change.Key] = change.To switch
            {
                decimal number => JsonValue.Create(number),
                bool flag => JsonValue.Create(flag),
                string text => JsonValue.Create(text),
                IEnumerable<string> items => new JsonArray(items.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray()),
                _ => null,
            };
        }

        var result = SubjectEvidence.Parse(root.ToJsonString(), evidence.SourceName ?? "<evidence>");
        return result.Value ?? throw new InvalidOperationException("the changed evidence could not be read: " + string.Join("; ", result.Diagnostics));
    }
}
