using System.Text;

namespace IndicatorEngine.Tests.Properties;

/// <summary>Arbitrary JSON-ish text for robustness properties: mostly well-formed, sometimes cut or corrupted.</summary>
public sealed class JsonText
{
    private static readonly string[] Keys = ["id", "version", "title", "points", "indicators", "children", "rule", "type", "evidence", "values", "profiles", "zh", "extends", "$schema", "weight", "bands"];

    private const string Noise = "\"{[,:]}\\\u0000é汉";

    private JsonText(string text) => Text = text;

    public string Text { get; }

    public static JsonText Create(int seed, int size)
    {
        var random = new Random(seed);
        var builder = new StringBuilder();
        Value(builder, random, Math.Min(size, 8));
        var text = builder.ToString();
        return random.Next(5) switch
        {
            0 when text.Length > 1 => new JsonText(text[..random.Next(text.Length)]),
            1 when text.Length > 1 => new JsonText(text.Remove(random.Next(text.Length), 1).Insert(random.Next(text.Length - 1), Noise[random.Next(Noise.Length)].ToString())),
            _ => new JsonText(text),
        };
    }

    public IEnumerable<JsonText> Shrink()
    {
        if (Text.Length > 1)
        {
            yield return new JsonText(Text[..(Text.Length / 2)]);
            yield return new JsonText(Text[(Text.Length / 2)..]);
        }
    }

    public override string ToString() => Text;

    private static void Value(StringBuilder b, Random r, int depth)
    {
        switch (depth <= 0 ? r.Next(6) : r.Next(9))
        {
            case 0: b.Append(r.Next(-1000, 100000)); break;
            case 1: b.Append(r.NextDouble() * Math.Pow(10, r.Next(-5, 40))); break;
            case 2: b.Append('"').Append(Keys[r.Next(Keys.Length)]).Append('"'); break;
            case 3: b.Append(r.Next(2) == 0 ? "true" : "false"); break;
            case 4: b.Append("null"); break;
            case 5: b.Append("\"汉字\\u0041\\n\""); break;
            case 6 or 7:
                b.Append('{');
                var n = r.Next(5);
                for (var i = 0; i < n; i++)
                {
                    if (i > 0) b.Append(',');
                    b.Append('"').Append(Keys[r.Next(Keys.Length)]).Append(r.Next(3) == 0 ? i.ToString(System.Globalization.CultureInfo.InvariantCulture) : "").Append("\":");
                    Value(b, r, depth - 1);
                }

                b.Append('}');
                break;
            default:
                b.Append('[');
                var m = r.Next(5);
                for (var i = 0; i < m; i++)
                {
                    if (i > 0) b.Append(',');
                    Value(b, r, depth - 1);
                }

                b.Append(']');
                break;
        }
    }
}
