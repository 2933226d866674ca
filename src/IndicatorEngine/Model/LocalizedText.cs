namespace IndicatorEngine;

/// <summary>A title as published in Chinese, with an optional English rendering. Immutable.</summary>
/// <param name="Zh">The Chinese text, as published.</param>
/// <param name="En">The English text, or null when none is given.</param>
public sealed record LocalizedText(string Zh, string? En = null)
{
    /// <summary>The Chinese text.</summary>
    /// <returns><see cref="Zh"/>.</returns>
    public override string ToString() => Zh;
}
