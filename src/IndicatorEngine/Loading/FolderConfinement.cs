namespace IndicatorEngine.Loading;

/// <summary>
/// Keeps an overlay's <c>extends</c> inside the folders it may read: paths are compared after every symbolic
/// link and <c>..</c> in them is resolved, as the system would resolve them when opening the file.
/// </summary>
internal static class FolderConfinement
{
    private const int MaxLinks = 40;

    private static readonly StringComparison PathComparison = OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

    /// <summary>True when <paramref name="path"/>, resolved, lies inside one of the folders (or below it), resolved.</summary>
    public static bool IsInsideAny(string path, IEnumerable<string> folders)
    {
        var real = Resolve(Path.GetFullPath(path));
        return real is not null && folders.Select(f => Resolve(Path.GetFullPath(f))).Any(folder => folder is not null && IsInside(real, folder));
    }

    /// <summary>
    /// The path with every symbolic link along it followed (as <c>realpath</c> does, but for a path that need not
    /// exist: the missing tail is kept as written); null when links loop or nest too deeply to follow.
    /// </summary>
    public static string? Resolve(string fullPath)
    {
        var root = Path.GetPathRoot(fullPath) ?? "";
        var pending = new Stack<string>();
        Push(pending, fullPath[root.Length..]);
        var current = root;
        var links = 0;
        while (pending.TryPop(out var part))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Join(current, part);
            var target = LinkTarget(next);
            if (target is null)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                return null;
            }

            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target) ?? current;
                target = target[current.Length..];
            }

            Push(pending, target);
        }

        return current;
    }

    private static bool IsInside(string path, string folder)
    {
        var prefix = Path.EndsInDirectorySeparator(folder) ? folder : folder + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, PathComparison);
    }

    private static void Push(Stack<string> pending, string relative)
    {
        var parts = relative.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            pending.Push(parts[i]);
        }
    }

    private static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
