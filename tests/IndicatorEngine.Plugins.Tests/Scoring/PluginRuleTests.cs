
namespace IndicatorEngine.Plugins.Tests.Scoring;

/// <summary>A plugin rule from the definition's side: resolved and checked at load, scored like any rule.</summary>
public class PluginRuleTests
{
    private const string Plug = "/indicators/0/rule";

    private static Diagnostic Single(LoadResult<IndicatorSystem> result, string code)
    {
        Assert.False(result.Succeeded);
        return Assert.Single(result.Diagnostics, d => d.Code == code);
    }

    /// <summary>The one diagnostic of that code when the "at-least" scorer is given these options.</summary>
    private static Diagnostic AtLeastProblem(string options, string code) =>
        Single(PluginSystem.Load(new ScorerRegistry([new AtLeastScorer()]), $$"""{ "type": "plugin", "scorer": "at-least", "options": {{options}} }"""), code);

    [Fact]
    public void PluginRule_IsScoredByTheScorerItNames()
    {
        var system = PluginSystem.Loaded(new ScorerRegistry([new AtLeastScorer()]));
        var card = system.Score(PluginSystem.Evidence(coverage: 95));
        var plug = card.Find("plug")!;
        Assert.Equal(4m, plug.Score);
        Assert.Equal(ScoreStatus.Scored, plug.Status);
        Assert.Equal("wireless coverage 95, at least 90", plug.Explanation);
        Assert.Equal(6m, card.Total);
        Assert.Equal(0m, system.Score(PluginSystem.Evidence(coverage: 80)).Find("plug")!.Score);
    }

    [Fact]
    public void KeysAPluginReads_AreTheIndicatorsEvidence_AndListedWhenMissing()
    {
        var system = PluginSystem.Loaded(new ScorerRegistry([new AtLeastScorer()]));
        Assert.Equal(["coverage"], system.FindIndicator("plug")!.EvidenceKeys);
        var card = system.Score(PluginSystem.Evidence(coverage: null));
        Assert.Equal(ScoreStatus.MissingEvidence, card.Find("plug")!.Status);
        Assert.Equal("wireless coverage (coverage) not supplied", card.Find("plug")!.Explanation);
        var missing = Assert.Single(card.MissingEvidence);
        Assert.Equal("coverage", missing.Key);
        Assert.Contains("plug", missing.NeededBy);
    }

    [Fact]
    public void InvalidEvidence_ReachesThePluginAsInvalid_NotAsAValue()
    {
        var system = PluginSystem.Loaded(new ScorerRegistry([new AtLeastScorer()]));
        var card = system.Score(PluginSystem.Evidence(coverage: 150));
        Assert.Equal(ScoreStatus.Error, card.Find("plug")!.Status);
        Assert.Contains("is invalid", card.Find("plug")!.Explanation);
        Assert.Contains(card.Diagnostics, d => d.Code == DiagnosticCodes.EvidenceOutOfRange);
    }

    [Fact]
    public void UnknownScorer_IsIE103_AtScorer_NamingTheRegisteredScorers()
    {
        var d = Single(PluginSystem.Load(new ScorerRegistry([new AtLeastScorer(), new ScriptedScorer("hub")]), """{ "type": "plugin", "scorer": "hubb" }"""), DiagnosticCodes.UnknownRuleType);
        Assert.Equal(Plug + "/scorer", d.Pointer);
        Assert.True(d.Line > 0);
        Assert.Contains("'hubb'", d.Message);
        Assert.Contains("at-least, hub", d.Message);
    }

    [Fact]
    public void PluginRule_WithNoScorersRegistered_IsIE103_SayingHowToRegister()
    {
        var d = Single(PluginSystem.Load(null), DiagnosticCodes.UnknownRuleType);
        Assert.Contains("--plugins", d.Message);
        Assert.Contains("AddScorer", d.Message);
    }

    [Fact]
    public void OptionProblem_IsIE110_AtTheOptionsPointer_WithLineAndColumn()
    {
        var d = AtLeastProblem("""{ "evidence": "coverage", "atLeast": -1 }""", DiagnosticCodes.InvalidRule);
        Assert.Equal(Plug + "/options/atLeast", d.Pointer);
        Assert.Equal("plugged.json", d.File);
        Assert.True(d.Line > 0 && d.Column > 0);
        Assert.Equal("scorer 'at-least': atLeast must not be negative", d.Message);
    }

