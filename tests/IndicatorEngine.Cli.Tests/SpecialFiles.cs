using System.Diagnostics;

namespace IndicatorEngine.Cli.Tests;

/// <summary>FIFOs and devices for tests that the command refuses them, and a guard that turns a hang into a failure.</summary>
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

    /// <summary>Runs the command in-process on another thread; fails if it has not finished within a generous 30 seconds.</summary>
    public static CliResult RunWithin30Seconds(params string[] args)
    {
        var task = Task.Run(() => Cli.Run(args));
        Assert.True(task.Wait(TimeSpan.FromSeconds(30)), $"indicator {string.Join(' ', args)} still running after 30 s: it hangs");
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
