namespace IndicatorEngine;

/// <summary>
/// The search behind <see cref="GapAnalysis.Plan"/> for one subject and target. Every set of changes it weighs is
/// scored by <see cref="Evaluator"/> and <see cref="VetoRule"/> on a copy of the subject's evidence slots, so what it
/// reports is what the engine scores, never an estimate. No change ever touches a fixed key (a fact of the school:
/// <see cref="EvidenceDeclaration.Fixed"/>); a point or veto only such a change would help is reported as such. Vetoes are cleared first; then the candidates (the edits
/// the rules propose, each kept only when it raises its point and lowers none) are searched in order of set size,
/// pruned by the sum of the largest bounds still available (a candidate's bound is its gain alone: sums with caps,
/// weighted means and capped extension items never give a set more than its members give alone; where candidates
/// on several keys raise one formula point, what that point adds at full points is added to their bounds; with an
/// aggregation formula nothing is pruned), and bounded by the number of sets scored. Not thread-safe: one per plan.
/// </summary>
internal sealed class GapSearch
{
    private readonly EvaluationPlan _plan;
    private readonly Scorecard _card;
    private readonly bool[] _mask;
    private readonly decimal _target;
    private readonly int _limit;
    private readonly decimal[] _scores;
    private readonly ScoreStatus[] _statuses;
    private readonly bool _prunable;
    private readonly decimal _slack;
    private readonly List<KeyValuePair<string, EvidenceDeclaration>> _vetoFacts = [];
    private int _scored;
    private bool _stopped;

    public GapSearch(IndicatorSystem system, Scorecard card, decimal target, int limit)
    {
        _plan = system.Plan;
        _card = card;
        _mask = card.NotApplicableNodes!;
        _target = target;
        _limit = limit;
        _scores = new decimal[_plan.Nodes.Length];
        _statuses = new ScoreStatus[_plan.Nodes.Length];
        _prunable = _plan.RootFormula is null && _plan.Nodes.All(n => n.Formula is null);

        // A weighted mean rounds its result: allow one unit of the last place per such node in the bound.
        var unit = 1m / (decimal)Math.Pow(10, _plan.Precision);
        _slack = unit * (_plan.Nodes.Count(n => n.WeightedMean) + (_plan.RootWeightedMean ? 2 : 1));
    }

    public ImprovementPlan Run(ImprovementPlan plan)
    {
        var original = _card.Slots!;
        var slots = (EvidenceValue[])original.Clone();
        var vetoChanges = new List<EvidenceChange>();
        var unclearable = new List<string>();
        foreach (var veto in _plan.Vetoes)
        {
            var state = Check(veto, slots);
            if (state == VetoState.NotFired)
            {
                continue;
            }

            if (VetoEdit(veto, state, slots) is { } edit)
            {
                vetoChanges.Add(Change(edit, state == VetoState.Fired ? ChangePurpose.ClearVeto : ChangePurpose.DecideVeto, [veto.Veto.Id], 0m));
                slots[edit.Slot] = edit.Value;
            }
            else
            {
                unclearable.Add(veto.Veto.Id);
                if (veto.Formula is null && veto.Evidence is { Fixed: true } fact)
                {
                    _vetoFacts.Add(new(veto.Veto.Id, fact));
                }
            }
        }

        var (baseTotal, baseReached) = Score(slots);
        var baseScores = (decimal[])_scores.Clone();
        var (points, candidates) = Headroom(slots, baseTotal, baseScores);
        if (unclearable.Count > 0)
        {
            return Finish(plan, PlanOutcome.Unreachable, [], points, baseTotal, baseTotal, unclearable);
        }

        if (baseReached)
        {
            return Finish(plan, vetoChanges.Count == 0 ? PlanOutcome.AlreadyMet : PlanOutcome.Reachable, vetoChanges, points, baseTotal, baseTotal, unclearable);
        }

        // Every slot at its best single edit, all at once: the most the computable changes can give.
        var best = candidates.GroupBy(c => c.Edit.Slot).Select(g => g.MaxBy(c => c.Gain)!).ToList();
        var (atMost, reachable) = Score(Apply(slots, best));
        if (!reachable)
        {
            return Finish(plan, PlanOutcome.Unreachable, [], points, atMost, baseTotal, unclearable);
        }

        var ordered = candidates
            .Where(c => !_prunable || c.Bound > 0m)
            .OrderByDescending(c => c.Bound)
            .ThenBy(c => c.Edit.Slot)
            .ThenBy(c => c.Order)
            .ToArray();
        var found = Reduce(slots, Greedy(slots, ordered) ?? best);
        var complete = !_stopped;
        for (var size = 1; size <= found.Count && complete; size++)
        {
            var atSize = Search(slots, ordered, size, baseTotal);
            if (_stopped)
            {
                complete = false;
                if (atSize is not null && atSize.Count < found.Count)
                {
                    found = atSize;
                }

                break;
            }

            if (atSize is not null)
            {
                found = atSize;
                break;
            }
        }

        var changes = vetoChanges.Concat(found.OrderByDescending(c => c.Points).ThenBy(c => c.Edit.Slot).Select(c => Change(c.Edit, ChangePurpose.EarnPoints, c.Raised, c.Points))).ToList();
        var (after, _) = Score(Apply(slots, found));
        return Finish(plan, complete ? PlanOutcome.Reachable : PlanOutcome.SearchLimitReached, changes, points, atMost, after, unclearable);
    }

