namespace IndicatorEngine.Cli.CommandLine;

/// <summary>
/// "Did you mean …?" for a mistyped command, option, shipped system id or format: the candidates closest to
/// what was typed, by edit distance (a swap of two neighbours counts as one edit) or because the typed text is
/// the start of a candidate. Case is ignored.
/// </summary>
internal static class Suggestions
{
    /// <summary>The best candidates (one, or a few that tie), best first; empty when none is close.</summary>
    public static IReadOnlyList<string> Nearest(string typed, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(candidates);
        var word = typed.TrimStart('-').ToLowerInvariant();
        if (word.Length < 2)
        {
            return [];
        }

        var allowed = word.Length switch
        {
            <= 3 => 1,
            <= 7 => 2,
            _ => 3,
        };
        var ranked = new List<(string Candidate, int Rank)>();
        foreach (var candidate in candidates.Distinct(StringComparer.Ordinal))
        {
            if (string.Equals(candidate, typed, StringComparison.Ordinal))
            {
                continue;
            }

            var other = candidate.TrimStart('-').ToLowerInvariant();

            var rank = other.StartsWith(word, StringComparison.Ordinal) && word.Length >= 3 ? 0 : Distance(word, other);
            if (rank <= allowed)
            {
                ranked.Add((candidate, rank));
            }
        }

        if (ranked.Count == 0)
        {
            return [];
        }

        var best = ranked.Min(r => r.Rank);
        return ranked.Where(r => r.Rank == best).Select(r => r.Candidate).Take(3).ToList();
    }

    /// <summary>"; did you mean X?" (or "X or Y"), or "" when nothing is close.</summary>
    public static string DidYouMean(string typed, IEnumerable<string> candidates)
    {
        var nearest = Nearest(typed, candidates);
        return nearest.Count == 0 ? "" : $"; did you mean {string.Join(" or ", nearest)}?";
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
