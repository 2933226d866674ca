using System.Diagnostics;

namespace IndicatorEngine.Testing;

/// <summary>Runs the <c>dotnet</c> CLI as a newcomer would, isolated from the build that runs the tests.</summary>
internal static class DotnetCommand
{
    /// <summary>Runs <c>dotnet</c> with <paramref name="args"/>; fails the test unless it exits 0 within 4 minutes.</summary>
    /// <returns>What it wrote on stdout.</returns>
    public static string Run(string workingDirectory, IDictionary<string, string> environment, params string[] args) =>
        RunProgram(workingDirectory, environment, null, args);

    /// <summary>Runs <paramref name="program"/> (<c>dotnet</c> when null) with <paramref name="args"/>; fails the test unless it exits 0 within 4 minutes.</summary>
    /// <returns>What it wrote on stdout.</returns>
    public static string RunProgram(string workingDirectory, IDictionary<string, string> environment, string? program, params string[] args)
    {
        var start = new ProcessStartInfo(program ?? Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The test host runs inside `dotnet test`, whose MSBuild settings must not leak into a separate build;
        // and no build server may outlive the command (it would hold the output pipes open).
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["UseSharedCompilation"] = "false";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(4)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program ?? "dotnet"} {string.Join(' ', args)} took more than 4 minutes");
        }

        Assert.True(process.ExitCode == 0, $"{program ?? "dotnet"} {string.Join(' ', args)} exited {process.ExitCode}\n{stdout.Result}\n{stderr.Result}");
        return stdout.Result;
    }
}
