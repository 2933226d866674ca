using System.Text.Json;
using IndicatorEngine.Loading;
using IndicatorEngine.Model.Dto;

namespace IndicatorEngine.Cli.Comparing;

/// <summary>
/// What changed between two versions of a definition, matched by id: the system's settings; profiles (pass bar,
/// indicators not applicable, their grades); grades; vetoes; evidence keys; regional targets; indicators added,
/// removed, moved (parent changed), retitled, and their points, weights, rules (type and every setting) and
/// aggregation. Read from the loaded definitions (an overlay already merged with what it extends). Ordered by
/// area, then id, then kind, then setting, so that the same two definitions always give the same list.
/// </summary>
internal static class DefinitionDiff
{
    /// <summary>The changes from <paramref name="old"/> to <paramref name="new"/>; empty when they define the same thing.</summary>
    public static IReadOnlyList<DefinitionChange> Compare(IndicatorSystem old, IndicatorSystem @new)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(@new);
        var a = old.Model;
        var b = @new.Model;
        var changes = new List<DefinitionChange>();
        var systemTitle = new LocalizedText(b.Title.Zh, b.Title.En);
        Settings(changes, ChangeArea.System, b.Id, systemTitle, "", SystemSettings(a), SystemSettings(b));

        Keyed(changes, ChangeArea.Profile, a.Profiles ?? [], b.Profiles ?? [], p => p.Id, p => Title(p.Title), (p, q) =>
        {
            Settings(changes, ChangeArea.Profile, q.Id, Title(q.Title), "", Flatten(p, "grades", "title"), Flatten(q, "grades", "title"));
            Grades(changes, p.Grades ?? [], q.Grades ?? [], q.Id);
        });
        Grades(changes, a.Grades ?? [], b.Grades ?? [], null);
        Keyed(changes, ChangeArea.Veto, a.Vetoes ?? [], b.Vetoes ?? [], v => v.Id, v => Title(v.Title),
            (v, w) => Settings(changes, ChangeArea.Veto, w.Id, Title(w.Title), "", Flatten(v, "title"), Flatten(w, "title")));
        Keyed(changes, ChangeArea.Evidence, a.Evidence ?? [], b.Evidence ?? [], e => e.Key, e => e.Title is null ? null : new LocalizedText(e.Title),
            (e, f) => Settings(changes, ChangeArea.Evidence, f.Key, f.Title is null ? null : new LocalizedText(f.Title), "", Flatten(e, "key", "title"), Flatten(f, "key", "title")));
        Keyed(changes, ChangeArea.Target, a.Targets ?? [], b.Targets ?? [], t => t.Id, t => Title(t.Title),
            (t, u) => Settings(changes, ChangeArea.Target, u.Id, Title(u.Title), "", Flatten(t, "title"), Flatten(u, "title")));
        Indicators(changes, a, b);

