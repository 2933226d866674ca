using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using IndicatorEngine.Batch;

namespace IndicatorEngine.Benchmarks;

/// <summary>
/// A whole batch end to end: 100,000 generated Henan schools (<see cref="HenanSubjects"/>) read from a file,
/// scored on every core, and written to a file as NDJSON at the default detail (every indicator's score and status),
/// from NDJSON and from CSV. Each benchmark scores the whole file once per invocation; Mean is per school
/// (OperationsPerInvoke), so 1 s ÷ Mean is schools a second. The smoke run sets <c>BATCH_BENCH_COUNT</c> to a
/// small count (the per-school figure is then meaningless).
/// </summary>
[MemoryDiagnoser]
public class BatchBenchmarks
{
    public const int Schools = 100_000;

    private IndicatorSystem _system = null!;
    private string _folder = null!;
    private string _ndjson = null!;
    private string _csv = null!;
    private string _output = null!;

    public static int Count => int.TryParse(Environment.GetEnvironmentVariable("BATCH_BENCH_COUNT"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : Schools;

    [GlobalSetup]
    public void Setup()
    {
        _system = IndicatorSystem.LoadShipped("henan-higher-vocational");
        _folder = Path.Combine(Path.GetTempPath(), "indicator-batch-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _ndjson = Path.Combine(_folder, "schools.ndjson");
        _csv = Path.Combine(_folder, "schools.csv");
        _output = Path.Combine(_folder, "results.ndjson");
        using (var file = File.Create(_ndjson))
        {
            HenanSubjects.WriteNdjson(file, Count, seed: 1);
        }

        using (var file = new StreamWriter(_csv))
        {
            EvidenceCsv.Write(file, _system, HenanSubjects.Enumerate(Count, seed: 1, indented: false));
        }
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Baseline = true, OperationsPerInvoke = Schools, Description = "NDJSON file → NDJSON file, per school")]
    public async Task<long> NdjsonToNdjson()
    {
        await using var input = new FileStream(_ndjson, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan | FileOptions.Asynchronous);
        await using var output = new FileStream(_output, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
        var summary = await new BatchRunner(_system).RunAsync(BatchSource.Ndjson(input, "schools.ndjson"), output);
        return summary.Scored;
    }

    [Benchmark(OperationsPerInvoke = Schools, Description = "CSV file → NDJSON file, per school")]
    public async Task<long> CsvToNdjson()
    {
        await using var input = new FileStream(_csv, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan | FileOptions.Asynchronous);
        await using var output = new FileStream(_output, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
        var summary = await new BatchRunner(_system).RunAsync(BatchSource.Csv(input, "schools.csv"), output);
        return summary.Scored;
    }

    /// <summary>
    /// <c>--batch-memory N [--from-file]</c>: scores N generated schools to a discarded output and prints the time, the
    /// CPU time of the batch, schools a second and the process's peak working set. The schools are made as they are
    /// read (no input file, the generation's CPU counted in), or with <c>--from-file</c> written to a temporary NDJSON
    /// file first and read from it (only the batch counted). Run once per count, each in a fresh process, to compare
    /// peaks (e.g. 10,000 against 1,000,000).
    /// </summary>
    public static int Memory(int count, bool fromFile, TextWriter console)
    {
        var system = IndicatorSystem.LoadShipped("henan-higher-vocational");
        string? path = null;
        if (fromFile)
        {
            path = Path.Combine(Path.GetTempPath(), $"indicator-batch-memory-{Guid.NewGuid():N}.ndjson");
            using var file = File.Create(path);
            HenanSubjects.WriteNdjson(file, count, seed: 1);
        }

        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        BatchSummary summary;
        using (var input = path is null ? (Stream)new GeneratedNdjsonStream(count, seed: 1) : File.OpenRead(path))
        {
            summary = new BatchRunner(system).RunAsync(BatchSource.Ndjson(input, "schools.ndjson"), Stream.Null).GetAwaiter().GetResult();
        }

        clock.Stop();
        process.Refresh();
        var used = process.TotalProcessorTime - cpu;
        if (path is not null)
        {
            File.Delete(path);
        }

        var held = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(summary);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{count} schools ({summary.Scored} scored, {summary.Errors} errors) in {clock.Elapsed.TotalSeconds:F1} s: {count / clock.Elapsed.TotalSeconds:F0} schools/s; {used.TotalSeconds:F1} s of CPU, {count / used.TotalSeconds:F0} schools per CPU-second ({(fromFile ? "read from a file" : "generation included")}); peak working set {process.PeakWorkingSet64 / (1024.0 * 1024):F0} MiB; live heap after the batch, its summary held: {held / (1024.0 * 1024):F0} MiB"));
        return 0;
    }
}