    [Theory]
    [InlineData("""{ "evidence": "coverage", "atLeast": 90, "atleast": 1 }""", "/options/atleast")]
    [InlineData("""{ "evidence": "coverage", "atLeast": "ninety" }""", "/options/atLeast")]
    [InlineData("""{ "atLeast": 90 }""", "/options")]
    public void OptionsThatDoNotBind_AreIE110_AtTheOffendingProperty(string options, string pointer)
    {
        var d = AtLeastProblem(options, DiagnosticCodes.InvalidRule);
        Assert.Equal(Plug + pointer, d.Pointer);
        Assert.StartsWith("scorer 'at-least': the options do not fit:", d.Message);
    }

    [Fact]
    public void ReadingAnUndeclaredKey_IsIE104_WhereTheOptionsNameIt()
    {
        var d = AtLeastProblem("""{ "evidence": "coverag", "atLeast": 90 }""", DiagnosticCodes.UndeclaredEvidence);
        Assert.Equal(Plug + "/options/evidence", d.Pointer);
        Assert.Contains("'coverag'", d.Message);
    }

    [Fact]
    public void ReadingAKeyOfTheWrongType_IsIE110()
    {
        var d = AtLeastProblem("""{ "evidence": "ipv6", "atLeast": 1 }""", DiagnosticCodes.InvalidRule);
        Assert.Equal(Plug + "/options/evidence", d.Pointer);
        Assert.Contains("reads 'ipv6' as a number, but 'ipv6' is declared as boolean", d.Message);
    }

    [Fact]
    public void Warning_FromTheScorer_IsReported_AndTheDefinitionLoads()
    {
        var scorer = new ScriptedScorer("warns") { OnCompile = setup => { setup.Warning("/old", "'old' is deprecated"); return null; } };
        var result = PluginSystem.Load(new ScorerRegistry([scorer]), """{ "type": "plugin", "scorer": "warns", "options": { "old": 1 } }""");
        Assert.True(result.Succeeded);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Equal(Plug + "/options/old", d.Pointer);
    }

    [Fact]
    public void SettingsRejectedWithoutAReason_AreStillAnError()
    {
        var d = Single(PluginSystem.Load(new ScorerRegistry([new NullScorer()]), """{ "type": "plugin", "scorer": "null" }"""), DiagnosticCodes.InvalidRule);
        Assert.Contains("rejected the options without saying why", d.Message);
    }

    [Fact]
    public void CompileThatThrows_IsALoadError_NamingTheScorer_AndTheListenerGetsTheException()
    {
        var failures = new List<ScorerFailure>();
        var scorer = new ScriptedScorer("fragile") { OnCompile = _ => throw new InvalidOperationException("hub unreachable") };
        var d = Single(PluginSystem.Load(new ScorerRegistry([scorer]) { OnFailure = failures.Add }, """{ "type": "plugin", "scorer": "fragile" }"""), DiagnosticCodes.InvalidRule);
        Assert.Equal("scorer 'fragile' failed while compiling its options: InvalidOperationException: hub unreachable", d.Message);
        var failure = Assert.Single(failures);
        Assert.True(failure.WhileCompiling);
        Assert.Equal(("fragile", "plug"), (failure.ScorerName, failure.IndicatorId));
    }

    [Fact]
    public void ScoreThatThrows_FailsItsOwnLeafOnly_WithTheScorerNamed()
    {
        var failures = new List<ScorerFailure>();
        var scorer = new ScriptedScorer("fragile") { OnScore = (_, _, _) => throw new TimeoutException("hub timed out\nretry later") };
        var system = PluginSystem.Loaded(new ScorerRegistry([scorer]) { OnFailure = failures.Add }, """{ "type": "plugin", "scorer": "fragile" }""");
        var card = system.Score(PluginSystem.Evidence());
        var plug = card.Find("plug")!;
        Assert.Equal((0m, ScoreStatus.Error), (plug.Score, plug.Status));
        Assert.Equal("scorer 'fragile' failed: TimeoutException: hub timed out retry later", plug.Explanation);
        Assert.Equal((2m, ScoreStatus.Scored), (card.Find("ipv6")!.Score, card.Find("ipv6")!.Status));
        Assert.Equal(2m, card.Total);
        Assert.IsType<TimeoutException>(Assert.Single(failures).Exception);
        Assert.False(failures[0].WhileCompiling);
    }

