using System.Diagnostics;

namespace IndicatorEngine.Testing;

/// <summary>FIFOs and devices for tests that a read stops or refuses, and a guard that turns a hang into a failure.</summary>
internal static class SpecialFiles
{
    public const string DevZero = "/dev/zero";

    public static bool HasMkfifo { get; } = !OperatingSystem.IsWindows() && (File.Exists("/usr/bin/mkfifo") || File.Exists("/bin/mkfifo"));

    /// <summary>Makes a FIFO (named pipe) at the path with mkfifo; nothing ever writes to it.</summary>
    public static string MakeFifo(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return path;
    }

    /// <summary>
    /// Runs the work on another thread and fails the test if it has not finished within 30 seconds (generous,
    /// so that a slow machine does not fail it; a hang on a FIFO would never finish).
    /// </summary>
    public static T Within30Seconds<T>(Func<T> work)
    {
        var task = Task.Run(work);
        Assert.True(task.Wait(TimeSpan.FromSeconds(30)), "still running after 30 s: reading the file hangs");
        return task.Result;
    }
}

/// <summary>A test that needs mkfifo; skipped (and said so) where there is none.</summary>
internal sealed class FifoFactAttribute : FactAttribute
{
    public FifoFactAttribute()
    {
        if (!SpecialFiles.HasMkfifo)
        {
            Skip = "needs mkfifo (Unix)";
        }
    }
}

/// <summary>A test that needs the Unix device /dev/zero; skipped where there is none.</summary>
internal sealed class DevZeroFactAttribute : FactAttribute
{
    public DevZeroFactAttribute()
    {
        if (!File.Exists(SpecialFiles.DevZero))
        {
            Skip = "needs /dev/zero (Unix)";
        }
    }
}

/// <summary>A test that needs Unix (sockets and devices in the file system); skipped on Windows.</summary>
internal sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "needs Unix";
        }
    }
}