    private ImprovementPlan Finish(ImprovementPlan plan, PlanOutcome outcome, List<EvidenceChange> changes, List<PointHeadroom> points, decimal atMost, decimal after, List<string> unclearable) =>
        new(_card, plan.Target, plan.TargetGrade, plan.TargetIsPassBar)
        {
            Outcome = outcome,
            Changes = changes,
            Points = points,
            AtMost = atMost,
            TotalAfter = changes.Count == 0 ? _card.Total : after,
            UnclearableVetoes = unclearable,
            VetoFacts = _vetoFacts,
            SetsScored = _scored,
        };

    /// <summary>Every applicable observation point below its points, in tree order, with the steps its rule proposes that raise it; and the candidates those steps make.</summary>
    private (List<PointHeadroom> Points, List<Candidate> Candidates) Headroom(EvidenceValue[] slots, decimal baseTotal, decimal[] baseScores)
    {
        var points = new List<PointHeadroom>();
        var candidates = new Dictionary<(int, EvidenceValue), Candidate>();
        foreach (var index in TreeOrder())
        {
            var node = _plan.Nodes[index];
            if (node.Scorer is not { } scorer || _mask[index] || baseScores[index] >= node.Indicator.Points)
            {
                continue;
            }

            RuleSteps proposed;
            try
            {
                proposed = scorer.Steps(slots, node.Indicator.Points, _plan.Catalogue);
            }
            catch (Exception e) when (e is ArithmeticException or InvalidOperationException or ArgumentException)
            {
                proposed = RuleSteps.Unknown;
            }

            var steps = new List<PointStep>();
            var fixedSlot = proposed.Fixed;
            foreach (var edit in proposed.Edits)
            {
                if (Same(slots[edit.Slot], edit.Value))
                {
                    continue;
                }

                var (total, _) = Score(Apply(slots, edit));
                if (_scores[index] <= baseScores[index])
                {
                    continue;
                }

                var declaration = _plan.Catalogue[edit.Slot];

                // A fact of the school (its size, its type) is never a step: the point is only noted as depending on it.
                if (declaration.Fixed)
                {
                    fixedSlot = fixedSlot < 0 ? edit.Slot : fixedSlot;
                    continue;
                }

                steps.Add(new PointStep(declaration.Key, ToObject(edit.Value), _scores[index]) { Evidence = edit.Value, Declaration = declaration });
                var key = (edit.Slot, Normal(edit.Value));
                if (!candidates.ContainsKey(key))
                {
                    var raised = new List<int>();
                    var lowers = false;
                    for (var i = 0; i < _scores.Length; i++)
                    {
                        if (_plan.Nodes[i].Scorer is not null && _scores[i] != baseScores[i])
                        {
                            lowers |= _scores[i] < baseScores[i];
                            raised.Add(i);
                        }
                    }

                    var gained = raised.Sum(i => _scores[i] - baseScores[i]);
                    candidates[key] = new Candidate(edit, total - baseTotal, raised.Select(i => _plan.Nodes[i].Indicator.Id).ToList(), gained, candidates.Count, [.. raised], lowers);
                }
            }

            var kind = proposed.Kind switch
            {
                StepsKind.NeedsExpert => HeadroomKind.NeedsExpert,
                StepsKind.NotComputable => HeadroomKind.NotComputable,
                StepsKind.NeedsFirst => HeadroomKind.NeedsEvidenceFirst,
                _ when steps.Count == 0 && fixedSlot >= 0 => HeadroomKind.DependsOnFixedFact,
                _ => HeadroomKind.Computed,
            };
            var needs = kind == HeadroomKind.DependsOnFixedFact ? fixedSlot : proposed.Needs;
            points.Add(new PointHeadroom(node.Indicator.Id, node.Indicator.Title, baseScores[index], node.Indicator.Points, kind, steps,
                needs >= 0 ? _plan.Catalogue[needs].Key : null) { NeedsDeclaration = needs >= 0 ? _plan.Catalogue[needs] : null });
        }

        // Scoring the last step left other numbers in the buffers: put the base back for the caller.
        Score(slots);
        return (points, Bounded(slots, candidates.Values.ToList(), baseTotal));
    }

