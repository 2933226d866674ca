using FsCheck.Xunit;

namespace IndicatorEngine.Tests.Properties;

/// <summary>
/// A property test run with the generators of <see cref="Generators"/>. The number of cases comes from the
/// environment variable <c>PROPERTY_MAX_TEST</c> (default 100, CI-sized; set 10000 for a thorough local
/// run); <c>PROPERTY_REPLAY="(seed,gamma)"</c> replays the failing case FsCheck printed.
/// </summary>
public sealed class InvariantAttribute : PropertyAttribute
{
    public InvariantAttribute()
    {
        MaxTest = int.TryParse(Environment.GetEnvironmentVariable("PROPERTY_MAX_TEST"), out var n) && n > 0 ? n : 100;
        Arbitrary = [typeof(Generators)];
        EndSize = 30;
        if (Environment.GetEnvironmentVariable("PROPERTY_REPLAY") is { Length: > 0 } replay)
        {
            Replay = replay;
        }
    }
}
