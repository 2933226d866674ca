using System.Collections.Concurrent;
using System.Globalization;

namespace IndicatorEngine.Testing;

/// <summary>Options of <see cref="AtLeastScorer"/>.</summary>
public sealed class AtLeastOptions
{
    public required string Evidence { get; init; }

    public required decimal AtLeast { get; init; }
}

/// <summary><c>at-least</c>: full points when a number reaches <c>atLeast</c>. Counts its compiles.</summary>
public sealed class AtLeastScorer : Scorer<AtLeastScorer.Settings>
{
    private int _compiles;

    public override string Name => "at-least";

    public int Compiles => _compiles;

    public ConcurrentBag<(string Indicator, decimal Max, string? Label)> Setups { get; } = [];

    protected override Settings? Compile(ScorerSetup setup)
    {
        Interlocked.Increment(ref _compiles);
        Setups.Add((setup.IndicatorId, setup.MaxPoints, setup.Label));
        var options = setup.BindOptions<AtLeastOptions>();
        if (options is null)
        {
            return null;
        }

        if (options.AtLeast < 0)
        {
            setup.Error("/atLeast", "atLeast must not be negative");
            return null;
        }

        return new Settings(setup.Read(options.Evidence, "/evidence", ExpectedEvidence.Number), options.AtLeast);
    }

    protected override ScoreOutcome Score(EvidenceView evidence, Settings settings, decimal max)
    {
        if (!evidence.TryGetNumber(settings.Value, out var value))
        {
            return evidence.Unusable(settings.Value);
        }

        var score = value >= settings.AtLeast ? max : 0m;
        return new ScoreOutcome(score, ScoreStatus.Scored, $"{settings.Value.Title} {value.ToString(CultureInfo.InvariantCulture)}, at least {settings.AtLeast.ToString(CultureInfo.InvariantCulture)}");
    }

    public sealed record Settings(EvidenceSlot Value, decimal AtLeast);
}

/// <summary>
/// A scorer whose Compile and Score do what the test says. By default Compile reads the keys listed in the
/// options' "reads" and Score gives full points.
/// </summary>
public sealed class ScriptedScorer(string name) : IScorer
{
    public delegate ScoreOutcome ScoreWith(EvidenceView evidence, EvidenceSlot[] slots, decimal max);

    public string Name => name;

    public Func<ScorerSetup, object?>? OnCompile { get; init; }

    public ScoreWith? OnScore { get; init; }

    public object? Compile(ScorerSetup setup) =>
        OnCompile is not null ? OnCompile(setup)
        : setup.Options.TryGetProperty("reads", out var reads) ? reads.EnumerateArray().Select((k, i) => setup.Read(k.GetString()!, $"/reads/{i}")).ToArray()
        : Array.Empty<EvidenceSlot>();

    public ScoreOutcome Score(EvidenceView evidence, object? settings, decimal max) =>
        OnScore is not null ? OnScore(evidence, settings as EvidenceSlot[] ?? [], max) : new ScoreOutcome(max, ScoreStatus.Scored, "full");
}
