using System.Globalization;
using IndicatorEngine;

namespace NetworkCoverage;

/// <summary>
/// <c>network-coverage</c>: wireless coverage across a school's campuses, averaged (by headcount when every
/// campus gives one) and scored linearly from <c>floor</c> (0 points) to <c>target</c> (full points).
/// </summary>
/// <example>
/// <code>
/// "rule": { "type": "plugin", "scorer": "network-coverage", "options": {
///   "campuses": [ { "name": "主校区", "coverage": "wifiMainPct", "people": "peopleMain" },
///                 { "name": "东校区", "coverage": "wifiEastPct", "people": "peopleEast" } ],
///   "target": 95, "floor": 60 } }
/// </code>
/// </example>
public sealed class NetworkCoverageScorer : Scorer<NetworkCoverageScorer.Settings>
{
    /// <inheritdoc/>
    public override string Name => "network-coverage";

    /// <inheritdoc/>
    protected override Settings? Compile(ScorerSetup setup)
    {
        var options = setup.BindOptions<NetworkCoverageOptions>();
        if (options is null)
        {
            return null;
        }

        if (options.Campuses.Count == 0)
        {
            setup.Error("/campuses", "list at least one campus");
        }

        if (options.Target is <= 0m or > 100m)
        {
            setup.Error("/target", $"target must be a percentage above 0 and at most 100, not {options.Target}");
        }

        if (options.Floor < 0m || options.Floor >= options.Target)
        {
            setup.Error("/floor", $"floor must be at least 0 and below the target ({options.Target}), not {options.Floor}");
        }

        var weighted = options.Campuses.Count > 0 && options.Campuses[0].People is not null;
        var campuses = new List<Campus>();
        for (var i = 0; i < options.Campuses.Count; i++)
        {
            var campus = options.Campuses[i];
            if ((campus.People is not null) != weighted)
            {
                setup.Error($"/campuses/{i}", "give 'people' for every campus (a headcount-weighted mean) or for none (a plain mean)");
            }

            var coverage = setup.Read(campus.Coverage, $"/campuses/{i}/coverage", ExpectedEvidence.Number);
            var people = campus.People is null ? null : setup.Read(campus.People, $"/campuses/{i}/people", ExpectedEvidence.Number);
            campuses.Add(new Campus(campus.Name, coverage, people));
        }

        return setup.HasErrors ? null : new Settings(campuses.ToArray(), weighted, options.Target, options.Floor);
    }

    /// <inheritdoc/>
    protected override ScoreOutcome Score(EvidenceView evidence, Settings settings, decimal max)
    {
        var parts = new string[settings.Campuses.Length];
        decimal sum = 0m, people = 0m;
        for (var i = 0; i < settings.Campuses.Length; i++)
        {
            var campus = settings.Campuses[i];
            if (!evidence.TryGetNumber(campus.Coverage, out var coverage))
            {
                return Unusable(evidence, campus.Name, campus.Coverage);
            }

            var weight = 1m;
            if (campus.People is { } slot && !evidence.TryGetNumber(slot, out weight))
            {
                return Unusable(evidence, campus.Name, slot);
            }

            sum += coverage * weight;
            people += weight;
            parts[i] = settings.Weighted ? $"{campus.Name} {N(coverage)}% ({N(weight)} people)" : $"{campus.Name} {N(coverage)}%";
        }

        if (people == 0m)
        {
            return ScoreOutcome.Failed($"{string.Join(", ", parts)}: no campus has any people, so no weighted coverage");
        }

        var mean = sum / people;
        var share = Math.Clamp((mean - settings.Floor) / (settings.Target - settings.Floor), 0m, 1m);
        var score = max * share;
        var status = score == max || score == 0m ? ScoreStatus.Scored : ScoreStatus.Partial;
        // The parts of the explanation (the campuses' list is one of them): formatted only when somebody reads it.
        var format = settings.Weighted
            ? "{0} → weighted by people {1}%, full points at {2}%, none at {3}% → {4} of {5}"
            : "{0} → mean {1}%, full points at {2}%, none at {3}% → {4} of {5}";
        return new ScoreOutcome(score, status, new Explanation(format, string.Join(", ", parts), Math.Round(mean, 2), settings.Target, settings.Floor, Math.Round(score, 2), max));
    }

    private static ScoreOutcome Unusable(EvidenceView evidence, string campus, EvidenceSlot slot)
    {
        var outcome = evidence.Unusable(slot);
        return outcome with { Explanation = $"{campus}: {outcome.Explanation}" };
    }

    private static string N(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <summary>A rule compiled: the campuses with their evidence slots, and the targets.</summary>
    /// <param name="Campuses">The campuses, in the order written.</param>
    /// <param name="Weighted">Whether the mean is weighted by headcount.</param>
    /// <param name="Target">Coverage (%) for full points.</param>
    /// <param name="Floor">Coverage (%) for none.</param>
    public sealed record Settings(Campus[] Campuses, bool Weighted, decimal Target, decimal Floor);

    /// <summary>One campus compiled.</summary>
    /// <param name="Name">Its name in explanations.</param>
    /// <param name="Coverage">Its coverage (%).</param>
    /// <param name="People">Its headcount, or null for a plain mean.</param>
    public sealed record Campus(string Name, EvidenceSlot Coverage, EvidenceSlot? People);
}