        return changes
            .OrderBy(c => c.Area)
            .ThenBy(c => c.Scope ?? "", StringComparer.Ordinal)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .ThenBy(c => c.Kind)
            .ThenBy(c => c.Setting ?? "", StringComparer.Ordinal)
            .ToList();
    }

    private static void Grades(List<DefinitionChange> changes, List<GradeDto> old, List<GradeDto> @new, string? profile) =>
        Keyed(changes, ChangeArea.Grade, old, @new, g => g.Id, g => Title(g.Title),
            (g, h) => Settings(changes, ChangeArea.Grade, h.Id, Title(h.Title), "", Flatten(g, "title"), Flatten(h, "title"), profile),
            profile);

    /// <summary>The system's own settings: version, title, points, precision, default profile, language, aggregation.</summary>
    private static Dictionary<string, string> SystemSettings(SystemDto system)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["id"] = system.Id,
            ["version"] = system.Version,
            ["title.zh"] = system.Title.Zh,
        };
        Put(settings, "title.en", system.Title.En);
        Put(settings, "points", system.Points is { } points ? ReportText.Number(points) : null);
        Put(settings, "precision", system.Precision?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Put(settings, "defaultProfile", system.DefaultProfile);
        Put(settings, "language", system.Language);
        if (system.Aggregation is { } aggregation)
        {
            FlattenInto(settings, JsonSerializer.SerializeToElement(aggregation, DefinitionReader.ModelOptions), "aggregation");
        }

        return settings;
    }

    /// <summary>Things with ids on both sides: added, removed (each with its title), retitled, and <paramref name="both"/> for the settings of those on both.</summary>
    private static void Keyed<T>(List<DefinitionChange> changes, ChangeArea area, IEnumerable<T> old, IEnumerable<T> @new, Func<T, string> id, Func<T, LocalizedText?> title, Action<T, T> both, string? scope = null)
    {
        var before = First(old, id);
        var after = First(@new, id);
        foreach (var (key, item) in after)
        {
            if (!before.TryGetValue(key, out var previous))
            {
                changes.Add(new DefinitionChange(area, ChangeKind.Added, key, title(item)) { Scope = scope });
                continue;
            }

            Retitled(changes, area, key, title(previous), title(item), scope);
            both(previous, item);
        }

        foreach (var (key, item) in before)
        {
            if (!after.ContainsKey(key))
            {
                changes.Add(new DefinitionChange(area, ChangeKind.Removed, key, title(item)) { Scope = scope });
            }
        }
    }

    private static void Retitled(List<DefinitionChange> changes, ChangeArea area, string id, LocalizedText? old, LocalizedText? @new, string? scope = null, bool point = false)
    {
        if (old?.Zh != @new?.Zh || old?.En != @new?.En)
        {
            changes.Add(new DefinitionChange(area, ChangeKind.Retitled, id, @new, "title", TitleText(old), TitleText(@new)) { Scope = scope, IsPoint = point });
        }
    }

    /// <summary>Every node by id with its parent's id (null for a first-level indicator).</summary>
    private static Dictionary<string, (NodeDto Node, string? Parent)> Nodes(SystemDto system)
    {
        var nodes = new Dictionary<string, (NodeDto, string?)>(StringComparer.Ordinal);
        void Walk(NodeDto node, string? parent)
        {
            nodes.TryAdd(node.Id, (node, parent));
            foreach (var child in node.Children ?? [])
            {
                Walk(child, node.Id);
            }
        }

        foreach (var first in system.Indicators ?? [])
        {
            Walk(first, null);
        }

        return nodes;
    }

    private static void Indicators(List<DefinitionChange> changes, SystemDto old, SystemDto @new)
    {
        var before = Nodes(old);
        var after = Nodes(@new);
        foreach (var (id, (node, parent)) in after)
        {
            var point = IsPoint(node);
            if (!before.TryGetValue(id, out var previous))
            {
                changes.Add(new DefinitionChange(ChangeArea.Indicator, ChangeKind.Added, id, Title(node.Title), New: parent)
                {
                    IsPoint = point,
                    Points = node.Points is { } p ? ReportText.Number(p) : null,
                });
                continue;
            }

            if (previous.Parent != parent)
            {
                changes.Add(new DefinitionChange(ChangeArea.Indicator, ChangeKind.Moved, id, Title(node.Title), "parent", previous.Parent, parent) { IsPoint = point });
            }

            Retitled(changes, ChangeArea.Indicator, id, Title(previous.Node.Title), Title(node.Title), point: point);
            var oldRule = previous.Node.Rule;
            var newRule = node.Rule;
            if (oldRule is not null && newRule is not null && oldRule.Type != newRule.Type)
            {
                // Another kind of rule: its settings are another set, so the type says it all.
                changes.Add(new DefinitionChange(ChangeArea.Indicator, ChangeKind.Changed, id, Title(node.Title), "rule.type", oldRule.Type, newRule.Type) { IsPoint = point });
                oldRule = newRule = null;
            }

            Settings(changes, ChangeArea.Indicator, id, Title(node.Title), "", NodeSettings(previous.Node, oldRule), NodeSettings(node, newRule), point: point);
        }

        foreach (var (id, (node, parent)) in before)
        {
            if (!after.ContainsKey(id))
            {
                changes.Add(new DefinitionChange(ChangeArea.Indicator, ChangeKind.Removed, id, Title(node.Title), Old: parent) { IsPoint = IsPoint(node) });
            }
        }

        // Order is what a scorecard, a sheet and a report list by: siblings on both sides that changed places.
        Reordered(changes, ChangeArea.System, old.Id, null, "indicators", old.Indicators, @new.Indicators, before, after);
        foreach (var (id, (node, _)) in after)
        {
            if (before.TryGetValue(id, out var previous) && node.Children is { Count: > 1 })
            {
                Reordered(changes, ChangeArea.Indicator, id, Title(node.Title), "children", previous.Node.Children, node.Children, before, after);
            }
        }
    }

    /// <summary>A change of order among the children both versions give the same parent (ids added, removed or moved away do not count).</summary>
    private static void Reordered(
        List<DefinitionChange> changes, ChangeArea area, string id, LocalizedText? title, string setting, IEnumerable<NodeDto>? old, IEnumerable<NodeDto>? @new,
        Dictionary<string, (NodeDto Node, string? Parent)> before, Dictionary<string, (NodeDto Node, string? Parent)> after)
    {
        var parent = area == ChangeArea.System ? null : id;
        var oldOrder = (old ?? []).Select(n => n.Id).Where(c => after.TryGetValue(c, out var a) && a.Parent == parent).ToList();
        var newOrder = (@new ?? []).Select(n => n.Id).Where(c => before.TryGetValue(c, out var b) && b.Parent == parent).ToList();
        if (!oldOrder.SequenceEqual(newOrder, StringComparer.Ordinal))
        {
            changes.Add(new DefinitionChange(area, ChangeKind.Changed, id, title, setting, string.Join(", ", oldOrder), string.Join(", ", newOrder)));
        }
    }

    /// <summary>A node's own settings (not its id, title or children), with <paramref name="rule"/> under <c>rule.</c>.</summary>
    private static Dictionary<string, string> NodeSettings(NodeDto node, RuleDto? rule)
    {
        var settings = Flatten(node, "id", "title", "children", "rule");
        if (rule is not null)
        {
            FlattenInto(settings, JsonSerializer.SerializeToElement(rule, DefinitionReader.ModelOptions), "rule");
        }

        return settings;
    }

    private static bool IsPoint(NodeDto node) => node.Children is null or { Count: 0 };

    /// <summary>A change for every setting whose value differs, one side may lack it.</summary>
    private static void Settings(List<DefinitionChange> changes, ChangeArea area, string id, LocalizedText? title, string prefix, Dictionary<string, string> old, Dictionary<string, string> @new, string? scope = null, bool point = false)
    {
        foreach (var key in old.Keys.Union(@new.Keys).Order(StringComparer.Ordinal))
        {
            old.TryGetValue(key, out var before);
            @new.TryGetValue(key, out var after);
            if (before != after)
            {
                changes.Add(new DefinitionChange(area, ChangeKind.Changed, id, title, prefix + key, before, after) { Scope = scope, IsPoint = point });
            }
        }
    }

    /// <summary>An object's properties, but the <paramref name="skip"/>ped ones, as setting paths and values.</summary>
    private static Dictionary<string, string> Flatten<T>(T value, params string[] skip)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        var element = JsonSerializer.SerializeToElement(value, DefinitionReader.ModelOptions);
        foreach (var property in element.EnumerateObject())
        {
            if (!skip.Contains(property.Name, StringComparer.Ordinal))
            {
                FlattenInto(settings, property.Value, property.Name);
            }
        }

        return settings;
    }

    /// <summary>
    /// Paths to values: an object's properties as <c>path.name</c>, an array of objects by index (<c>bands[1]</c>),
    /// an array of plain values as one value (a list reads better whole), a unit as one value ("人 / persons"); numbers without trailing zeros, so that
    /// 80 and 80.0 are the same.
    /// </summary>
    private static void FlattenInto(Dictionary<string, string> settings, JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object when path == "unit" || path.EndsWith(".unit", StringComparison.Ordinal):
                settings[path] = element.TryGetProperty("en", out var en) ? $"{element.GetProperty("zh").GetString()} / {en.GetString()}" : element.GetProperty("zh").GetString()!;
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    FlattenInto(settings, property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}");
                }

                break;
            case JsonValueKind.Array when element.EnumerateArray().Any(e => e.ValueKind is JsonValueKind.Object or JsonValueKind.Array):
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    FlattenInto(settings, item, $"{path}[{index++}]");
                }

                break;
            case JsonValueKind.Array:
                settings[path] = "[" + string.Join(", ", element.EnumerateArray().Select(Scalar)) + "]";
                break;
            case JsonValueKind.Null or JsonValueKind.Undefined:
                break;
            default:
                settings[path] = Scalar(element);
                break;
        }
    }

    private static string Scalar(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number when element.TryGetDecimal(out var number) => ReportText.Number(number),
        JsonValueKind.String => element.GetString()!,
        _ => element.GetRawText(),
    };

    private static void Put(Dictionary<string, string> settings, string key, string? value)
    {
        if (value is not null)
        {
            settings[key] = value;
        }
    }

    /// <summary>By key, the first of each (a checked definition has each id once).</summary>
    private static Dictionary<string, T> First<T>(IEnumerable<T> items, Func<T, string> id)
    {
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            map.TryAdd(id(item), item);
        }

        return map;
    }

    private static LocalizedText Title(TitleDto? title) => new(title?.Zh ?? "", title?.En);

    private static string? TitleText(LocalizedText? title) => title is null ? null : title.En is null ? title.Zh : $"{title.Zh} / {title.En}";
}
