using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace IndicatorEngine.Loading;

/// <summary>
/// Cuts a document into pieces that are validated one at a time, so that validation stays linear in the size
/// of the document. NJsonSchema works out the path of every value it checks against a <c>oneOf</c> or
/// <c>anyOf</c> (a rule, an aggregation, a veto's condition), and a path costs as much as the value's index in
/// each array above it: checked in place, 100,000 observation points under one parent took minutes. Here the
/// items of the listed arrays are taken out and validated on their own, against their definition, and the
/// array keeps a <c>null</c> in each one's place, whose errors are dropped. A rule is taken out of its node and
/// validated against the definition its <c>type</c> names (<c>linearRule</c> for <c>"linear"</c>), which is
/// what the <c>oneOf</c> of all rule kinds would report, without trying the other seven.
/// </summary>
internal sealed class SchemaPieces
{
    private readonly List<Piece> _pieces = [];
    private readonly HashSet<string> _cutouts = new(StringComparer.Ordinal);
    private readonly List<Action> _restore = [];

    private SchemaPieces()
    {
    }

    /// <summary>The pieces, in document order, the document itself (without what was cut out) first.</summary>
    public IReadOnlyList<Piece> Pieces => _pieces;

    /// <summary>
    /// Whether an error at the pointer, found while validating the piece at <paramref name="piece"/>, is about
    /// the null left where an item was cut out (not a real error: the item is a piece of its own).
    /// </summary>
    public bool IsCutout(string pointer, string piece) => _cutouts.Count > 0 && pointer != piece && _cutouts.Contains(pointer);

    /// <summary>One value to validate, the schema it must meet, and the JSON Pointer the paths NJsonSchema reports for it are relative to.</summary>
    public sealed record Piece(JToken Token, JsonSchema Schema, string Pointer);

    /// <summary>
    /// A property to cut out of an object that meets a definition: an array whose items meet <paramref name="Definition"/>,
    /// or (<paramref name="IsArray"/> false) one value; when <paramref name="ByType"/> is given (e.g. <c>"{0}Rule"</c>),
    /// the value is validated against the definition it names with its <c>type</c>, if the schema has one.
    /// </summary>
    public sealed record Cut(string Property, string Definition, bool IsArray = true, string? ByType = null);

    /// <summary>
    /// Takes the document apart into pieces. The document is changed until <see cref="Restore"/> puts it back;
    /// nothing else may read it meanwhile.
    /// </summary>
    /// <param name="root">The document.</param>
    /// <param name="schema">The document's schema; its <c>definitions</c> hold the pieces' schemas.</param>
    /// <param name="cuts">For the document (key "") and for each definition, the properties to cut out of such an object.</param>
    public static SchemaPieces Split(JToken root, JsonSchema schema, IReadOnlyDictionary<string, Cut[]> cuts)
    {
        var pieces = new SchemaPieces();
        pieces._pieces.Add(new Piece(root, schema, ""));
        if (cuts.Count > 0 && root is JObject document)
        {
            pieces.Take(document, "", "", schema, cuts);
        }

        return pieces;
    }

    /// <summary>Puts the document back as it was read.</summary>
    public void Restore()
    {
        for (var i = _restore.Count - 1; i >= 0; i--)
        {
            _restore[i]();
        }

        _restore.Clear();
    }

    private void Take(JObject value, string definition, string pointer, JsonSchema schema, IReadOnlyDictionary<string, Cut[]> cuts)
    {
        if (!cuts.TryGetValue(definition, out var properties))
        {
            return;
        }

        foreach (var cut in properties)
        {
            var property = value.Property(cut.Property, StringComparison.Ordinal);
            if (property is null || !schema.Definitions.TryGetValue(cut.Definition, out var itemSchema))
            {
                continue;
            }

            if (!cut.IsArray)
            {
                var item = property.Value;
                if (cut.ByType is { } byType && item is JObject { } typed && typed["type"] is JValue { Type: JTokenType.String } type
                    && schema.Definitions.TryGetValue(string.Format(System.Globalization.CultureInfo.InvariantCulture, byType, type.Value), out var branch))
                {
                    itemSchema = branch;
                }

                // The property is optional where it is cut from: without it the object holding it is still checked in
                // full. Taken out with its name, the value's paths still start with it, so they are relative to the object.
                var previous = property.Previous;
                property.Remove();
                _restore.Add(() =>
                {
                    if (previous is null)
                    {
                        value.AddFirst(property);
                    }
                    else
                    {
                        previous.AddAfterSelf(property);
                    }
                });
                _pieces.Add(new Piece(item, itemSchema, pointer));
                continue;
            }

            if (property.Value is not JArray array)
            {
                continue;
            }

            var items = array.ToList();
            array.RemoveAll();
            _restore.Add(() =>
            {
                array.RemoveAll();
                foreach (var item in items)
                {
                    array.Add(item);
                }
            });
            for (var i = 0; i < items.Count; i++)
            {
                var itemPointer = JsonPointer.Append(JsonPointer.Append(pointer, cut.Property), i);
                array.Add(JValue.CreateNull());
                _cutouts.Add(itemPointer);
                _pieces.Add(new Piece(items[i], itemSchema, itemPointer));
                if (items[i] is JObject item)
                {
                    Take(item, cut.Definition, itemPointer, schema, cuts);
                }
            }
        }
    }
}
