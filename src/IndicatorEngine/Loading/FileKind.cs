namespace IndicatorEngine.Loading;

/// <summary>What a path names, as far as reading it goes; see <see cref="FileProbe"/>.</summary>
internal enum FileKind
{
    /// <summary>Nothing is there (or a folder on the way is missing).</summary>
    Missing,

    /// <summary>A regular file: the only kind that is read.</summary>
    Regular,

    /// <summary>A folder.</summary>
    Directory,

    /// <summary>A character device such as <c>/dev/zero</c> or a terminal.</summary>
    CharacterDevice,

    /// <summary>A block device such as a disk.</summary>
    BlockDevice,

    /// <summary>A FIFO (named pipe): opening it for reading waits for a writer.</summary>
    Fifo,

    /// <summary>A Unix domain socket.</summary>
    Socket,

    /// <summary>Some other kind of file system entry.</summary>
    Other,

    /// <summary>The kind could not be found out (no native call available, or it failed for another reason than absence).</summary>
    Unknown,
}
