
namespace IndicatorEngine.Loading;

/// <summary>Applies an overlay to the system it extends (the rules are in indicators/README.md, "Overlays").</summary>
internal static class OverlayMerger
{
    public static SystemDto? Merge(SystemDto baseSystem, SystemDto overlay, SourceMap map, List<Diagnostic> diagnostics)
    {
        var merged = baseSystem;
        merged.Schema = overlay.Schema ?? baseSystem.Schema;
        merged.Id = overlay.Id;
        merged.Version = overlay.Version;
        merged.Title = overlay.Title;
        merged.Description = overlay.Description ?? baseSystem.Description;
        merged.Source = overlay.Source ?? baseSystem.Source;
        merged.Language = overlay.Language ?? baseSystem.Language;
        merged.Extends = null;
        merged.Points = overlay.Points ?? baseSystem.Points;
        merged.Precision = overlay.Precision ?? baseSystem.Precision;
        merged.Aggregation = overlay.Aggregation ?? baseSystem.Aggregation;
        merged.DefaultProfile = overlay.DefaultProfile ?? (overlay.Profiles is null ? baseSystem.DefaultProfile : null);
        merged.Profiles = overlay.Profiles ?? baseSystem.Profiles;
        merged.Grades = overlay.Grades ?? baseSystem.Grades;
        merged.Indicators = overlay.Indicators ?? baseSystem.Indicators;
        merged.Evidence = MergeBy(baseSystem.Evidence, overlay.Evidence, e => e.Key);
        merged.Vetoes = MergeBy(baseSystem.Vetoes, overlay.Vetoes, v => v.Id);
        merged.Targets = MergeBy(baseSystem.Targets, overlay.Targets, t => t.Id);
        merged.Patches = null;

        var nodes = new Dictionary<string, NodeDto>(StringComparer.Ordinal);
        Index(merged.Indicators, nodes);
        var ok = true;
        foreach (var patch in overlay.Patches ?? [])
        {
            if (!nodes.TryGetValue(patch.Id, out var node))
            {
                diagnostics.Add(map.At(patch, DiagnosticCodes.UnknownNode,
                    $"patch names node '{patch.Id}', which the extended system does not have; check the id", "/id"));
                ok = false;
                continue;
            }

            Apply(node, patch, map);
        }

        return ok ? merged : null;
    }

    private static void Apply(NodeDto node, NodeDto patch, SourceMap map)
    {
        node.Title = patch.Title ?? node.Title;
        node.Description = patch.Description ?? node.Description;
        node.Provenance = patch.Provenance ?? node.Provenance;
        node.Source = patch.Source ?? node.Source;
        node.Evidence = patch.Evidence ?? node.Evidence;
        node.Weight = patch.Weight ?? node.Weight;
        node.BonusPoints = patch.BonusPoints ?? node.BonusPoints;
        node.Aggregation = patch.Aggregation ?? node.Aggregation;
        node.Points = patch.Points ?? node.Points;
        if (patch.Points is not null || patch.Aggregation is not null || patch.BonusPoints is not null || patch.Weight is not null || patch.Children is not null)
        {
            // What the checker says about the node's points, aggregation or children is now the overlay
            // author's to fix: point at the patch, not at the base file.
            var (source, pointer) = map.OriginOf(patch);
            map.Register(node, source, pointer);
        }

        if (patch.Children is not null)
        {
            node.Children = patch.Children;
            node.Rule = null;
        }

        if (patch.Rule is not null)
        {
            node.Rule = patch.Rule;
            node.Children = null;
        }
    }

    private static List<T>? MergeBy<T>(List<T>? baseItems, List<T>? overlayItems, Func<T, string> key)
    {
        if (overlayItems is null)
        {
            return baseItems;
        }

        var result = new List<T>(baseItems ?? []);

        // Where each key first stands, so that merging stays linear in the number of items.
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < result.Count; i++)
        {
            index.TryAdd(key(result[i]), i);
        }

        foreach (var item in overlayItems)
        {
            if (index.TryGetValue(key(item), out var at))
            {
                result[at] = item;
            }
            else
            {
                index.Add(key(item), result.Count);
                result.Add(item);
            }
        }

        return result;
    }

    private static void Index(List<NodeDto>? nodes, Dictionary<string, NodeDto> index)
    {
        foreach (var node in nodes ?? [])
        {
            index.TryAdd(node.Id, node);
            Index(node.Children, index);
        }
    }
}
