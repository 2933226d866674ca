using System.Globalization;
using System.Text;

namespace IndicatorEngine.Tests.Scripting;

/// <summary>
/// A random formula of the compiled subset and random inputs for it, made from a seed: numbers n1–n3 and
/// points, booleans b1 b2, strings s1 s2. Typed generation keeps it inside the subset (a number formula for a
/// leaf, a boolean one for a veto). Printed as the formula and its inputs, so a failure shows both.
/// </summary>
public sealed class RandomFormula
{
    // Ties and values just past them, negative ones above all: Jint 4.18's own Math.round was one too high just
    // past a negative .5 tie (Math.round(0.7 - 2.2), i.e. of −1.5000000000000002, gave −1, not −2).
    private static readonly double[] Numbers =
    [
        0, 1, 2, 3, 0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.1, 0.2, 0.7, 2.2, 10, 16850, 1e-7, 1e21, -7, 562949953421311.5, 0.49999999999999994,
        -3.5, -1.5000000000000002, -2.4999999999999996, -2.5000000000000004, 2.5000000000000004, -0.49999999999999994, -0.5000000000000001,
        4503599627370495.5, -4503599627370495.5, -4503599627370496.5,
    ];

    private static readonly string[] Strings = ["", "10G", "1G", "a", "A", "10", "b"];

    private readonly Random _random;
    private readonly int _size;

    private RandomFormula(int seed, int size, bool veto)
    {
        Seed = seed;
        _random = new Random(seed);
        _size = Math.Max(1, size);
        IsVeto = veto;
        NumberInputs = [Pick(Numbers), Pick(Numbers), Pick(Numbers), Pick([0, 1, 2, 3.5, 10])];
        BooleanInputs = [_random.Next(2) == 0, _random.Next(2) == 0];
        StringInputs = [Pick(Strings), Pick(Strings)];
        Text = veto ? Bool(_size) : Num(_size);
    }

    public int Seed { get; }

    public bool IsVeto { get; }

    public string Text { get; }

    /// <summary>n1, n2, n3, points.</summary>
    public double[] NumberInputs { get; }

    /// <summary>b1, b2.</summary>
    public bool[] BooleanInputs { get; }

    /// <summary>s1, s2.</summary>
    public string[] StringInputs { get; }

    public static RandomFormula Create(int seed, int size) => new(seed, size, veto: seed % 4 == 0);

    public override string ToString() =>
        $"{(IsVeto ? "veto" : "leaf")} formula `{Text}` with n1={F(NumberInputs[0])} n2={F(NumberInputs[1])} n3={F(NumberInputs[2])} points={F(NumberInputs[3])} " +
        $"b1={BooleanInputs[0]} b2={BooleanInputs[1]} s1=\"{StringInputs[0]}\" s2=\"{StringInputs[1]}\" (seed {Seed}, size {_size})";

    private static string F(double d) => d.ToString("R", CultureInfo.InvariantCulture);

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private string Num(int depth)
    {
        if (depth <= 0 || _random.Next(4) == 0)
        {
            return _random.Next(6) switch
            {
                0 or 1 => Pick<string>(IsVeto ? ["n1", "n2", "n3"] : ["n1", "n2", "n3", "points"]),
                2 => Pick(["NaN", "Infinity", "0"]),
                _ => F(Math.Abs(Pick(Numbers))),
            };
        }

        var d = depth - 1;
        return _random.Next(18) switch
        {
            0 or 1 or 2 => $"({Num(d)} {Pick(["+", "-", "*", "/", "%"])} {Num(d)})",
            3 => $"(-{Num(d)})",
            4 => $"(+{Bool(d)})",
            5 => $"({Bool(d)} {Pick(["+", "-", "*"])} {Num(d)})",
            6 => $"({Any(d)} ? {Num(d)} : {Num(d)})",
            7 => $"({Num(d)} {Pick(["||", "&&"])} {Num(d)})",
            8 => $"{Pick(["Math.min", "Math.max", "min", "max"])}({Args(d, _random.Next(4))})",
            9 => $"Math.{Pick(["abs", "floor", "ceil", "round"])}({Num(d)})",
            10 => $"clamp({Num(d)}, {Num(d)}, {Num(d)})",
            11 => _random.Next(2) == 0 ? $"ratio({Num(d)}, {Num(d)})" : $"ratio({Num(d)}, {Num(d)}, {Num(d)})",
            12 => $"tiers({Args(d, 1 + _random.Next(6))})",
            13 => $"Math.round({Num(d)} / {Pick(["2", "10", "0.1", "3"])})",
            14 => $"({Bool(d)} ? {Num(d)} : {Bool(d)} + 0)",
            15 => $"Math.round({Num(d)} - {Num(d)})",
            _ => $"({Num(d)} {Pick(["+", "*"])} {Num(d)})",
        };
    }

    private string Args(int depth, int count) =>
        string.Join(", ", Enumerable.Range(0, count).Select(_ => _random.Next(5) == 0 ? Bool(depth) : Num(depth)));

    private string Bool(int depth)
    {
        if (depth <= 0 || _random.Next(4) == 0)
        {
            return Pick(["b1", "b2", "true", "false"]);
        }

        var d = depth - 1;
        return _random.Next(11) switch
        {
            0 or 1 => $"({Num(d)} {Pick(["<", "<=", ">", ">=", "==", "!=", "===", "!=="])} {Num(d)})",
            2 => $"({Bool(d)} {Pick(["==", "!=", "===", "!=="])} {Num(d)})",
            3 => $"(!{Any(d)})",
            4 => $"({Bool(d)} {Pick(["&&", "||"])} {Bool(d)})",
            5 => $"({Str(d)} {Pick(["==", "!=", "===", "!==", "<", ">=", ">"])} {Str(d)})",
            6 => $"({Str(d)} {Pick(["===", "!=="])} {Num(d)})",
            7 => $"({Any(d)} ? {Bool(d)} : {Bool(d)})",
            8 => $"({Bool(d)} {Pick(["<", ">=", "=="])} {Bool(d)})",
            _ => $"({Num(d)} {Pick(["<", "==="])} {Bool(d)})",
        };
    }

    private string Str(int depth)
    {
        if (depth <= 0 || _random.Next(3) > 0)
        {
            return _random.Next(2) == 0 ? Pick(["s1", "s2"]) : $"\"{Pick(Strings)}\"";
        }

        var d = depth - 1;
        return _random.Next(2) == 0 ? $"({Bool(d)} ? {Str(d)} : {Str(d)})" : $"({Str(d)} {Pick(["||", "&&"])} {Str(d)})";
    }

    private string Any(int depth) => _random.Next(3) switch
    {
        0 => Num(depth),
        1 => Bool(depth),
        _ => Str(depth),
    };
}
