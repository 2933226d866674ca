using System.Text.Json;

namespace IndicatorEngine.Loading;

/// <summary>
/// Reads a definition and, for an overlay, the chain of files it extends, into one merged model with a
/// source map. Syntax (IE003), schema (IE004) and overlay (IE105, IE106, IE109, IE113) problems are reported here;
/// meaning is checked afterwards by <see cref="DefinitionChecker"/>.
/// </summary>
internal sealed class DefinitionReader
{
    internal static readonly JsonSerializerOptions ModelOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,

        // The text was already held to LoadOptions.MaxDepth; the model must take any depth a host may allow.
        MaxDepth = LoadOptions.MaxDepthLimit + 1,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly LoadOptions _options;
    private readonly Func<string, string?, List<Diagnostic>, BaseFile?> _resolve;

    /// <param name="options">Limits.</param>
    /// <param name="resolve">Reads the file an <c>extends</c> names, relative to the extending file's name; null when it does not exist.</param>
    public DefinitionReader(LoadOptions options, Func<string, string?, List<Diagnostic>, BaseFile?> resolve)
    {
        _options = options;
        _resolve = resolve;
    }

    public LoadOptions Options => _options;

    /// <summary>
    /// Reads from files on disk; <c>extends</c> is relative to the extending file's folder, and must stay inside it
    /// (subfolders included) or inside one of <see cref="LoadOptions.AllowedRoots"/>, after symbolic links and
    /// <c>..</c> are resolved. A base outside them is refused unread.
    /// </summary>
    public static DefinitionReader ForFiles(LoadOptions options) => new(options, (reference, from, diagnostics) =>
    {
        if (reference.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }

        var folder = from is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(from)) ?? "";
        var path = Path.GetFullPath(Path.Combine(folder, reference));
        if (!FolderConfinement.IsInsideAny(path, [folder, .. options.AllowedRoots]))
        {
            var allowed = options.AllowedRoots.Count == 0 ? "" : $" or in the allowed roots ({string.Join(", ", options.AllowedRoots)})";
            return new BaseFile(path, null,
                $"the base '{reference}' is outside the folders this definition may extend from, so it is not read: it must be in {folder} (subfolders included){allowed}; put the base beside the overlay, or have the host allow its folder (LoadOptions.AllowedRoots)");
        }

        if (FileProbe.KindOf(path) is FileKind.Missing or FileKind.Directory)
        {
            return null;
        }

        return new BaseFile(path, JsonSource.ReadFile(path, options.MaxFileBytes, diagnostics));
    });

    public SystemDto? Read(string name, string text, SourceMap map, List<Diagnostic> diagnostics) =>
        Read(name, text, map, diagnostics, new List<string>());

    private SystemDto? Read(string name, string text, SourceMap map, List<Diagnostic> diagnostics, List<string> chain)
    {
        var source = JsonSource.Parse(text, name, diagnostics, maxDepth: _options.MaxDepth);
        if (source is null || !SchemaValidator.Definition.Validate(source, diagnostics))
        {
            return null;
        }

        SystemDto? system;
        try
        {
            system = JsonSerializer.Deserialize<SystemDto>(text, ModelOptions);
        }
        catch (JsonException e)
        {
            var pointer = JsonSource.PointerOf(e.Path?.TrimStart('$'));
            diagnostics.Add(source.At(pointer, DiagnosticCodes.SchemaViolation, DiagnosticSeverity.Error,
                $"value cannot be read: {e.Message.Split(" Path:")[0]}"));
            return null;
        }

        if (system is null)
        {
            diagnostics.Add(source.At("", DiagnosticCodes.SchemaViolation, DiagnosticSeverity.Error, "the file holds null, not an indicator system"));
            return null;
        }

        map.RegisterFile(system, source);
        if (system.Extends is not { } reference)
        {
            return system;
        }

        chain.Add(NameKey(name));
        var resolved = _resolve(reference, name, diagnostics);
        if (resolved is null)
        {
            diagnostics.Add(source.At("/extends", DiagnosticCodes.OverlayMissing, DiagnosticSeverity.Error,
                $"the system this overlay extends, '{reference}', was not found; the path is relative to this file"));
            return null;
        }

        if (resolved.Refusal is { } refusal)
        {
            diagnostics.Add(source.At("/extends", DiagnosticCodes.OverlayOutsideAllowedFolders, DiagnosticSeverity.Error, refusal));
            return null;
        }

        var (baseName, baseText, _) = resolved;
        if (baseText is null)
        {
            return null;
        }

        if (chain.Contains(NameKey(baseName)))
        {
            diagnostics.Add(source.At("/extends", DiagnosticCodes.OverlayCycle, DiagnosticSeverity.Error,
                $"overlays extend each other in a cycle: {string.Join(" → ", chain.Select(Path.GetFileName))} → {Path.GetFileName(baseName)}; remove one 'extends'"));
            return null;
        }

        var baseSystem = Read(baseName, baseText, map, diagnostics, chain);
        if (baseSystem is null)
        {
            return null;
        }

        return OverlayMerger.Merge(baseSystem, system, map, diagnostics);
    }

    /// <summary>The base an <c>extends</c> names: its name and text (null when reading it failed and was reported), or why it was refused unread.</summary>
    internal sealed record BaseFile(string Name, string? Text, string? Refusal = null);

    private static string NameKey(string name) => name.Contains('/') || name.Contains('\\') ? Path.GetFullPath(name) : name;
}
