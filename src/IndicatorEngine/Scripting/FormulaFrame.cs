namespace IndicatorEngine.Scripting;

/// <summary>
/// The inputs of one evaluation, by input index: numbers (booleans as 1 or 0) in <see cref="Numbers"/>,
/// strings and string lists in <see cref="Texts"/>. One per thread, reused, so an evaluation allocates
/// nothing for its inputs; valid until the thread's next <see cref="Rent"/>.
/// </summary>
internal sealed class FormulaFrame
{
    [ThreadStatic]
    private static FormulaFrame? t_frame;

    private FormulaFrame(int size)
    {
        Numbers = new double[size];
        Texts = new object?[size];
    }

    public double[] Numbers { get; }

    public object?[] Texts { get; }

    /// <summary>A copy that belongs to no thread, for an evaluation run on another thread.</summary>
    public FormulaFrame Copy()
    {
        var copy = new FormulaFrame(Numbers.Length);
        Numbers.CopyTo(copy.Numbers, 0);
        Texts.CopyTo(copy.Texts, 0);
        return copy;
    }

    public static FormulaFrame Rent(int inputs)
    {
        var frame = t_frame;
        if (frame is null || frame.Numbers.Length < inputs)
        {
            t_frame = frame = new FormulaFrame(Math.Max(inputs, 8));
        }

        return frame;
    }
}