    /// <summary>
    /// The candidates the search may use, each with the most it can add to any set: its own gain, plus, for every formula
    /// point that candidates on two or more keys raise (where changes may add up to more than each alone), what that
    /// point adds at its full points. A change that lowers some point is left to the headroom list: with it the
    /// gains of a set need not stay below the sum of their parts.
    /// </summary>
    private List<Candidate> Bounded(EvidenceValue[] slots, List<Candidate> candidates, decimal baseTotal)
    {
        var usable = candidates.Where(c => !c.Lowers).ToList();
        foreach (var leaf in usable.SelectMany(c => c.Leaves).Distinct().Where(i => _plan.Nodes[i].Scorer is FormulaScorer).Order().ToList())
        {
            var touching = usable.Where(c => c.Leaves.Contains(leaf)).ToList();
            if (touching.Select(c => c.Edit.Slot).Distinct().Count() < 2)
            {
                continue;
            }

            var full = Evaluator.Evaluate(_plan, slots, _mask, _scores, _statuses, out _, leaf, _plan.Nodes[leaf].Indicator.Points) - baseTotal;
            foreach (var candidate in touching)
            {
                candidate.Bound += Math.Max(0m, full);
            }
        }

        return usable;
    }

    /// <summary>The best next change, again and again, until the target is reached; null when it stalls or the budget runs out.</summary>
    private List<Candidate>? Greedy(EvidenceValue[] slots, Candidate[] candidates)
    {
        var chosen = new List<Candidate>();
        var current = (EvidenceValue[])slots.Clone();
        while (true)
        {
            var (total, reached) = Score(current);
            if (reached)
            {
                return chosen;
            }

            Candidate? next = null;
            var nextTotal = total;
            foreach (var candidate in candidates)
            {
                if (chosen.Any(c => c.Edit.Slot == candidate.Edit.Slot))
                {
                    continue;
                }

                // The greedy pass spends the same budget as the search: a huge system cannot make it run away.
                if (++_scored > _limit)
                {
                    _stopped = true;
                    return null;
                }

                var (with, _) = Score(Apply(current, candidate.Edit));
                if (with > nextTotal)
                {
                    (next, nextTotal) = (candidate, with);
                }
            }

            if (next is null)
            {
                return null;
            }

            chosen.Add(next);
            current[next.Edit.Slot] = next.Edit.Value;
        }
    }

    /// <summary>Drops every change the others reach the target without, so that no change listed is idle.</summary>
    private List<Candidate> Reduce(EvidenceValue[] slots, List<Candidate> set)
    {
        var kept = set.ToList();
        for (var i = kept.Count - 1; i >= 0; i--)
        {
            var without = kept.Where((_, j) => j != i).ToList();
            if (Score(Apply(slots, without)).Reached)
            {
                kept = without;
            }
        }

        return kept;
    }

