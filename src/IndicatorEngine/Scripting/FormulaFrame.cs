namespace IndicatorEngine.Scripting;

/// <summary>
/// The inputs of one evaluation, by input index: numbers (booleans as 1 or 0) in <see cref="Numbers"/>,
/// strings and string lists in <see cref="Texts"/>. Per-thread scratch arrays, so an evaluation allocates
/// nothing for its inputs; valid until the thread's next <see cref="Rent"/>.
/// </summary>
internal readonly struct FormulaFrame
{
    [ThreadStatic]
    private static double[]? t_numbers;

    [ThreadStatic]
    private static object?[]? t_texts;

    private FormulaFrame(double[] numbers, object?[] texts)
    {
        Numbers = numbers;
        Texts = texts;
    }

    public double[] Numbers { get; }

    public object?[] Texts { get; }

    public static FormulaFrame Rent(int inputs)
    {
        var numbers = t_numbers;
        var texts = t_texts;
        if (numbers is null || numbers.Length < inputs)
        {
            t_numbers = numbers = new double[Math.Max(inputs, 8)];
            t_texts = texts = new object?[numbers.Length];
        }

        return new FormulaFrame(numbers, texts!);
    }
}
