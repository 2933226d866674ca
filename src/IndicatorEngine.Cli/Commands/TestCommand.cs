using System.CommandLine;
using System.Globalization;
using System.Xml;
using IndicatorEngine.Cli.Authoring;
using IndicatorEngine.Cli.Rendering;

namespace IndicatorEngine.Cli.Commands;

/// <summary>
/// <c>indicator test DEFINITION TESTS_DIR</c>: runs an author's test cases (one JSON file each, see
/// <c>indicators/schema/test-case.schema.json</c>) against a definition, reported like a test runner.
/// </summary>
internal sealed class TestCommand
{
    public const string Summary = "Run the test cases of a folder against an indicator system.";

    private readonly Argument<string> _definition = CommonOptions.Definition();

    private readonly Argument<string> _tests = new("TESTS_DIR")
    {
        HelpName = "TESTS_DIR",
        Description = "A folder of test cases: every *.json file directly in it is one case.",
    };

    private readonly Option<string?> _junit = new("--junit")
    {
        Description = "Also write the results as JUnit XML to FILE, for a CI system.",
        HelpName = "FILE",
    };

    private readonly Option<long?> _maxFileSize = CommonOptions.MaxFileSize();
    private readonly Option<string?> _plugins = CommonOptions.Plugins();

    public TestCommand()
    {
        Command = new Command("test", Summary) { _definition, _tests, _junit, _maxFileSize, _plugins };
        Command.SetAction(Run);
    }

    public Command Command { get; }

    private int Run(ParseResult parse)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;
        var options = CommonOptions.WithPlugins(CommonOptions.LoadOptions(parse.GetValue(_maxFileSize)), parse.GetValue(_plugins), stderr, out var pluginError);
        var (system, diagnostics) = DefinitionLoader.Load(parse.GetRequiredValue(_definition), options, "; test takes DEFINITION first, then TESTS_DIR");
        CommonOptions.Print(diagnostics, stderr);
        if (system is null || pluginError)
        {
            return ExitCodes.InvalidInput;
        }

        var folder = parse.GetRequiredValue(_tests);
        if (!Directory.Exists(folder))
        {
            stderr.WriteLine(SafeText.Line($"{folder}: error: no such folder of test cases"));
            return ExitCodes.InvalidInput;
        }

        var files = TestRun.CaseFiles(folder);
        if (files.Count == 0)
        {
            // A CI job whose cases were moved away must not pass by running none.
            stderr.WriteLine(SafeText.Line($"{folder}: error: no test cases (*.json) in this folder"));
            return ExitCodes.InvalidInput;
        }

        var outcomes = files.Select(file => TestRun.Run(system, file, options)).ToList();
        foreach (var outcome in outcomes)
        {
            Report(outcome, stdout, stderr);
        }

        var passed = outcomes.Count(o => o.Passed);
        var unusable = outcomes.Count(o => o.Unusable);
        var summary = string.Create(CultureInfo.InvariantCulture, $"{passed} passed, {outcomes.Count - passed} failed");
        stdout.WriteLine(unusable > 0 ? string.Create(CultureInfo.InvariantCulture, $"{summary} ({unusable} could not be run)") : summary);
        stdout.Flush();

        if (parse.GetValue(_junit) is { } junit && !WriteJUnit(junit, system.Id, outcomes, stderr))
        {
            return ExitCodes.InvalidInput;
        }

        return unusable > 0 ? ExitCodes.InvalidInput
            : passed < outcomes.Count ? ExitCodes.TestsFailed
            : ExitCodes.Success;
    }

    /// <summary>PASS or FAIL with the differences, one a line, on stdout; for a case that could not be run, ERROR there and its problems on stderr.</summary>
    private static void Report(TestOutcome outcome, TextWriter stdout, TextWriter stderr)
    {
        var file = Path.GetFileName(outcome.File);
        if (outcome.Unusable)
        {
            stdout.WriteLine(SafeText.Line($"ERROR {file}: the case could not be run: {outcome.Problems[0].Message}"));
            CommonOptions.Print(outcome.Problems, stderr);
            return;
        }

        stdout.WriteLine(SafeText.Line($"{(outcome.Passed ? "PASS " : "FAIL ")} {file}: {outcome.Name}"));
        foreach (var difference in outcome.Differences)
        {
            stdout.WriteLine("        " + SafeText.Line(difference.ToString()));
        }
    }

    private static bool WriteJUnit(string path, string systemId, IReadOnlyList<TestOutcome> outcomes, TextWriter stderr)
    {
        try
        {
            JUnitReport.Write(path, systemId, outcomes);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException or XmlException)
        {
            stderr.WriteLine(SafeText.Line($"{path}: error: cannot write the JUnit report: {e.Message}"));
            return false;
        }
    }
}
