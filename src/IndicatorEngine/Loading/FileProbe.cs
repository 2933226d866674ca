using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace IndicatorEngine.Loading;

/// <summary>
/// Finds out what a path names without opening it, and opens regular files only, so that a device
/// (<c>/dev/zero</c>), a FIFO or a socket is refused instead of read without end or waited on.
/// </summary>
/// <remarks>
/// .NET reports neither the type of a Unix file (<see cref="FileSystemInfo.Attributes"/> says Normal for a FIFO
/// and a device, <see cref="File.GetUnixFileMode(string)"/> holds permissions only) nor a way to open without
/// blocking, so this asks the system. On Linux: <c>statx</c>, whose result has the same layout on every
/// architecture, and <c>open</c> with <c>O_NONBLOCK</c>, so that a FIFO swapped in after the check still
/// cannot block; the type of the opened file is checked again before anything is read. Elsewhere on Unix, and
/// where <c>statx</c> is missing or refused: the .NET runtime's own native shim (<c>SystemNative_Stat</c>,
/// whose result begins with flags and then the mode). On Windows: the file attributes.
/// </remarks>
internal static class FileProbe
{
    // The file type bits of st_mode: the same values on Linux, macOS and the BSDs.
    private const int TypeMask = 0xF000;
    private const int TypeFifo = 0x1000;
    private const int TypeCharacterDevice = 0x2000;
    private const int TypeDirectory = 0x4000;
    private const int TypeBlockDevice = 0x6000;
    private const int TypeRegular = 0x8000;
    private const int TypeSocket = 0xC000;

    // Linux: the same values on x64, arm64, arm, s390x, ppc64le, riscv64 and loongarch64.
    private const int AtCurrentFolder = -100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxType = 0x1;
    private const int StatxModeOffset = 28;
    private const int OpenReadOnlyNonBlocking = 0x800 /* O_NONBLOCK */ | 0x100 /* O_NOCTTY */ | 0x80000 /* O_CLOEXEC */;
    private const int ErrorNoEntry = 2;
    private const int ErrorNotFolder = 20;
    private const int ErrorNoSystemCall = 38;
    private const int ErrorNotPermitted = 1;
    private const int ErrorAccessDenied = 13;

    // The runtime shim's FileStatus starts with int32 Flags, then int32 Mode.
    private const int ShimModeOffset = 4;

    private const int BufferSize = 256;

    private static volatile bool _statxMissing;

    /// <summary>The kind of file the path names, following symbolic links.</summary>
    public static FileKind KindOf(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return WindowsKindOf(path);
        }

        var buffer = new byte[BufferSize];
        if (OperatingSystem.IsLinux() && !_statxMissing)
        {
            var (ok, error) = Statx(AtCurrentFolder, path, 0, buffer);
            if (ok)
            {
                return KindOfMode(BitConverter.ToUInt16(buffer, StatxModeOffset));
            }

            if (error is ErrorNoEntry or ErrorNotFolder)
            {
                return FileKind.Missing;
            }

            if (error is not (ErrorNoSystemCall or ErrorNotPermitted))
            {
                return FileKind.Unknown;
            }

            _statxMissing = true;
        }