    /// <summary>The set of <paramref name="size"/> changes that reaches the target with the fewest points beyond it; null when none does (or the bound stopped the search before one was found).</summary>
    private List<Candidate>? Search(EvidenceValue[] slots, Candidate[] candidates, int size, decimal baseTotal)
    {
        var need = _target - baseTotal;
        var prefix = new decimal[candidates.Length + 1];
        for (var i = 0; i < candidates.Length; i++)
        {
            prefix[i + 1] = prefix[i] + Math.Max(0m, candidates[i].Bound);
        }

        var current = (EvidenceValue[])slots.Clone();
        var chosen = new List<Candidate>(size);
        List<Candidate>? best = null;
        var bestOver = decimal.MaxValue;
        Walk(0, 0m);
        return best;

        void Walk(int start, decimal bound)
        {
            if (chosen.Count == size)
            {
                if (++_scored > _limit)
                {
                    _stopped = true;
                    return;
                }

                var (total, reached) = Score(current);
                if (reached && total - _target < bestOver)
                {
                    (best, bestOver) = (chosen.ToList(), total - _target);
                }

                return;
            }

            var left = size - chosen.Count;
            for (var j = start; j + left <= candidates.Length && !_stopped; j++)
            {
                // Candidates come largest bound first: once the most the rest could add falls short, so does every later start.
                if (_prunable && bound + prefix[j + left] - prefix[j] + _slack < need)
                {
                    break;
                }

                var candidate = candidates[j];
                if (chosen.Any(c => c.Edit.Slot == candidate.Edit.Slot))
                {
                    continue;
                }

                var before = current[candidate.Edit.Slot];
                current[candidate.Edit.Slot] = candidate.Edit.Value;
                chosen.Add(candidate);
                Walk(j + 1, bound + candidate.Bound);
                chosen.RemoveAt(chosen.Count - 1);
                current[candidate.Edit.Slot] = before;
            }
        }
    }

    /// <summary>Scores the evidence with the engine: the total, and whether the target is reached (no veto fired or undecided, no aggregation failed, total at least the target).</summary>
    private (decimal Total, bool Reached) Score(EvidenceValue[] slots)
    {
        var total = Evaluator.Evaluate(_plan, slots, _mask, _scores, _statuses, out var failed);
        if (failed || total < _target)
        {
            return (total, false);
        }

        foreach (var veto in _plan.Vetoes)
        {
            if (Check(veto, slots) != VetoState.NotFired)
            {
                return (total, false);
            }
        }

        return (total, true);
    }

    private static VetoState Check(PlanVeto veto, EvidenceValue[] slots)
    {
        List<Diagnostic>? ignored = null;
        return VetoRule.Check(veto, slots, Language.English, ref ignored, out _);
    }

    /// <summary>
    /// A value of the veto's one key that does not fire it, nearest to the value now; null for a veto written as a
    /// formula, or when none is found. A fixed key (a past incident is a fact of the school) is never changed to clear
    /// a fired veto; when its value is missing or invalid, supplying it is what decides the veto.
    /// </summary>
    private EvidenceEdit? VetoEdit(PlanVeto veto, VetoState state, EvidenceValue[] slots)
    {
        if (veto.Formula is not null || veto.Evidence is not { } declaration || (declaration.Fixed && state == VetoState.Fired))
        {
            return null;
        }

        var now = slots[veto.Slot];
        IEnumerable<EvidenceValue> tries = declaration.Type switch
        {
            EvidenceType.Boolean or EvidenceType.Document => [RuleSteps.Flag(declaration, !now.IsPresent), RuleSteps.Flag(declaration, now.IsPresent)],
            EvidenceType.Number or EvidenceType.Integer => NumbersNear(veto, declaration, now),
            EvidenceType.Enum => declaration.Values.Select(v => new EvidenceValue(EvidenceKind.Text, Text: v)),
            _ => [],
        };
        foreach (var value in tries)
        {
            if (Check(veto, Apply(slots, new EvidenceEdit(veto.Slot, value))) == VetoState.NotFired)
            {
                return new EvidenceEdit(veto.Slot, value);
            }
        }

        return null;
    }