    [Fact]
    public void ListenerThatThrows_DoesNotFailTheBatch()
    {
        var scorer = new ScriptedScorer("fragile") { OnScore = (_, _, _) => throw new InvalidOperationException("no") };
        var system = PluginSystem.Loaded(new ScorerRegistry([scorer]) { OnFailure = _ => throw new InvalidOperationException("logger down") }, """{ "type": "plugin", "scorer": "fragile" }""");
        Assert.Equal(ScoreStatus.Error, system.Score(PluginSystem.Evidence()).Find("plug")!.Status);
    }

    [Theory]
    [InlineData(9, 4, "gave 9, outside 0 to 4")]
    [InlineData(-1, 0, "gave -1, outside 0 to 4")]
    public void ScoreOutOfRange_IsClampedAndWarnedIE301_WithTheScorerNamed(int given, int clamped, string note)
    {
        var scorer = new ScriptedScorer("greedy") { OnScore = (_, _, _) => new ScoreOutcome(given, ScoreStatus.Scored, "as I please") };
        var card = PluginSystem.Loaded(new ScorerRegistry([scorer]), """{ "type": "plugin", "scorer": "greedy" }""").Score(PluginSystem.Evidence());
        var plug = card.Find("plug")!;
        Assert.Equal(clamped, plug.Score);
        Assert.Equal($"as I please [scorer 'greedy' {note}: clamped]", plug.Explanation);
        Assert.Contains(card.Diagnostics, d => d.Code == DiagnosticCodes.ScoreClamped && d.Message.Contains("'plug'", StringComparison.Ordinal));
    }

    [Fact]
    public void MissingOrMultiLineExplanation_IsMadeOneLine()
    {
        var silent = new ScriptedScorer("silent") { OnScore = (_, _, max) => new ScoreOutcome(max, ScoreStatus.Scored, null!) };
        var chatty = new ScriptedScorer("chatty") { OnScore = (_, _, max) => new ScoreOutcome(max, ScoreStatus.Scored, "line one\r\nline two") };
        var registry = new ScorerRegistry([silent, chatty]);
        Assert.Equal("scored by 'silent'", PluginSystem.Loaded(registry, """{ "type": "plugin", "scorer": "silent" }""").Score(PluginSystem.Evidence()).Find("plug")!.Explanation);
        Assert.Equal("line one line two", PluginSystem.Loaded(registry, """{ "type": "plugin", "scorer": "chatty" }""").Score(PluginSystem.Evidence()).Find("plug")!.Explanation);
    }

    [Fact]
    public void Compile_RunsOncePerRuleAtLoad_NeverPerSubject()
    {
        var scorer = new AtLeastScorer();
        var system = PluginSystem.Loaded(new ScorerRegistry([scorer]), """{ "type": "plugin", "scorer": "at-least", "label": "Wi-Fi", "options": { "evidence": "coverage", "atLeast": 90 } }""");
        Parallel.For(0, 200, i => Assert.Equal(i % 2 == 0 ? 4m : 0m, system.Score(PluginSystem.Evidence(coverage: i % 2 == 0 ? 95 : 85)).Find("plug")!.Score));
        Assert.Equal(1, scorer.Compiles);
        Assert.Equal(("plug", 4m, "Wi-Fi"), Assert.Single(scorer.Setups));
    }

