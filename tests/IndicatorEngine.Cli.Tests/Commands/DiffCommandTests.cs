using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IndicatorEngine.Cli.Tests.Comparing;
using static IndicatorEngine.Cli.Tests.Comparing.ShippedEdit;

namespace IndicatorEngine.Cli.Tests.Commands;

/// <summary><c>indicator diff</c>: a definition's changes in words, as text, Markdown and JSON, and the replay of a batch input under both versions.</summary>
public sealed class DiffCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Diff_OfAShippedSystemWithItself_SaysNothingChanged()
    {
        var result = Cli.Run("diff", "henan-higher-vocational", RepoPaths.HenanHigher);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("改动    无（两个版本定义的内容相同）", result.Stdout, StringComparison.Ordinal);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void Diff_OfAnEditedCopy_SaysEachChangeInWords()
    {
        var edited = ShippedEdit.Write(_folder, "edited.json", ShippedEdit.ThresholdRetitleMove());

        var result = Cli.RunFor(Cli.Redirected with { Width = 250 }, "diff", RepoPaths.HenanHigher, edited);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("改动    共 4 处：新增 0，删除 0，移动 1，改名 1，修改 2", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("- 观测点 infrastructure.network.communication.cernet「CERNET接入」的评分规则 › 门槛（至少） (rule.atLeast)：100 → 200", result.StdoutLines);
        Assert.Contains("- 观测点 infrastructure.network.communication.ipv6「IPv6部署」从 infrastructure.network.communication 下移到 infrastructure.network 下", result.StdoutLines);
    }

    [Fact]
    public void Diff_OfAUnit_IsOneChange_WithBothLanguagesAsOneValue()
    {
        var edited = ShippedEdit.Henan();
        var staff = edited["evidence"]!.AsArray().Single(e => (string?)e!["key"] == "itStaffCount")!;
        staff["unit"] = JsonNode.Parse("""{ "zh": "名", "en": "staff" }""");
        Node(edited, "infrastructure.network.communication.ipv6")["rule"]!["unit"] = "apps";

        var result = Cli.RunFor(Cli.Redirected with { Width = 250 }, "diff", RepoPaths.HenanHigher, ShippedEdit.Write(_folder, "edited.json", edited));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("改动    共 2 处：新增 0，删除 0，移动 0，改名 0，修改 2", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("- 佐证项 itStaffCount「信息化专职技术人员数」的单位 (unit)：人 / persons → 名 / staff", result.StdoutLines);
        Assert.Contains("- 观测点 infrastructure.network.communication.ipv6「IPv6部署」的评分规则 › 单位 (rule.unit)：个 / applications → apps", result.StdoutLines);
    }

    [Fact]
    public void Diff_AsMarkdown_InEnglish_IsAReviewList()
    {
        var edited = ShippedEdit.Write(_folder, "edited.json", ShippedEdit.ThresholdRetitleMove());

        var result = Cli.Run("diff", "henan-higher-vocational", edited, "--format", "markdown", "--lang", "en");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("# Changes to the definition\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("\n## Indicators and observation points\n\n- Renamed observation point infrastructure.cloud.cloud-deployment:", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_AsJson_CountsAndListsTheChanges()
    {
        var edited = ShippedEdit.Write(_folder, "edited.json", ShippedEdit.ThresholdRetitleMove());
        var output = _folder.File("diff.json");

        var result = Cli.Run("diff", "henan-higher-vocational", edited, "--format", "json", "--out", output);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(File.ReadAllText(output));
        var root = json.RootElement;
        Assert.Equal("definition-diff", root.GetProperty("kind").GetString());
        Assert.Equal(1, root.GetProperty("counts").GetProperty("moved").GetInt32());
        Assert.Equal(1, root.GetProperty("counts").GetProperty("retitled").GetInt32());
        var threshold = root.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("setting").GetString() == "rule.atLeast");
        Assert.Equal(("indicator", "changed", "infrastructure.network.communication.cernet", true, "100", "200"),
            (threshold.GetProperty("area").GetString(), threshold.GetProperty("kind").GetString(), threshold.GetProperty("id").GetString(), threshold.GetProperty("point").GetBoolean(), threshold.GetProperty("old").GetString(), threshold.GetProperty("new").GetString()));
        Assert.False(root.TryGetProperty("replay", out _));
    }

    [Fact]
    public void Diff_OfABrokenDefinition_ExitTwo_WithItsDiagnostics()
    {
        var broken = _folder.Write("broken.json", "{ \"id\": ");

        var result = Cli.Run("diff", "henan-higher-vocational", broken);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.StartsWith(broken + ":", result.StderrLines[0], StringComparison.Ordinal);
        Assert.False(result.HasStackTrace);
    }

    [Fact]
    public void Diff_ReplayOfBatchResults_IsRefused_SayingTheyCarryNoEvidence()
    {
        var input = _folder.File("schools.ndjson");
        var results = _folder.File("results.ndjson");
        Assert.Equal(0, Cli.Run("generate", "henan-higher-vocational", "--count", "5", "--out", input).ExitCode);
        Assert.Equal(0, Cli.Run("batch", "henan-higher-vocational", input, "--out", results, "--detail", "full", "--quiet").ExitCode);

        var fromResults = Cli.Run("diff", "henan-higher-vocational", "henan-higher-vocational", "--replay", results);
        var fromInput = Cli.Run("diff", "henan-higher-vocational", "henan-higher-vocational", "--replay", input);

        Assert.Equal(2, fromResults.ExitCode);
        Assert.Equal("", fromResults.Stdout);
        Assert.Contains(results + ":1: error: a batch's results carry each subject's scores, verdict and rank, not the evidence they were scored from", fromResults.Stderr, StringComparison.Ordinal);
        Assert.Contains("--replay-evidence INPUT", fromResults.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, fromInput.ExitCode);
        Assert.Contains($"this is evidence (the input of a batch), not results; replay it with --replay-evidence {input}", fromInput.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_ReplayOfALowerBar_CountsTheVerdictFlips_AsScoringEachSchoolUnderBothWould()
    {
        var definition = ShippedEdit.Henan();
        definition["profiles"]![0]!["passThreshold"] = 420;
        var lowered = ShippedEdit.Write(_folder, "lowered.json", definition);
        var input = _folder.File("schools.ndjson");
        Assert.Equal(0, Cli.Run("generate", "henan-higher-vocational", "--count", "120", "--seed", "11", "--out", input).ExitCode);

        var result = Cli.Run("diff", "henan-higher-vocational", lowered, "--replay-evidence", input, "--format", "json", "--top", "500");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var replay = json.RootElement.GetProperty("replay");
        var counts = replay.GetProperty("counts");

        // Each school scored under both versions directly, one at a time.
        var old = IndicatorSystem.LoadShipped("henan-higher-vocational");
        var @new = IndicatorSystem.Load(lowered).GetValueOrThrow();
        var flips = File.ReadLines(input)
            .Select(line => Encoding.UTF8.GetBytes(line))
            .Select(bytes => (Id: old.Score(old.ReadEvidence(bytes)).Subject.Id, Before: old.Score(old.ReadEvidence(bytes)).Verdict, After: @new.Score(@new.ReadEvidence(bytes)).Verdict))
            .ToList();
        var newlyPassing = flips.Where(f => f.After == Verdict.Passed && f.Before != Verdict.Passed).Select(f => f.Id).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(newlyPassing);
        Assert.Equal(newlyPassing.Count, counts.GetProperty("newlyPassing").GetInt32());
        Assert.Equal(newlyPassing, replay.GetProperty("newlyPassing").EnumerateArray().Select(m => m.GetProperty("id").GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(0, counts.GetProperty("newlyFailing").GetInt32());
        Assert.Equal(flips.Count(f => f.Before != f.After), counts.GetProperty("verdictChanged").GetInt32());
        Assert.Equal(0, counts.GetProperty("up").GetInt32() + counts.GetProperty("down").GetInt32());
        Assert.Equal(120, counts.GetProperty("matched").GetInt32());
        Assert.Contains(json.RootElement.GetProperty("changes").EnumerateArray(), c => c.GetProperty("setting").GetString() == "passThreshold");
    }

    [Fact]
    public void Diff_ReplayAsText_AddsTheCountsAfterTheChanges()
    {
        var edited = ShippedEdit.Write(_folder, "edited.json", ShippedEdit.ThresholdRetitleMove());
        var input = _folder.File("schools.csv");
        Assert.Equal(0, Cli.Run("generate", "henan-higher-vocational", "--count", "40", "--seed", "3", "--format", "csv", "--out", input).ExitCode);

        var result = Cli.Run("diff", "henan-higher-vocational", edited, "--replay-evidence", input);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("重新评分：每所学校在两个版本下的变化", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("学校        旧 40，新 40；两边都有 40，新增 0，缺失 0", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_ReplayOfAMissingInput_ExitTwo_NamingIt()
    {
        var missing = _folder.File("nope.ndjson");

        var result = Cli.Run("diff", "henan-higher-vocational", "henan-higher-vocational", "--replay-evidence", missing);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(missing + ": error: no such file", result.StderrLines.Single());
    }
}
