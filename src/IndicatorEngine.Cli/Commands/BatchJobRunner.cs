using System.Globalization;
using IndicatorEngine.Batch;
using IndicatorEngine.Cli.CommandLine;
using IndicatorEngine.Cli.Rendering;

namespace IndicatorEngine.Cli.Commands;

/// <summary>
/// Runs one <c>indicator batch</c>: checks the files, loads the definition, scores the input into a temporary file
/// that replaces <c>--out</c> only when every line is written (so Ctrl-C or an error leaves no half file), writes the
/// summary, prints the summary table, and says how it went in the exit status.
/// </summary>
internal static class BatchJobRunner
{
    public static async Task<int> RunAsync(BatchRequest request, TextWriter stdout, TextWriter stderr, ConsoleTarget target, ConsoleTarget errorTarget, CancellationToken cancellationToken)
    {
        var csv = (request.InputFormat ?? (request.Input.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? "csv" : "ndjson")) == "csv";
        if (!csv && request.Encoding != "utf-8")
        {
            return Fail(stderr, $"{request.Input}: error: NDJSON is always UTF-8; --encoding applies to CSV input");
        }

        if (!File.Exists(request.Input))
        {
            return Fail(stderr, Directory.Exists(request.Input) ? $"{request.Input}: error: is a folder, not a file of records" : $"{request.Input}: error: no such file");
        }

        var options = CommonOptions.WithPlugins(IndicatorEngine.LoadOptions.Default, request.Plugins, stderr, out _);
        var (system, diagnostics) = DefinitionLoader.Load(request.Definition, options);
        CommonOptions.Print(diagnostics, stderr);
        if (system is null)
        {
            return ExitCodes.InvalidInput;
        }

        if (request.Profile is { } profile && system.FindProfile(profile) is null)
        {
            return Fail(stderr, $"indicator: unknown profile '{profile}' of {system.Id}; its profiles are {string.Join(", ", system.Profiles.Select(p => p.Id))}{Suggestions.DidYouMean(profile, system.Profiles.Select(p => p.Id))}");
        }

        BatchSummary? rankAgainst = null;
        if (request.RanksFrom is { } ranksFrom)
        {
            rankAgainst = ReadSummary(ranksFrom, stderr);
            if (rankAgainst is null)
            {
                return ExitCodes.InvalidInput;
            }

            if (rankAgainst.SystemId != system.Id || rankAgainst.SystemVersion != system.Version)
            {
                return Fail(stderr, $"{ranksFrom}: error: a summary of {rankAgainst.SystemId} {rankAgainst.SystemVersion}, not of {system.Id} {system.Version}");
            }
        }

        var scopes = RankScopes.Batch | request.Rollup switch
        {
            RegionLevel.Province => RankScopes.Province,
            RegionLevel.City => RankScopes.City,
            RegionLevel.County => RankScopes.County,
            _ => RankScopes.None,
        };

        FileStream input;
        OutputFile output;
        try
        {
            input = new FileStream(request.Input, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(stderr, $"{request.Input}: error: cannot read: {e.Message}");
        }

        await using (input.ConfigureAwait(false))
        {
            try
            {
                output = OutputFile.Create(request.Output);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
            {
                return Fail(stderr, $"{request.Output}: error: cannot write: {e.Message}");
            }

            using (output)
            {
                var total = !request.Quiet && errorTarget.Ansi ? CountRecords(request.Input, csv) : null;
                var display = BatchProgressDisplay.For(stderr, errorTarget, request.Quiet, total, request.PlainProgressEvery);
                var runner = new BatchRunner(system, new BatchOptions
                {
                    MaxParallelism = request.Parallel,
                    Window = Math.Max(1024, request.Parallel),
                    Detail = request.Detail,
                    ProfileId = request.Profile,
                    Ranking = rankAgainst is null ? scopes : RankScopes.None,
                    TemporaryFolder = Path.GetDirectoryName(Path.GetFullPath(request.Output)),
                    ProgressInterval = request.ProgressInterval,
                    Progress = new Both(display, request.Observer),
                });
                var name = request.Input;
                var source = csv ? BatchSource.Csv(input, name, CommonOptions.TextEncoding(request.Encoding)) : BatchSource.Ndjson(input, name);
                BatchSummary summary;
                try
                {
                    summary = await display.RunAsync(() => Score(runner, source, output.Stream, rankAgainst, scopes, cancellationToken)).ConfigureAwait(false);
                    output.Commit();
                }
                catch (OperationCanceledException)
                {
                    stderr.WriteLine(SafeText.Line($"indicator: cancelled; {request.Output} not written"));
                    return ExitCodes.Cancelled;
                }
                catch (InvalidDataException e)
                {
                    return Fail(stderr, $"{request.Input}: error: {e.Message}");
                }
                catch (IOException e)
                {
                    return Fail(stderr, $"{request.Output}: error: cannot write: {e.Message}");
                }

                if (request.SummaryPath is { } summaryPath && !WriteSummary(summary, summaryPath, stderr))
                {
                    return ExitCodes.InvalidInput;
                }

                var english = CommonOptions.LanguageOf(request.Language, system.Language) == IndicatorEngine.Language.English;
                stdout.Write(BatchSummaryTable.Render(summary, GradeTitles(system, english), request.Rollup, english, target));
                stdout.Flush();
                if (summary.Errors > 0)
                {
                    stderr.WriteLine(SafeText.Line($"indicator: {summary.Errors.ToString("N0", CultureInfo.InvariantCulture)} of {summary.Records.ToString("N0", CultureInfo.InvariantCulture)} records are error records (\"error\" on their line in {request.Output})"));
                    return ExitCodes.InvalidInput;
                }

                return ExitCodes.Success;
            }
        }
    }

    /// <summary>A summary file written by <c>batch --summary</c> or <c>merge --out</c>, or null with the problem on stderr.</summary>
    public static BatchSummary? ReadSummary(string path, TextWriter stderr)
    {
        try
        {
            return BatchSummary.Parse(File.ReadAllText(path));
        }
        catch (FileNotFoundException)
        {
            stderr.WriteLine(SafeText.Line($"{path}: error: no such file"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            stderr.WriteLine(SafeText.Line($"{path}: error: {(e is InvalidDataException ? "" : "cannot read: ")}{e.Message} (a summary is what 'indicator batch --summary' writes)"));
        }

        return null;
    }

    /// <summary>Writes the summary's JSON, replacing the file only once it is complete; false with the problem on stderr.</summary>
    public static bool WriteSummary(BatchSummary summary, string path, TextWriter stderr)
    {
        try
        {
            using var file = OutputFile.Create(path);
            var bytes = System.Text.Encoding.UTF8.GetBytes(summary.ToJson() + "\n");
            file.Stream.Write(bytes);
            file.Commit();
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            stderr.WriteLine(SafeText.Line($"{path}: error: cannot write the summary: {e.Message}"));
            return false;
        }
    }

    /// <summary>Grade titles by id in the table's language; the id itself for a grade the system does not have.</summary>
    public static Func<string?, string> GradeTitles(IndicatorSystem? system, bool english)
    {
        var grades = system is null ? [] : system.Profiles.SelectMany(p => p.Grades).Concat(system.Grades).DistinctBy(g => g.Id).ToDictionary(g => g.Id, g => english ? g.Title.En ?? g.Title.Zh : g.Title.Zh);
        return id => id is null ? (english ? "(no grade)" : "（无等级）") : grades.GetValueOrDefault(id, id);
    }

    private static async Task<BatchSummary> Score(BatchRunner runner, BatchSource source, Stream output, BatchSummary? rankAgainst, RankScopes scopes, CancellationToken cancellationToken)
    {
        if (rankAgainst is null)
        {
            return await runner.RunAsync(source, output, cancellationToken).ConfigureAwait(false);
        }

        var folder = runner.Options.TemporaryFolder!;
        var path = Path.Combine(folder, $".indicator-batch-{Guid.NewGuid():N}.ndjson");
        await using var unranked = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var summary = await runner.RunAsync(source, unranked, cancellationToken).ConfigureAwait(false);
        unranked.Position = 0;
        await new BatchRanking(rankAgainst, scopes).AddRanksAsync(unranked, output, cancellationToken).ConfigureAwait(false);
        return summary;
    }

    /// <summary>The input's records, for the progress bar: its lines (less the header of a CSV file). A quoted line break in CSV makes it an estimate.</summary>
    private static long? CountRecords(string path, bool csv)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            var buffer = new byte[256 * 1024];
            long lines = 0;
            var last = (byte)'\n';
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                lines += buffer.AsSpan(0, read).Count((byte)'\n');
                last = buffer[read - 1];
            }

            lines += last == '\n' ? 0 : 1;
            return Math.Max(0, csv ? lines - 1 : lines);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine(SafeText.Line(message));
        return ExitCodes.InvalidInput;
    }

    /// <summary>Progress to the display and to the request's observer.</summary>
    private sealed class Both(IProgress<BatchProgress> display, IProgress<BatchProgress>? observer) : IProgress<BatchProgress>
    {
        public void Report(BatchProgress value)
        {
            display.Report(value);
            observer?.Report(value);
        }
    }
}
