using IndicatorEngine.Cli.Comparing;

namespace IndicatorEngine.Cli.Tests.Comparing;

/// <summary><see cref="DefinitionDiff"/> and <see cref="DiffWords"/>: real edits of a shipped definition, found and said in words.</summary>
public sealed class DefinitionDiffTests
{
    private static IReadOnlyList<DefinitionChange> Diff(System.Text.Json.Nodes.JsonObject edited)
    {
        using var folder = new TempFolder();
        var path = ShippedEdit.Write(folder, "edited.json", edited);
        return DefinitionDiff.Compare(IndicatorSystem.LoadShipped("henan-higher-vocational"), IndicatorSystem.Load(path).GetValueOrThrow());
    }

    [Fact]
    public void Diff_OfAThresholdRetitleAndMove_ReportsExactlyThoseInWords()
    {
        var changes = Diff(ShippedEdit.ThresholdRetitleMove());

        Assert.Equal(
        [
            "观测点 infrastructure.cloud.cloud-deployment 改名：「业务系统上云 / Business systems on the cloud」→「应用上云比例 / Business systems on the cloud」",
            "指标 infrastructure.network.communication「网络通信」的分值 (points)：21 → 19",
            "观测点 infrastructure.network.communication.cernet「CERNET接入」的评分规则 › 门槛（至少） (rule.atLeast)：100 → 200",
            "观测点 infrastructure.network.communication.ipv6「IPv6部署」从 infrastructure.network.communication 下移到 infrastructure.network 下",
        ], changes.Select(c => DiffWords.Sentence(c, Language.Chinese)));
        Assert.Equal([ChangeKind.Retitled, ChangeKind.Changed, ChangeKind.Changed, ChangeKind.Moved], changes.Select(c => c.Kind));
    }

    [Fact]
    public void Diff_OfSiblingsThatChangedPlaces_SaysTheOldAndNewOrder_AndIgnoresAddedOnes()
    {
        var definition = ShippedEdit.Henan();
        var firstLevel = definition["indicators"]!.AsArray();
        var first = firstLevel[0]!;
        firstLevel.RemoveAt(0);
        firstLevel.Insert(1, first);
        var communication = ShippedEdit.Node(definition, "infrastructure.network.communication")["children"]!.AsArray();
        var ids = communication.Select(n => (string)n!["id"]!).ToList();
        var last = communication[^1]!;
        communication.RemoveAt(communication.Count - 1);
        communication.Insert(0, last);

        var changes = Diff(definition);

        var order = Assert.Single(changes, c => c.Setting == "indicators");
        Assert.Equal((ChangeArea.System, ChangeKind.Changed), (order.Area, order.Kind));
        var henan = IndicatorSystem.LoadShipped("henan-higher-vocational");
        var firstIds = henan.Indicators.Select(i => i.Id).ToList();
        Assert.Equal(string.Join(", ", firstIds), order.Old);
        Assert.Equal(string.Join(", ", new[] { firstIds[1], firstIds[0] }.Concat(firstIds.Skip(2))), order.New);
        var children = Assert.Single(changes, c => c.Setting == "children");
        Assert.Equal("infrastructure.network.communication", children.Id);
        Assert.Equal(string.Join(", ", ids), children.Old);
        Assert.Equal(string.Join(", ", ids.TakeLast(1).Concat(ids.SkipLast(1))), children.New);
        Assert.Equal($"指标 infrastructure.network.communication「网络通信」的下级指标的顺序 (children)：{children.Old} → {children.New}", DiffWords.Sentence(children, Language.Chinese));
        Assert.Equal(2, changes.Count);
    }

    [Fact]
    public void Diff_OfAMoveOrAnAddition_IsNotAlsoAReorder()
    {
        Assert.DoesNotContain(Diff(ShippedEdit.ThresholdRetitleMove()), c => c.Setting is "children" or "indicators");
    }

    [Fact]
    public void Diff_InEnglish_NamesTheSettingAndBothValues()
    {
        var changes = Diff(ShippedEdit.ThresholdRetitleMove());

        Assert.Contains("Observation point infrastructure.network.communication.cernet \"CERNET access\": rule › at least (rule.atLeast) 100 → 200",
            changes.Select(c => DiffWords.Sentence(c, Language.English)));
        Assert.Contains("Moved observation point infrastructure.network.communication.ipv6 \"IPv6 deployment\" from under infrastructure.network.communication to under infrastructure.network",
            changes.Select(c => DiffWords.Sentence(c, Language.English)));
    }

    [Fact]
    public void Diff_OfPassBarGradeVetoAndRuleType_SaysEach()
    {
        var definition = ShippedEdit.Henan();
        definition["profiles"]![0]!["passThreshold"] = 450;
        definition["grades"]![0]!["minScore"] = 550;
        definition["vetoes"]![0]!["when"]!["atLeast"] = 2;
        var cloud = ShippedEdit.Node(definition, "infrastructure.cloud.cloud-deployment");
        cloud["rule"] = System.Text.Json.Nodes.JsonNode.Parse("""{ "type": "threshold", "evidence": "cloudSystemsRatio", "atLeast": 80 }""");

        var sentences = Diff(definition).Select(c => DiffWords.Sentence(c, Language.Chinese)).ToList();

        Assert.Equal(
        [
            "类型 higher-vocational「高等职业学校」的申报条件（及格线） (passThreshold)：480 → 450",
            "等级 excellent「优秀」的最低分 (minScore)：540 → 550",
            "一票否决项 major-security-incident「近3年发生重大网络安全事件」的触发条件 › 门槛（至少） (when.atLeast)：1 → 2",
            "观测点 infrastructure.cloud.cloud-deployment「业务系统上云」的评分规则类型 (rule.type)：linear → threshold",
        ], sentences);
    }

