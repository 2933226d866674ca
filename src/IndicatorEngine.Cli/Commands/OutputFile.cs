namespace IndicatorEngine.Cli.Commands;

/// <summary>
/// A file written in full or not at all: the bytes go to a hidden temporary file beside it, which replaces the
/// file only when <see cref="Commit"/> is called; disposed without that (an error, Ctrl-C), the temporary file is
/// deleted and an existing file of that name is left as it was. So a reader of the file never sees half a line.
/// </summary>
internal sealed class OutputFile : IDisposable
{
    private readonly string _temporary;
    private bool _committed;

    private OutputFile(string path, string temporary, FileStream stream)
    {
        Path = path;
        _temporary = temporary;
        Stream = stream;
    }

    /// <summary>The file's final path.</summary>
    public string Path { get; }

    /// <summary>Where to write.</summary>
    public FileStream Stream { get; }

    /// <summary>Starts the file; a folder that does not exist or cannot be written throws as <see cref="File.Create(string)"/> does.</summary>
    public static OutputFile Create(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(full)!;
        var temporary = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(full)}.{Guid.NewGuid():N}.partial");
        return new OutputFile(path, temporary, new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024));
    }

    /// <summary>
    /// Writes the whole file with <paramref name="write"/> and puts it in place; when it cannot be written, says so
    /// on <paramref name="stderr"/> in one line (<c>FILE: error: cannot write the WHAT: …</c>) and returns false.
    /// </summary>
    public static bool TryWrite(string path, string what, Action<Stream> write, TextWriter stderr)
    {
        try
        {
            using var file = Create(path);
            write(file.Stream);
            file.Commit();
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            stderr.WriteLine(SafeText.Line($"{path}: error: cannot write the {what}: {e.Message}"));
            return false;
        }
    }

    /// <summary>Flushes the bytes to disk and puts the file in place, replacing any file of that name.</summary>
    public void Commit()
    {
        Stream.Flush(flushToDisk: true);
        Stream.Dispose();
        File.Move(_temporary, Path, overwrite: true);
        _committed = true;
    }

    public void Dispose()
    {
        if (!_committed)
        {
            Stream.Dispose();
            File.Delete(_temporary);
        }
    }
}
