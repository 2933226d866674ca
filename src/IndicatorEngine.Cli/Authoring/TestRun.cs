namespace IndicatorEngine.Cli.Authoring;

/// <summary>How one test case came out: passed, failed with its differences, or unusable with its problems.</summary>
/// <param name="File">The case file.</param>
/// <param name="Name">The case's name; the file's name when the case could not be read.</param>
/// <param name="Differences">What the scorecard said otherwise than expected.</param>
/// <param name="Problems">Why the case could not be run (a malformed file, evidence that cannot be used, an unknown id).</param>
internal sealed record TestOutcome(string File, string Name, IReadOnlyList<Difference> Differences, IReadOnlyList<Diagnostic> Problems)
{
    public bool Passed => Differences.Count == 0 && Problems.Count == 0;

    public bool Unusable => Problems.Count > 0;
}

/// <summary>Runs the test cases of a folder against one system, each on its own: one bad case fails alone.</summary>
internal static class TestRun
{
    /// <summary>The case files of a folder: every <c>*.json</c> directly in it (evidence files they name may sit in a subfolder), in ordinal order.</summary>
    public static IReadOnlyList<string> CaseFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.json", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal).ToList();

    public static TestOutcome Run(IndicatorSystem system, string file, LoadOptions options)
    {
        var (testCase, problems) = TestCaseReader.Read(file, options);
        if (testCase is null)
        {
            return new TestOutcome(file, Path.GetFileName(file), [], problems);
        }

        Scorecard card;
        try
        {
            card = system.Score(testCase.Evidence, testCase.Profile);
        }
        catch (ScoringException e)
        {
            var pointer = testCase.Profile is null ? "/evidence" : "/profile";
            var (line, column) = testCase.Locate(pointer);
            return new TestOutcome(file, testCase.Name, [], [e.Diagnostic with { File = file, Pointer = pointer, Line = line, Column = column }]);
        }

        var unknown = TestCaseCheck.UnknownNames(testCase, system, card);
        return unknown.Count > 0
            ? new TestOutcome(file, testCase.Name, [], unknown)
            : new TestOutcome(file, testCase.Name, TestCaseCheck.Differences(testCase.Expect, card), []);
    }
}
