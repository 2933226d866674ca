using System.Text.Json;
using System.Xml.Linq;
using NJsonSchema;

namespace IndicatorEngine.Cli.Tests.Commands;

/// <summary><c>indicator test</c>: the shipped systems' own cases pass through the command line, and the runner reports what it should.</summary>
public class TestCommandTests
{
    private const string System = "henan-higher-vocational";

    private static readonly Lazy<JsonSchema> CaseSchema = new(() =>
        JsonSchema.FromFileAsync(Path.Combine(RepoPaths.Indicators, "schema", "test-case.schema.json")).GetAwaiter().GetResult());

    public static TheoryData<string> ShippedSystems() => new(IndicatorSystem.ShippedIds);

    [Theory]
    [MemberData(nameof(ShippedSystems))]
    public void ShippedSystem_PassesItsOwnCases(string system)
    {
        var folder = Path.Combine(RepoPaths.Indicators, "tests", system);

        var result = Cli.Run("test", system, folder);

        Assert.True(result.ExitCode == 0, result.ToString());
        var cases = Directory.GetFiles(folder, "*.json").Length;
        Assert.True(cases >= 9, $"{system} has only {cases} cases");
        Assert.Equal($"{cases} passed, 0 failed", result.StdoutLines[^1]);
        Assert.Equal(cases, result.StdoutLines.Count(l => l.StartsWith("PASS ", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(ShippedSystems))]
    public void ShippedCases_MatchTheTestCaseSchema(string system)
    {
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Indicators, "tests", system), "*.json"))
        {
            var errors = CaseSchema.Value.Validate(File.ReadAllText(file));
            Assert.True(errors.Count == 0, file + ": " + string.Join("; ", errors.Select(e => $"{e.Path}: {e.Kind}")));
        }
    }

    [Fact]
    public void FailingCase_ShowsEachDifference_AndExitsThree()
    {
        using var folder = Cli.TempFolder();
        folder.Write("wrong.json", Case("wrong numbers", """
            "total": 536.3, "verdict": "failed", "grade": "good", "vetoes": ["major-security-incident"],
            "scores": { "infrastructure.network.communication.exit-bandwidth": 2.5, "infrastructure": 68.38 },
            "statuses": { "infrastructure.cloud.cloud-deployment": "scored" }
            """));
        folder.Write("right.json", Case("right numbers", """ "total": 536.29, "verdict": "passed" """));

        var result = Cli.Run("test", System, folder.Path);

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Equal(
            [
                "PASS  right.json: right numbers",
                "FAIL  wrong.json: wrong numbers",
                "        total: expected 536.3, actual 536.29",
                "        verdict: expected failed, actual passed",
                "        vetoes: expected [major-security-incident], actual []",
                "        scores[infrastructure.network.communication.exit-bandwidth]: expected 2.5, actual 2.54",
                "        statuses[infrastructure.cloud.cloud-deployment]: expected scored, actual partial",
                "1 passed, 1 failed",
            ],
            result.StdoutLines);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void MalformedCase_FailsAlone_NamingItsFileAndPointer()
    {
        using var folder = Cli.TempFolder();
        folder.Write("a-good.json", Case("good", """ "total": 536.29 """));
        var wrongType = folder.Write("b-wrong-type.json", Case("wrong type", """
            "total": "536.29"
            """));
        var broken = folder.Write("c-broken.json", "{ \"name\": \"broken\",\n  \"expect\": { ");
        var unknownId = folder.Write("d-unknown-id.json", Case("unknown id", """ "scores": { "infrastructure.nope": 1 } """));

        var result = Cli.Run("test", System, folder.Path);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.False(result.HasStackTrace, result.ToString());
        Assert.Equal("PASS  a-good.json: good", result.StdoutLines[0]);
        Assert.StartsWith("ERROR b-wrong-type.json: ", result.StdoutLines[1], StringComparison.Ordinal);
        Assert.Equal("1 passed, 3 failed (3 could not be run)", result.StdoutLines[^1]);
        Assert.Contains($"{wrongType}:4:24: error IE004: total must be a number (at /expect/total)", result.StderrLines);
        Assert.Contains(result.StderrLines, l => l.StartsWith($"{broken}:2:", StringComparison.Ordinal) && l.Contains("error IE003", StringComparison.Ordinal));
        Assert.Contains(result.StderrLines, l => l.StartsWith(unknownId + ":", StringComparison.Ordinal)
            && l.EndsWith("no indicator of henan-higher-vocational has the id 'infrastructure.nope' (at /expect/scores/infrastructure.nope)", StringComparison.Ordinal));
    }

    [Fact]
    public void MistypedExpectation_IsAnError_WithASuggestion()
    {
        using var folder = Cli.TempFolder();
        var file = folder.Write("typo.json", Case("typo", """ "totl": 536.29 """));

        var result = Cli.Run("test", System, folder.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(result.StderrLines, l => l.StartsWith(file, StringComparison.Ordinal)
            && l.EndsWith("unknown property 'totl'; did you mean total? (at /expect/totl)", StringComparison.Ordinal));
    }

    [Fact]
    public void InlineEvidence_WithAnUnknownProfile_PointsAtTheProfile()
    {
        using var folder = Cli.TempFolder();
        var file = folder.Write("profile.json", """
            { "name": "profile", "profile": "kindergarten",
              "evidence": { "id": "x", "values": { "ipv6Applications": 1 } },
              "expect": { "scores": { "infrastructure.network.communication.ipv6": 2 } } }
            """);

        var result = Cli.Run("test", System, folder.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(result.StderrLines, l => l.StartsWith(file + ":1:", StringComparison.Ordinal) && l.EndsWith("(at /profile)", StringComparison.Ordinal));
    }

    [Fact]
    public void JUnit_IsWellFormed_AndCountsEachOutcome()
    {
        using var folder = Cli.TempFolder();
        folder.Write("a.json", Case("passes", """ "total": 536.29 """));
        folder.Write("b.json", Case("fails", """ "total": 1 """));
        folder.Write("c.json", "not json");

        var result = Cli.Run("test", System, folder.Path, "--junit", Path.Combine(folder.Path, "junit.xml"));

        Assert.Equal(2, result.ExitCode);
        var document = XDocument.Load(Path.Combine(folder.Path, "junit.xml"));
        var suite = Assert.Single(document.Root!.Elements("testsuite"));
        Assert.Equal(("3", "1", "1"), ((string)suite.Attribute("tests")!, (string)suite.Attribute("failures")!, (string)suite.Attribute("errors")!));
        Assert.Equal(System, (string)suite.Attribute("name")!);
        var cases = suite.Elements("testcase").ToList();
        Assert.Equal(["passes", "fails", "c.json"], cases.Select(c => (string)c.Attribute("name")!));
        Assert.Empty(cases[0].Elements());
        Assert.Equal("total: expected 1, actual 536.29", (string)cases[1].Element("failure")!.Attribute("message")!);
        Assert.Contains("error IE003", cases[2].Element("error")!.Value, StringComparison.Ordinal);
        Assert.NotEqual(0xEF, File.ReadAllBytes(Path.Combine(folder.Path, "junit.xml"))[0]);
    }

    [Fact]
    public void EmptyFolder_IsInvalidInput_NotASilentPass()
    {
        using var folder = Cli.TempFolder();

        var result = Cli.Run("test", System, folder.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no test cases", result.Stderr, StringComparison.Ordinal);
    }

    private static string Case(string name, string expect) =>
        $$"""
        {
          "name": "{{name}}",
          "evidence": {{JsonSerializer.Serialize(RepoPaths.Sample("passing"))}},
          "expect": { {{expect}} }
        }
        """;
}
