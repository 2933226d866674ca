
namespace IndicatorEngine;

/// <summary>
/// A subject's scored self-assessment against one indicator system: every indicator's score with its
/// explanation, the total, the threshold and verdict, grade and vetoes, missing evidence, and the evidence
/// diagnostics. Immutable and thread-safe. Scoring keeps only the scores and statuses: the tree with its
/// explanations, the missing evidence and the diagnostics are put together when first read, in the card's
/// <see cref="Language"/> (<see cref="In"/> gives the same card in another).
/// </summary>
public sealed class Scorecard
{
    // What scoring produced, kept compact; null for a card read back from JSON, which has everything below already.
    private readonly EvaluationPlan? _plan;
    private readonly EvidenceValue[]? _slots;
    private readonly bool[]? _notApplicable;
    private readonly decimal[]? _scores;
    private readonly ScoreStatus[]? _statuses;
    private readonly IReadOnlyList<Diagnostic>? _evidenceDiagnostics;
    private readonly List<Diagnostic>? _vetoFailures;
    private readonly string? _evidenceSource;
    private readonly string? _systemSource;
    private IReadOnlyList<IndicatorScore>? _indicators;
    private IReadOnlyList<MissingEvidence>? _missingEvidence;
    private IReadOnlyList<Diagnostic>? _diagnostics;

    /// <summary>A card read back from JSON: everything given, its explanations in <paramref name="language"/>.</summary>
    internal Scorecard(
        Language language,
        string systemId,
        string systemVersion,
        LocalizedText systemTitle,
        decimal max,
        ScoredSubject subject,
        decimal total,
        decimal passThreshold,
        Verdict verdict,
        decimal totalUpperBound,
        Grade? grade,
        Grade? gradeUpperBound,
        IReadOnlyList<VetoHit> vetoes,
        IReadOnlyList<VetoHit> undecidedVetoes,
        IReadOnlyList<IndicatorScore> indicators,
        IReadOnlyList<MissingEvidence> missingEvidence,
        IReadOnlyList<Diagnostic> diagnostics)
    {
        Language = language;
        SystemId = systemId;
        SystemVersion = systemVersion;
        SystemTitle = systemTitle;
        Subject = subject;
        Total = total;
        Max = max;
        PassThreshold = passThreshold;
        Verdict = verdict;
        TotalUpperBound = totalUpperBound;
        Grade = grade;
        GradeUpperBound = gradeUpperBound;
        Vetoes = vetoes;
        UndecidedVetoes = undecidedVetoes;
        _indicators = indicators;
        _missingEvidence = missingEvidence;
        _diagnostics = diagnostics;
    }

    /// <summary>A card just scored: the scores and statuses by plan node, the rest worked out when read.</summary>
    internal Scorecard(
        IndicatorSystem system,
        ScoredSubject subject,
        Profile profile,
        EvidenceValue[] slots,
        bool[] notApplicable,
        decimal[] scores,
        ScoreStatus[] statuses,
        decimal total,
        decimal totalUpperBound,
        bool aggregationFailed,
        IReadOnlyList<VetoHit> vetoes,
        IReadOnlyList<VetoHit> undecidedVetoes,
        IReadOnlyList<Diagnostic> evidenceDiagnostics,
        List<Diagnostic>? vetoFailures,
        string? evidenceSource)
    {
        Language = system.Language;
        _evidenceSource = evidenceSource;
        _systemSource = system.SourceName;
        SystemId = system.Id;
        SystemVersion = system.Version;
        SystemTitle = system.Title;
        Max = system.Points;
        Subject = subject;
        Total = total;
        TotalUpperBound = totalUpperBound;
        PassThreshold = profile.PassThreshold;
        PassThresholdProvenance = profile.PassThresholdProvenance;
        Vetoes = vetoes;
        UndecidedVetoes = undecidedVetoes;
        Verdict = Decide(vetoes.Count > 0, undecidedVetoes.Count > 0 || aggregationFailed, total, totalUpperBound, profile.PassThreshold);
        Grade = vetoes.Count > 0 ? null : GradeOf(profile.Grades, total);
        GradeUpperBound = vetoes.Count > 0 ? null : GradeOf(profile.Grades, totalUpperBound);
        _plan = system.Plan;
        _slots = slots;
        _notApplicable = notApplicable;
        _scores = scores;
        _statuses = statuses;
        _evidenceDiagnostics = evidenceDiagnostics;
        _vetoFailures = vetoFailures;
    }

