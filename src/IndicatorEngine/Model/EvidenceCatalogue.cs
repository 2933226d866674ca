
namespace IndicatorEngine.Model;

/// <summary>
/// A system's evidence catalogue, parsed once from the model: each key's declaration (its type parsed into
/// <see cref="EvidenceType"/>) and its slot, the position of its value in a subject's slot array. Built before
/// the checks run, so that checking a rule and compiling it are one step. Immutable.
/// </summary>
internal sealed class EvidenceCatalogue
{
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);

    public EvidenceCatalogue(IEnumerable<EvidenceDeclarationDto> declarations)
    {
        var list = new List<EvidenceDeclaration>();
        foreach (var d in declarations)
        {
            // A key declared twice is an error the checker reports; the first declaration is the one used.
            if (_slots.TryAdd(d.Key, list.Count))
            {
                list.Add(new EvidenceDeclaration(d.Key, TypeOf(d.Type), d.Title ?? d.Key, d.Unit, d.Min, d.Max, d.Values ?? [], d.Description, d.Fixed));
            }
        }

        Declarations = list;
        Utf8Keys = list.Select(d => System.Text.Encoding.UTF8.GetBytes(d.Key)).ToArray();
    }

    /// <summary>The keys as UTF-8, by slot: a reader checks the key it expects next against these before it looks one up.</summary>
    public byte[][] Utf8Keys { get; }

    /// <summary>The declarations in slot order.</summary>
    public IReadOnlyList<EvidenceDeclaration> Declarations { get; }

    public int Count => Declarations.Count;

    public EvidenceDeclaration this[int slot] => Declarations[slot];

    /// <summary>The lowercase name authors write for a type (<c>number</c>, <c>document</c>…).</summary>
    public static string NameOf(EvidenceType type) => type.ToString().ToLowerInvariant();

    public static bool IsNumeric(EvidenceType type) => type is EvidenceType.Number or EvidenceType.Integer;

    public bool TryFind(string key, out EvidenceDeclaration declaration, out int slot)
    {
        if (_slots.TryGetValue(key, out slot))
        {
            declaration = Declarations[slot];
            return true;
        }

        declaration = null!;
        slot = -1;
        return false;
    }

    public EvidenceDeclaration? Find(string key) => _slots.TryGetValue(key, out var slot) ? Declarations[slot] : null;

    /// <summary>The slot of a declared key.</summary>
    public int SlotOf(string key) => _slots[key];

    /// <summary>The slot of a key, without allocating: the key as characters (e.g. decoded from UTF-8 on the stack).</summary>
    public bool TryGetSlot(ReadOnlySpan<char> key, out int slot) => _slots.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out slot);

    private static EvidenceType TypeOf(string type) => type switch
    {
        "number" => EvidenceType.Number,
        "integer" => EvidenceType.Integer,
        "boolean" => EvidenceType.Boolean,
        "string" => EvidenceType.String,
        "enum" => EvidenceType.Enum,
        "date" => EvidenceType.Date,
        "list" => EvidenceType.List,
        "document" => EvidenceType.Document,
        _ => throw new InvalidOperationException($"evidence type '{type}' passed the schema but is not known"),
    };
}