    private static IEnumerable<EvidenceValue> NumbersNear(PlanVeto veto, EvidenceDeclaration declaration, EvidenceValue now)
    {
        var step = declaration.Type == EvidenceType.Integer ? 1m : 0.01m;
        var numbers = new List<decimal> { 0m };
        foreach (var bound in new[] { declaration.Min, declaration.Max, veto.AtLeast - step, veto.AtMost + step, veto.GreaterThan, veto.LessThan, veto.EqualsValue?.Number - step, veto.EqualsValue?.Number + step })
        {
            if (bound is { } b)
            {
                numbers.Add(declaration.Type == EvidenceType.Integer ? decimal.Round(b) : b);
            }
        }

        var from = now.Kind == EvidenceKind.Number ? now.Number : 0m;
        return numbers
            .Where(n => n >= (declaration.Min ?? decimal.MinValue) && n <= (declaration.Max ?? decimal.MaxValue))
            .Distinct()
            .OrderBy(n => Math.Abs(n - from))
            .ThenBy(n => n)
            .Select(n => new EvidenceValue(EvidenceKind.Number, Number: n));
    }

    private EvidenceChange Change(EvidenceEdit edit, ChangePurpose purpose, IReadOnlyList<string> reasons, decimal points)
    {
        var declaration = _plan.Catalogue[edit.Slot];
        var from = _card.Slots![edit.Slot];
        return new EvidenceChange(declaration.Key, declaration.Title, declaration.Unit, declaration.Type, ToObject(from), ToObject(edit.Value), purpose, reasons, points)
        {
            FromValue = from,
            Declaration = declaration,
            ToValue = edit.Value,
            Slot = edit.Slot,
        };
    }

    /// <summary>Plan node indexes in tree order: each node before its children, first-level indicators in their order.</summary>
    private IEnumerable<int> TreeOrder()
    {
        var stack = new Stack<int>(_plan.Roots.Reverse());
        while (stack.Count > 0)
        {
            var index = stack.Pop();
            yield return index;
            foreach (var child in _plan.Nodes[index].Children.Reverse())
            {
                stack.Push(child);
            }
        }
    }

    private static EvidenceValue[] Apply(EvidenceValue[] slots, EvidenceEdit edit)
    {
        var copy = (EvidenceValue[])slots.Clone();
        copy[edit.Slot] = edit.Value;
        return copy;
    }

    private static EvidenceValue[] Apply(EvidenceValue[] slots, IEnumerable<Candidate> set)
    {
        var copy = (EvidenceValue[])slots.Clone();
        foreach (var candidate in set)
        {
            copy[candidate.Edit.Slot] = candidate.Edit.Value;
        }

        return copy;
    }

    /// <summary>The value as the public types hold it: decimal, bool, string, list of strings, a document's name; null when missing or invalid.</summary>
    internal static object? ToObject(EvidenceValue value) => value.Kind switch
    {
        EvidenceKind.Number => value.Number,
        EvidenceKind.Boolean => value.Boolean,
        EvidenceKind.Text or EvidenceKind.Document => value.Text,
        EvidenceKind.List => value.Items ?? [],
        _ => null,
    };

    /// <summary>A value without its list of items, so that two equal values compare equal.</summary>
    private static EvidenceValue Normal(EvidenceValue value) => value with { Items = null };

    private static bool Same(EvidenceValue a, EvidenceValue b) =>
        a.Kind == b.Kind && a.Number == b.Number && a.Boolean == b.Boolean && a.Text == b.Text && a.Count == b.Count;

    /// <summary>One edit a rule proposed that raises its point: its gain to the total alone, the points it raises and by how much.</summary>
    private sealed record Candidate(EvidenceEdit Edit, decimal Gain, IReadOnlyList<string> Raised, decimal Points, int Order, int[] Leaves, bool Lowers)
    {
        /// <summary>The most it can add to any set of changes (see <see cref="Bounded"/>): at least <see cref="Gain"/>.</summary>
        public decimal Bound { get; set; } = Gain;
    }
}