    /// <summary>The same card in <paramref name="language"/>: shares the scores; its words are put together anew when read.</summary>
    private Scorecard(Scorecard card, Language language)
    {
        Language = language;
        _plan = card._plan;
        _slots = card._slots;
        _notApplicable = card._notApplicable;
        _scores = card._scores;
        _statuses = card._statuses;
        _evidenceDiagnostics = card._evidenceDiagnostics;
        _vetoFailures = card._vetoFailures;
        SelfScoresByNode = card.SelfScoresByNode;
        _evidenceSource = card._evidenceSource;
        _systemSource = card._systemSource;
        _missingEvidence = card._missingEvidence;
        _diagnostics = card._diagnostics;
        SystemId = card.SystemId;
        SystemVersion = card.SystemVersion;
        SystemTitle = card.SystemTitle;
        Max = card.Max;
        Subject = card.Subject;
        Total = card.Total;
        TotalUpperBound = card.TotalUpperBound;
        PassThreshold = card.PassThreshold;
        PassThresholdProvenance = card.PassThresholdProvenance;
        Verdict = card.Verdict;
        Grade = card.Grade;
        GradeUpperBound = card.GradeUpperBound;
        if (card.Vetoes.Count == 0 && card.UndecidedVetoes.Count == 0)
        {
            Vetoes = card.Vetoes;
            UndecidedVetoes = card.UndecidedVetoes;
        }
        else
        {
            (Vetoes, UndecidedVetoes) = VetoesIn(card, language);
        }
    }

    /// <summary>The plan the card was scored with; null for a card read back from JSON.</summary>
    internal EvaluationPlan? Plan => _plan;

    /// <summary>The evidence scored, by slot; null for a card read back from JSON.</summary>
    internal EvidenceValue[]? Slots => _slots;

    /// <summary>Per plan node, whether it does not apply to the card's profile; null for a card read back from JSON.</summary>
    internal bool[]? NotApplicableNodes => _notApplicable;

    /// <summary>The score of every plan node, by node index; null for a card read back from JSON.</summary>
    internal decimal[]? NodeScores => _scores;

    /// <summary>The status of every plan node, by node index; null for a card read back from JSON.</summary>
    internal ScoreStatus[]? NodeStatuses => _statuses;

    /// <summary>The school's self-scores by plan node index; null when it gave none, or for a card read back from JSON.</summary>
    internal decimal?[]? SelfScoresByNode { get; init; }

    /// <summary>
    /// The language of the card's words: the explanations in <see cref="Indicators"/>, the vetoes' reasons, and
    /// the statuses and headings of the reports written from it. The system's language for a card just scored
    /// (<see cref="IndicatorSystem.Language"/>); the language it was written in for a card read back from JSON.
    /// Diagnostics are developer messages, in English whatever the language.
    /// </summary>
    public Language Language { get; }

    /// <summary>Id of the indicator system scored against.</summary>
    public string SystemId { get; }

    /// <summary>Version of the indicator system.</summary>
    public string SystemVersion { get; }

    /// <summary>Title of the indicator system.</summary>
    public LocalizedText SystemTitle { get; }

    /// <summary>Who was scored, under which profile.</summary>
    public ScoredSubject Subject { get; }

    /// <summary>
    /// Total points earned (extension bonus included), with every open point (evidence missing or invalid, rule
    /// failed) at 0: the lower bound of what the subject can score.
    /// </summary>
    public decimal Total { get; }

    /// <summary>
    /// The total with every open point at its full points, within every cap: the upper bound. Equals
    /// <see cref="Total"/> when nothing is open.
    /// </summary>
    public decimal TotalUpperBound { get; }

    /// <summary>The system's design points.</summary>
    public decimal Max { get; }

    /// <summary>The profile's pass threshold.</summary>
    public decimal PassThreshold { get; }

    /// <summary>Whether the pass threshold is the source's or set by the definition's authors (the profile's <see cref="Profile.PassThresholdProvenance"/>).</summary>
    public Provenance PassThresholdProvenance { get; internal init; }

    /// <summary>
    /// Whether the subject reaches the profile's bar (<see cref="PassThreshold"/>): passed, failed or undetermined,
    /// decided by <see cref="Total"/>, <see cref="TotalUpperBound"/> and the vetoes (see <see cref="IndicatorEngine.Verdict"/>).
    /// </summary>
    public Verdict Verdict { get; }

    /// <summary>
    /// The grade band <see cref="Total"/> reaches; null when the system has no grades, the total is below every band,
    /// or a veto fired (a vetoed subject is not graded).
    /// </summary>
    public Grade? Grade { get; }

    /// <summary>
    /// The grade band <see cref="TotalUpperBound"/> reaches (null as for <see cref="Grade"/>): the same as
    /// <see cref="Grade"/> when the grade is settled, else the best the subject could still be graded.
    /// </summary>
    public Grade? GradeUpperBound { get; }

    /// <summary>True when any veto fired.</summary>
    public bool Vetoed => Vetoes.Count > 0;

    /// <summary>The vetoes that fired, with their reasons.</summary>
    public IReadOnlyList<VetoHit> Vetoes { get; }

