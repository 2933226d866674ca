using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace IndicatorEngine.Benchmarks;

/// <summary>
/// Runs the benchmarks. <c>--smoke</c> runs each once in-process (seconds: checks they work, measures
/// nothing); <c>--batch-memory N [--from-file]</c> scores N generated schools and prints the CPU time and peak working set (see
/// <see cref="BatchBenchmarks.Memory"/>); <c>--check-floor</c> compares the hand-written floor with the engine (see <see cref="FloorCheck"/>);
/// any other arguments go to BenchmarkDotNet (e.g. <c>--filter '*' --job short</c>).
/// </summary>
public static class Program
{
    /// <summary>True in a <c>--smoke</c> run: benchmarks with large inputs use small ones (see <see cref="LargeInputBenchmarks"/>).</summary>
    public static bool IsSmoke { get; private set; }

    public static int Main(string[] args)
    {
        if (args.Contains("--check-floor"))
        {
            return FloorCheck.Run(Console.Out);
        }

        if (Array.IndexOf(args, "--batch-memory") is var at and >= 0)
        {
            return BatchBenchmarks.Memory(int.Parse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture), args.Contains("--from-file"), Console.Out);
        }

        if (args.Contains("--smoke"))
        {
            // Batches of a thousand schools, not a hundred thousand: the smoke run checks that they run.
            Environment.SetEnvironmentVariable("BATCH_BENCH_COUNT", "1000");
            IsSmoke = true;
            var config = ManualConfig.CreateMinimumViable()
                .AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance))
                .WithOptions(ConfigOptions.DisableLogFile);
            var summaries = BenchmarkRunner.Run(typeof(Program).Assembly, config);
            return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