        try
        {
            if (ShimStat(path, buffer) == 0)
            {
                return KindOfMode(BitConverter.ToInt32(buffer, ShimModeOffset));
            }

            // The shim reports errno translated to its own codes; whether the path exists is what matters.
            return File.Exists(path) || Directory.Exists(path) ? FileKind.Unknown : FileKind.Missing;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return File.Exists(path) ? FileKind.Unknown : Directory.Exists(path) ? FileKind.Directory : FileKind.Missing;
        }
    }

    /// <summary>
    /// Opens a file for reading when it is a regular file; otherwise returns null with the kind found. On Linux
    /// the open itself cannot block (O_NONBLOCK), and the kind is checked on the opened file.
    /// </summary>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    /// <exception cref="UnauthorizedAccessException">Permission denied.</exception>
    /// <exception cref="ArgumentException">The path holds a NUL character (the system would read only the part before it).</exception>
    public static SafeFileHandle? OpenRegular(string path, out FileKind kind)
    {
        if (path.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("the path holds a NUL character", nameof(path));
        }

        kind = KindOf(path);
        if (kind is not (FileKind.Regular or FileKind.Unknown))
        {
            return null;
        }

        var handle = OperatingSystem.IsLinux() ? OpenNonBlocking(path) : File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var opened = KindOf(handle);
        if (opened is FileKind.Regular or FileKind.Unknown)
        {
            kind = FileKind.Regular;
            return handle;
        }

        handle.Dispose();
        kind = opened;
        return null;
    }

    /// <summary>What to call a kind in a message.</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Fifo => "a FIFO (named pipe)",
        FileKind.Socket => "a socket",
        FileKind.Directory => "a folder",
        _ => "a special file",
    };

    private static FileKind KindOf(SafeFileHandle handle)
    {
        if (OperatingSystem.IsWindows())
        {
            return FileKind.Unknown;
        }

        var buffer = new byte[BufferSize];
        if (OperatingSystem.IsLinux() && !_statxMissing)
        {
            var added = false;
            handle.DangerousAddRef(ref added);
            try
            {
                var (ok, _) = Statx((int)handle.DangerousGetHandle(), "", AtEmptyPath, buffer);
                if (ok)
                {
                    return KindOfMode(BitConverter.ToUInt16(buffer, StatxModeOffset));
                }
            }
            finally
            {
                if (added)
                {
                    handle.DangerousRelease();
                }
            }
        }

        try
        {
            return ShimFStat(handle, buffer) == 0 ? KindOfMode(BitConverter.ToInt32(buffer, ShimModeOffset)) : FileKind.Unknown;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return FileKind.Unknown;
        }
    }

    private static SafeFileHandle OpenNonBlocking(string path)
    {
        int fd;
        try
        {
            fd = Native.Open(path, OpenReadOnlyNonBlocking);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }

        if (fd < 0)
        {
            var error = Marshal.GetLastPInvokeError();
            var message = Marshal.GetPInvokeErrorMessage(error);
            throw error is ErrorAccessDenied or ErrorNotPermitted ? new UnauthorizedAccessException(message) : new IOException(message);
        }

        return new SafeFileHandle(fd, ownsHandle: true);
    }

    private static (bool Ok, int Error) Statx(int folder, string path, int flags, byte[] buffer)
    {
        try
        {
            if (Native.Statx(folder, path, flags, StatxType, buffer) == 0 && (BitConverter.ToUInt32(buffer, 0) & StatxType) != 0)
            {
                return (true, 0);
            }

            return (false, Marshal.GetLastPInvokeError());
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return (false, ErrorNoSystemCall);
        }
    }

    private static int ShimStat(string path, byte[] buffer) => Native.ShimStat(path, buffer);

    private static int ShimFStat(SafeFileHandle handle, byte[] buffer) => Native.ShimFStat(handle, buffer);

    private static FileKind KindOfMode(int mode) => (mode & TypeMask) switch
    {
        TypeRegular => FileKind.Regular,
        TypeDirectory => FileKind.Directory,
        TypeCharacterDevice => FileKind.CharacterDevice,
        TypeBlockDevice => FileKind.BlockDevice,
        TypeFifo => FileKind.Fifo,
        TypeSocket => FileKind.Socket,
        _ => FileKind.Other,
    };

    private static FileKind WindowsKindOf(string path)
    {
        if (Directory.Exists(path))
        {
            return FileKind.Directory;
        }

        if (!File.Exists(path))
        {
            return FileKind.Missing;
        }

        return (File.GetAttributes(path) & FileAttributes.Device) != 0 ? FileKind.Other : FileKind.Regular;
    }

    private static class Native
    {
        [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
        public static extern int Statx(int folder, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);

        [DllImport("libc", EntryPoint = "open", SetLastError = true)]
        public static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
        public static extern int ShimStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buffer);

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_FStat", SetLastError = true)]
        public static extern int ShimFStat(SafeFileHandle handle, byte[] buffer);
    }
}