    /// <summary>
    /// The vetoes that could not be decided, each with what must be supplied or corrected (its evidence missing or
    /// invalid, or its formula failed); while any is undecided and none fired the verdict is undetermined.
    /// </summary>
    public IReadOnlyList<VetoHit> UndecidedVetoes { get; }

    /// <summary>The first-level indicators' scores, each with its subtree and explanations (put together on first read).</summary>
    public IReadOnlyList<IndicatorScore> Indicators => _indicators ??= BuildTree();

    /// <summary>Evidence keys the rules needed but the subject did not supply.</summary>
    public IReadOnlyList<MissingEvidence> MissingEvidence => _missingEvidence ??= FindMissing();

    /// <summary>Problems found in the evidence (wrong types, out of range, unknown keys…), formulas that failed, scores clamped.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics ??= BuildDiagnostics();

    /// <summary>
    /// The same card with its words in <paramref name="language"/>: same scores, statuses and verdict, sharing what
    /// scoring produced, explanations put together in that language when first read. Cheap: call it per report.
    /// </summary>
    /// <param name="language">The language wanted.</param>
    /// <returns>
    /// This card when it is in <paramref name="language"/> already, or when it was read back from JSON (its
    /// explanations are the text that was written, so it keeps its <see cref="Language"/>); otherwise a new card.
    /// </returns>
    public Scorecard In(Language language) =>
        language == Language || _plan is null ? this : new Scorecard(this, language);

    /// <summary>Finds the score of an indicator by id anywhere in the tree.</summary>
    /// <param name="id">The indicator id.</param>
    /// <returns>The score, or null when no indicator has that id.</returns>
    public IndicatorScore? Find(string id) =>
        Indicators.SelectMany(i => i.DescendantsAndSelf()).FirstOrDefault(s => s.Id == id);

    /// <summary>The observation points' scores, in tree order.</summary>
    /// <returns>Every leaf score.</returns>
    public IEnumerable<IndicatorScore> ObservationPoints() =>
        Indicators.SelectMany(i => i.DescendantsAndSelf()).Where(s => s.Children.Count == 0);

    /// <summary>
    /// The sum of the self-scores the school gave (<see cref="IndicatorScore.SelfScore"/> of the observation points);
    /// null when it gave none.
    /// </summary>
    /// <returns>The self-assessed total, or null.</returns>
    public decimal? SelfScoreTotal()
    {
        decimal? sum = null;
        foreach (var point in ObservationPoints())
        {
            if (point.SelfScore is { } self)
            {
                sum = (sum ?? 0m) + self;
            }
        }

        return sum;
    }

    /// <summary>
    /// The observation points whose self-score is above the score the evidence supports, the largest over-claim
    /// (self-score minus score) first, equal ones in tree order. Empty when the school gave no self-scores.
    /// </summary>
    /// <returns>The over-claimed points.</returns>
    public IReadOnlyList<IndicatorScore> OverClaims() =>
        ObservationPoints()
            .Where(p => p.SelfScore > p.Score)
            .Select((p, order) => (Point: p, Order: order))
            .OrderByDescending(x => x.Point.SelfScore!.Value - x.Point.Score)
            .ThenBy(x => x.Order)
            .Select(x => x.Point)
            .ToList();

    private static Verdict Decide(bool vetoed, bool open, decimal total, decimal upperBound, decimal threshold) =>
        vetoed || upperBound < threshold ? Verdict.Failed
        : open || total < threshold ? Verdict.Undetermined
        : Verdict.Passed;

    private static Grade? GradeOf(IReadOnlyList<Grade> grades, decimal total)
    {
        foreach (var grade in grades)
        {
            if (total >= grade.MinScore)
            {
                return grade;
            }
        }

        return null;
    }

    /// <summary>The vetoes that fired and those undecided, their reasons put again in <paramref name="language"/> (they are checked alike in every language).</summary>
    private static (List<VetoHit> Fired, List<VetoHit> Undecided) VetoesIn(Scorecard card, Language language)
    {
        List<Diagnostic>? ignored = null;
        var fired = new List<VetoHit>(card.Vetoes.Count);
        var undecided = new List<VetoHit>(card.UndecidedVetoes.Count);
        foreach (var veto in card._plan!.Vetoes)
        {
            var state = VetoRule.Check(veto, card._slots!, language, ref ignored, out var hit);
            if (state == VetoState.Fired)
            {
                fired.Add(hit!);
            }
            else if (state == VetoState.Undecided)
            {
                undecided.Add(hit!);
            }
        }

        return (fired, undecided);
    }