    [Fact]
    public void Diff_OfAddedAndRemovedPoints_NamesTheirPointsAndParent()
    {
        var definition = ShippedEdit.Henan();
        var siblings = ShippedEdit.ChildrenHolding(definition, "infrastructure.network.communication.ipv6");
        var ipv6 = ShippedEdit.Node(definition, "infrastructure.network.communication.ipv6");
        ipv6["id"] = "infrastructure.network.communication.ipv6-only";

        var changes = Diff(definition);

        Assert.Equal(
        [
            "删除观测点 infrastructure.network.communication.ipv6「IPv6部署」",
            "新增观测点 infrastructure.network.communication.ipv6-only「IPv6部署」（2 分，位于 infrastructure.network.communication 下）",
        ], changes.Select(c => DiffWords.Sentence(c, Language.Chinese)));
        Assert.Equal(7, siblings.Count);
    }

    [Fact]
    public void Diff_OfTheOverlay_SaysItsBarGradesAndProfiles()
    {
        var changes = DefinitionDiff.Compare(IndicatorSystem.LoadShipped("henan-higher-vocational"), IndicatorSystem.LoadShipped("henan-secondary-vocational"));
        var sentences = changes.Select(c => DiffWords.Sentence(c, Language.English)).ToList();

        Assert.Contains("Removed profile higher-vocational \"Higher vocational school\"", sentences);
        Assert.Contains(sentences, s => s.StartsWith("Added profile secondary-vocational", StringComparison.Ordinal));
        Assert.Contains("Grade pass \"Pass\": lowest total (minScore) 420 → 400", sentences);
        Assert.Contains("System: id henan-higher-vocational → henan-secondary-vocational", sentences);
    }

    [Fact]
    public void Diff_OfAnEvidenceKey_SaysTheNewTitleOnceAndTheNewRange()
    {
        var definition = ShippedEdit.Henan();
        var cernet = definition["evidence"]!.AsArray().Single(e => (string)e!["key"]! == "cernetBandwidthMbps")!;
        cernet["title"] = "CERNET带宽";
        cernet["max"] = 400000;

        Assert.Equal(
        [
            "佐证项 cernetBandwidthMbps 改名：「CERNET接入带宽」→「CERNET带宽」",
            "佐证项 cernetBandwidthMbps「CERNET带宽」的最大值 (max)：100000 → 400000",
        ], Diff(definition).Select(c => DiffWords.Sentence(c, Language.Chinese)));
    }

    [Fact]
    public void Diff_OfAKeyMadeFixedOrNot_SaysSo_AndAnExplicitFalseIsNoChange()
    {
        var definition = ShippedEdit.Henan();
        var evidence = definition["evidence"]!.AsArray();
        evidence.Single(e => (string)e!["key"]! == "campusHeadcount")!.AsObject().Remove("fixed");
        evidence.Single(e => (string)e!["key"]! == "itStaffCount")!["fixed"] = true;
        evidence.Single(e => (string)e!["key"]! == "cernetBandwidthMbps")!["fixed"] = false;

        var changes = Diff(definition);

        Assert.Equal(
        [
            "佐证项 campusHeadcount「师生总人数」的学校既有事实（计划不改变） (fixed)：true → false",
            "佐证项 itStaffCount「信息化专职技术人员数」的学校既有事实（计划不改变） (fixed)：false → true",
        ], changes.Select(c => DiffWords.Sentence(c, Language.Chinese)));
        Assert.Contains("fact of the school (not changed by a plan) (fixed) false → true", DiffWords.Sentence(changes[1], Language.English), StringComparison.Ordinal);
    }

    public static TheoryData<string> ShippedIds() => new(IndicatorSystem.ShippedIds);

    [Theory]
    [MemberData(nameof(ShippedIds))]
    public void Diff_OfEveryShippedSystemWithItsFile_IsEmpty(string id)
    {
        Assert.Empty(DefinitionDiff.Compare(IndicatorSystem.LoadShipped(id), IndicatorSystem.Load(RepoPaths.Definition(id)).GetValueOrThrow()));
    }

    [Fact]
    public void Diff_NumbersCompareByValue_80And80Point0AreTheSame()
    {
        var definition = ShippedEdit.Henan();
        ShippedEdit.Node(definition, "infrastructure.cloud.cloud-deployment")["rule"]!["target"] = 80.0m;

        Assert.Empty(Diff(definition));
    }

    [Fact]
    public void Setting_InWords_NumbersArrayItemsFromOne()
    {
        Assert.Equal("评分规则 › 分档 2 › 分值 (rule.bands[1].points)", DiffWords.Setting("rule.bands[1].points", Language.Chinese));
        Assert.Equal("rule › item 1 › evidence (rule.items[0].evidence)", DiffWords.Setting("rule.items[0].evidence", Language.English));
    }
}
