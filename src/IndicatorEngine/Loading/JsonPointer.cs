namespace IndicatorEngine.Loading;

/// <summary>Builds and splits JSON Pointers (RFC 6901).</summary>
internal static class JsonPointer
{
    public static string Escape(string segment) =>
        segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    public static string Unescape(string segment) =>
        segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

    public static string Append(string pointer, string segment) => pointer + "/" + Escape(segment);

    public static string Append(string pointer, int index) => pointer + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static IEnumerable<string> Segments(string pointer)
    {
        if (string.IsNullOrEmpty(pointer))
        {
            yield break;
        }

        foreach (var part in pointer.Split('/').Skip(1))
        {
            yield return Unescape(part);
        }
    }
}
