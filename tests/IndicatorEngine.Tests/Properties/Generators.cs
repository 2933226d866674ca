using FsCheck;
using FsCheck.Fluent;

namespace IndicatorEngine.Tests.Properties;

/// <summary>FsCheck arbitraries for the property tests.</summary>
public static class Generators
{
    /// <summary>Valid indicator systems of any depth and mix of built-in rules, with evidence; shrinks by size.</summary>
    public static Arbitrary<GeneratedCase> Cases() => Arb.From(
        Gen.Sized(size => Gen.Choose(0, int.MaxValue).Select(seed => GeneratedCase.Create(seed, size))),
        c => Enumerable.Range(1, c.Size - 1).Reverse().Where(s => s < c.Size).Select(s => GeneratedCase.Create(c.Seed, s)).Take(6));

    /// <summary>A seed over the whole range of int, for properties that draw a school (and what to ask of it) from one seed; no shrinking.</summary>
    public static Arbitrary<Seed> Seeds() => Arb.From(Gen.Choose(0, int.MaxValue).Select(value => new Seed(value)));

    /// <summary>Arbitrary JSON text: random trees of objects, arrays and scalars, sometimes truncated.</summary>
    public static Arbitrary<JsonText> Json() => Arb.From(
        Gen.Sized(size => Gen.Choose(0, int.MaxValue).Select(seed => JsonText.Create(seed, size))),
        j => j.Shrink());
}

/// <summary>A seed for <see cref="Random"/>, drawn from the whole range of int (FsCheck's own ints stay near 0).</summary>
/// <param name="Value">The seed.</param>
public sealed record Seed(int Value);