    [Fact]
    public void EvidenceView_GivesEachKindThroughItsTypedAccessor()
    {
        string? seen = null;
        var scorer = new ScriptedScorer("echo")
        {
            OnScore = (evidence, s, max) =>
            {
                evidence.TryGetNumber(s[0], out var coverage);
                evidence.TryGetNumber(s[1], out var people);
                evidence.TryGetBoolean(s[2], out var ipv6);
                evidence.TryGetText(s[3], out var backbone);
                evidence.TryGetText(s[4], out var note);
                evidence.TryGetDate(s[5], out var issued);
                evidence.TryGetText(s[6], out var systems);
                evidence.TryGetText(s[7], out var plan);
                var present = new List<int>();
                var supplied = new List<int>();
                foreach (var slot in s)
                {
                    present.Add(evidence.IsPresent(slot) ? 1 : 0);
                    supplied.Add(evidence.IsSupplied(slot) ? 1 : 0);
                }

                seen = string.Join(" | ",
                    $"coverage={coverage} people={people} ipv6={ipv6} backbone={backbone} note=[{note}] issued={issued:yyyy-MM-dd}",
                    $"systems={systems} ({evidence.CountOf(s[6])}) plan={plan} ({evidence.CountOf(s[7])})",
                    $"present: {string.Join(",", present)}",
                    $"supplied: {string.Join(",", supplied)}",
                    $"wrong kind: {evidence.TryGetNumber(s[2], out _)} {evidence.TryGetBoolean(s[0], out _)} {evidence.TryGetDate(s[4], out _)} {evidence.CountOf(s[0])}");
                return new ScoreOutcome(max, ScoreStatus.Scored, "seen");
            },
        };
        var system = PluginSystem.Loaded(new ScorerRegistry([scorer]),
            """{ "type": "plugin", "scorer": "echo", "options": { "reads": ["coverage", "people", "ipv6", "backbone", "note", "issuedOn", "systems", "plan"] } }""");
        system.Score(PluginSystem.Evidence(92.5m, [new EvidenceDocument("plan-2024.pdf", "plan", null), new EvidenceDocument("plan-annex.pdf", "plan", null)],
            ("people", 0), ("backbone", "10G"), ("note", ""), ("issuedOn", new DateOnly(2024, 3, 1)), ("systems", new[] { "OA", "教务" })));
        Assert.Equal(
            "coverage=92.5 people=0 ipv6=True backbone=10G note=[] issued=2024-03-01 | systems=OA, 教务 (2) plan=plan-2024.pdf (2) | present: 1,0,1,1,0,1,1,1 | supplied: 1,1,1,1,1,1,1,1 | wrong kind: False False False 0",
            seen);
    }

    [Fact]
    public void EvidenceView_TellsMissingFromInvalid()
    {
        string? seen = null;
        var scorer = new ScriptedScorer("echo")
        {
            OnScore = (evidence, s, max) =>
            {
                seen = $"{evidence.IsMissing(s[0])} {evidence.IsInvalid(s[0])} {evidence.IsMissing(s[1])} {evidence.IsInvalid(s[1])} {evidence.TryGetText(s[1], out _)} | {evidence.Unusable(s[0]).Status} {evidence.Unusable(s[1]).Status}";
                return new ScoreOutcome(max, ScoreStatus.Scored, "seen");
            },
        };
        var system = PluginSystem.Loaded(new ScorerRegistry([scorer]), """{ "type": "plugin", "scorer": "echo", "options": { "reads": ["note", "backbone"] } }""");
        system.Score(PluginSystem.Evidence(more: ("backbone", "100G")));
        Assert.Equal("True False False True False | MissingEvidence Error", seen);
    }

    [Fact]
    public void ARuleReadingMoreKeysThanFitOnTheStack_IsScoredAllTheSame()
    {
        var json = PluginSystem.Json("""{ "type": "plugin", "scorer": "sum", "options": { "reads": [] } }""");
        var catalogue = json["evidence"]!.AsArray();
        var reads = json["indicators"]![0]!["rule"]!["options"]!["reads"]!.AsArray();
        for (var i = 0; i < 20; i++)
        {
            catalogue.Add(System.Text.Json.Nodes.JsonNode.Parse($$"""{ "key": "k{{i}}", "type": "integer" }"""));
            reads.Add($"k{i}");
        }

        var scorer = new ScriptedScorer("sum")
        {
            OnScore = (evidence, slots, _) =>
            {
                var sum = 0m;
                foreach (var slot in slots)
                {
                    sum += evidence.TryGetNumber(slot, out var v) ? v : 0m;
                }

                return new ScoreOutcome(sum, ScoreStatus.Scored, $"sum {sum}");
            },
        };
        var system = IndicatorSystem.Parse(json.ToJsonString(), "wide.json", new LoadOptions { Scorers = new ScorerRegistry([scorer]) }).GetValueOrThrow();
        var values = Enumerable.Range(0, 20).ToDictionary(i => $"k{i}", i => (object?)(i == 19 ? 4 : 0));
        Assert.Equal("sum 4", system.Score(SubjectEvidence.Create("s", values)).Find("plug")!.Explanation);
    }

    /// <summary>Returns no settings and reports nothing: a scorer bug the base class catches.</summary>
    private sealed class NullScorer : Scorer<object>
    {
        public override string Name => "null";

        protected override object? Compile(ScorerSetup setup) => null;

        protected override ScoreOutcome Score(EvidenceView evidence, object settings, decimal max) => default;
    }
}