    private IReadOnlyList<IndicatorScore> BuildTree()
    {
        var plan = _plan!;
        return plan.Roots.Select(Node).ToList();

        IndicatorScore Node(int index)
        {
            var node = plan.Nodes[index];
            var explanation = Evaluator.Explain(plan, index, _slots, _notApplicable!, _scores, _statuses, Language);
            return new IndicatorScore(node.Indicator.Id, node.Indicator.Title, _scores![index], node.Indicator.Points, _statuses![index], explanation, node.Children.Select(Node).ToList())
            {
                Provenance = node.Indicator.Provenance,
                Source = node.Indicator.Source,
                SelfScore = SelfScoresByNode?[index],
            };
        }
    }

    private List<MissingEvidence> FindMissing()
    {
        var plan = _plan!;
        var neededBy = new List<string>?[plan.Catalogue.Count];
        foreach (var node in plan.Nodes)
        {
            if (!_notApplicable![node.Index])
            {
                Add(node.Reads, node.Indicator.Id);
            }
        }

        foreach (var veto in plan.Vetoes)
        {
            Add(veto.Reads, veto.Veto.Id);
        }

        var missing = new List<MissingEvidence>();
        for (var slot = 0; slot < neededBy.Length; slot++)
        {
            if (neededBy[slot] is { } ids)
            {
                missing.Add(new MissingEvidence(plan.Catalogue[slot].Key, plan.Catalogue[slot].Title, ids));
            }
        }

        return missing;

        void Add(int[] reads, string id)
        {
            foreach (var slot in reads)
            {
                if (_slots![slot].Kind == EvidenceKind.Missing)
                {
                    (neededBy[slot] ??= []).Add(id);
                }
            }
        }
    }

    /// <summary>
    /// What a missing value costs, said only of what is true: the points that scored 0 for it "score 0 until it is",
    /// points that scored something without it "may score more with it", vetoes "cannot be decided without it".
    /// </summary>
    private string MissingConsequence(IReadOnlyList<string> neededBy, IReadOnlyDictionary<string, int> nodes)
    {
        var zero = new List<string>();
        var more = new List<string>();
        var vetoes = new List<string>();
        foreach (var id in neededBy)
        {
            if (!nodes.TryGetValue(id, out var index))
            {
                // A veto: only an undecided one waits for the value (an unsupplied document is an answer).
                if (UndecidedVetoes.Any(v => v.Id == id))
                {
                    vetoes.Add(id);
                }
            }
            else if (_scores![index] == 0m)
            {
                zero.Add(id);
            }
            else
            {
                more.Add(id);
            }
        }

        var parts = new List<string>(3);
        if (zero.Count > 0)
        {
            parts.Add($"{string.Join(", ", zero)} score 0 until it is");
        }

        if (more.Count > 0)
        {
            parts.Add($"{string.Join(", ", more)} may score more with it");
        }

        if (vetoes.Count > 0)
        {
            parts.Add($"veto {string.Join(", ", vetoes)} cannot be decided without it");
        }

        return parts.Count == 0 ? "nothing scored needs it now" : string.Join("; ", parts);
    }

    private List<Diagnostic> BuildDiagnostics()
    {
        var plan = _plan!;
        var diagnostics = new List<Diagnostic>(_evidenceDiagnostics!);
        diagnostics.AddRange(_vetoFailures ?? []);
        foreach (var missing in MissingEvidence)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.EvidenceMissing, DiagnosticSeverity.Warning,
                $"'{missing.Key}' is not supplied; {MissingConsequence(missing.NeededBy, plan.NodeIndex)}", _evidenceSource, "/values"));
        }

        for (var i = 0; i < plan.Nodes.Length; i++)
        {
            if (!_notApplicable![i] && Evaluator.Clamped(plan, i, _slots, _scores, _statuses) is { } raw)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.ScoreClamped, DiagnosticSeverity.Warning,
                    $"'{plan.Nodes[i].Indicator.Id}' scored {raw} by its rule, outside 0 to {plan.Nodes[i].Indicator.Points}; clamped to {_scores![i]}", _systemSource));
            }

            // A group whose aggregation formula failed is an error (its status says so); worked out again to say why.
            if (!_notApplicable[i] && _statuses![i] == ScoreStatus.Error && Evaluator.FormulaFailure(plan, i, _scores, _statuses) is { } failure)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.FormulaFailed, DiagnosticSeverity.Error,
                    $"the aggregation formula of '{plan.Nodes[i].Indicator.Id}' failed, so it scores 0 (status error) and the verdict is undetermined: {failure}", _systemSource));
            }
        }

        // A failed system aggregation leaves the total at 0: only then is it worth working out again.
        if (Total == 0m && Evaluator.FormulaFailure(plan, -1, _scores, _statuses) is { } rootFailure)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.FormulaFailed, DiagnosticSeverity.Error,
                $"the system's aggregation formula failed, so the total is 0 and the verdict is undetermined: {rootFailure}", _systemSource, "/aggregation"));
        }

        return diagnostics;
    }
}
