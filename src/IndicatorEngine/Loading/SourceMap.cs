
namespace IndicatorEngine.Loading;

/// <summary>
/// Remembers, for every object of a (possibly merged) definition model, which file and JSON Pointer it
/// came from, so a semantic check can point at the line an author has to change.
/// </summary>
internal sealed class SourceMap
{
    private readonly Dictionary<object, (JsonSource Source, string Pointer)> _origins = new(ReferenceEqualityComparer.Instance);

    public void Register(object item, JsonSource source, string pointer) => _origins[item] = (source, pointer);

    public (JsonSource Source, string Pointer) OriginOf(object item) => _origins[item];

    public (JsonSource Source, string Pointer)? TryOriginOf(object item) => _origins.TryGetValue(item, out var origin) ? origin : null;

    public Diagnostic At(object item, string code, string message, string suffix = "", DiagnosticSeverity severity = DiagnosticSeverity.Error)
    {
        if (_origins.TryGetValue(item, out var origin))
        {
            return origin.Source.At(origin.Pointer + suffix, code, severity, message);
        }

        return new Diagnostic(code, severity, message);
    }

    /// <summary>Registers the system and everything in it found at the standard places of one file.</summary>
    public void RegisterFile(SystemDto system, JsonSource source)
    {
        Register(system, source, "");
        RegisterList(system.Evidence, source, "/evidence");
        RegisterList(system.Vetoes, source, "/vetoes");
        RegisterList(system.Targets, source, "/targets");
        RegisterGrades(system.Grades, source, "/grades");
        if (system.Profiles is { } profiles)
        {
            for (var i = 0; i < profiles.Count; i++)
            {
                var pointer = JsonPointer.Append("/profiles", i);
                Register(profiles[i], source, pointer);
                RegisterGrades(profiles[i].Grades, source, pointer + "/grades");
            }
        }

        RegisterNodes(system.Indicators, source, "/indicators");
        RegisterNodes(system.Patches, source, "/patches");
    }

    private void RegisterGrades(List<GradeDto>? grades, JsonSource source, string pointer) => RegisterList(grades, source, pointer);

    private void RegisterList<T>(List<T>? items, JsonSource source, string pointer)
        where T : class
    {
        if (items is null)
        {
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            Register(items[i], source, JsonPointer.Append(pointer, i));
        }
    }

    public void RegisterNodes(List<NodeDto>? nodes, JsonSource source, string pointer)
    {
        if (nodes is null)
        {
            return;
        }

        for (var i = 0; i < nodes.Count; i++)
        {
            var nodePointer = JsonPointer.Append(pointer, i);
            Register(nodes[i], source, nodePointer);
            if (nodes[i].Rule is { } rule)
            {
                Register(rule, source, nodePointer + "/rule");
            }

            RegisterNodes(nodes[i].Children, source, nodePointer + "/children");
        }
    }
}
