namespace IndicatorEngine.Plugins.Tests;

/// <summary>A test that needs mkfifo; skipped (and said so) where there is none.</summary>
internal sealed class FifoFactAttribute : FactAttribute
{
    public FifoFactAttribute()
    {
        if (OperatingSystem.IsWindows() || !(File.Exists("/usr/bin/mkfifo") || File.Exists("/bin/mkfifo")))
        {
            Skip = "needs mkfifo (Unix)";
        }
    }
}
