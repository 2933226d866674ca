using System.Text.RegularExpressions;

namespace IndicatorEngine.Tests.Shipped;

/// <summary>
/// The shipped samples' scorecards in Chinese (the default) and in English: pinned lines of every rule kind,
/// and no English word in a Chinese card.
/// </summary>
public partial class ShippedLanguageTests
{
    private static Scorecard Score(string system, string sample) =>
        IndicatorSystem.LoadShipped(system).Score(SubjectEvidence.Load(RepoPaths.Sample(system, sample)).GetValueOrThrow());

    [Theory]
    [InlineData("missing-evidence", "infrastructure.network.communication.campus-network", "教学办公楼宇有线全覆盖 是，室内无线全覆盖 是，室外公共区域覆盖 是，多校区一张网 是 → 4/4 分")]
    [InlineData("missing-evidence", "infrastructure.network.communication.exit-bandwidth", "出口带宽 (0.7 Mbps/人; ≥30000人时20 Gbps即可): 师生总人数 (campusHeadcount) 未提供")]
    [InlineData("passing", "infrastructure.network.communication.exit-bandwidth", "出口带宽 (0.7 Mbps/人; ≥30000人时20 Gbps即可): exitBandwidthGbps = 10，campusHeadcount = 16,850 → 2.54/3 分")]
    [InlineData("passing", "infrastructure.network.communication.backbone", "校园网主干 10G-redundant，档位 万兆冗余 → 3/3 分")]
    [InlineData("passing", "infrastructure.network.communication.business-subnets", "业务专网划分: 是 → 3/3 分")]
    [InlineData("passing", "infrastructure.network.communication.ipv6", "IPv6应用数 6 个，达到目标 ≥ 1 → 2/2 分")]
    [InlineData("passing", "infrastructure.network.communication.physical-facilities", "通信物理设施 录入为 2 → 2/2 分")]
    [InlineData("passing", "infrastructure.cloud.cloud-deployment", "上云比例 65 %，目标 80 → 6.5/8 分")]
    [InlineData("passing", "infrastructure.operations.it-staff", "信息化专职技术人员数 14 人 ÷ 16,850 人 = 0.83 人，未达到目标 ≥ 1，达到部分得分目标 ≥ 0.5 → 4/8 分")]
    [InlineData("passing", "resources.building.course-digitization", "课程资源覆盖率 68 %，目标 80（起点 20） → 12/15 分")]
    [InlineData("passing", "infrastructure", "各项之和 → 68.38/80 分")]
    public void HenanHigher_ExplainsInChinese_ByDefault(string sample, string id, string expected)
    {
        var card = Score("henan-higher-vocational", sample);

        Assert.Equal(Language.Chinese, card.Language);
        Assert.Equal(expected, card.Find(id)!.Explanation);
    }

    [Theory]
    [InlineData("missing-evidence", "infrastructure.network.communication.exit-bandwidth", "出口带宽 (0.7 Mbps/人; ≥30000人时20 Gbps即可): 师生总人数 (campusHeadcount) not supplied")]
    [InlineData("passing", "infrastructure.cloud.cloud-deployment", "上云比例 65 %, target 80 → 6.5 of 8")]
    [InlineData("passing", "infrastructure.network.communication.ipv6", "IPv6应用数 6 applications, meets target ≥ 1 → 2 of 2")]
    [InlineData("passing", "infrastructure", "sum of its parts → 68.38 of 80")]
    public void HenanHigher_InEnglish_ReadsAsBefore(string sample, string id, string expected)
    {
        var card = Score("henan-higher-vocational", sample);
        var english = card.In(Language.English);

        Assert.Equal(Language.English, english.Language);
        Assert.Equal(expected, english.Find(id)!.Explanation);
        Assert.Equal(card.Find(id)!.Score, english.Find(id)!.Score);
        Assert.Same(card, card.In(Language.Chinese));
    }

    [Fact]
    public void WeightedMean_ShowsEachPartsScoreAndWeight()
    {
        var card = Score("national-benchmark-monitoring", "passing");

        Assert.Equal("加权平均（学生学习信息获取 9.33/10 分 × 2，就业服务信息 5/5 分 × 1，教师发展评价 4/5 分 × 1，教师数字素养培训 5/5 分 × 1） → 18.66/20 分", card.Find("development")!.Explanation);
    }

    [Fact]
    public void VetoReason_FollowsTheLanguage()
    {
        var card = Score("henan-higher-vocational", "vetoed");

        Assert.Equal("近3年重大网络安全事件数 (majorSecurityIncidents3y) = 1（≥ 1）", Assert.Single(card.Vetoes).Reason);
        Assert.Equal("近3年重大网络安全事件数 (majorSecurityIncidents3y) = 1 (≥ 1)", Assert.Single(card.In(Language.English).Vetoes).Reason);
    }

    public static TheoryData<string, string> Samples()
    {
        var data = new TheoryData<string, string>();
        foreach (var system in new[] { "henan-higher-vocational", "henan-secondary-vocational", "national-benchmark-monitoring" })
        {
            foreach (var sample in new[] { "passing", "failing", "vetoed", "missing-evidence" })
            {
                data.Add(system, sample);
            }
        }

        return data;
    }

    /// <summary>Words of the English explanations and reports. Units (persons, items), identifiers and enum values (a data centre that is "partial") come from the definition and may stay.</summary>
    [GeneratedRegex(@"\b(of|target|supplied|sum|parts|weighted|mean|capped|extension|band|yes|no|entered|expected|document|invalid|applicable|meets|misses|scored|missing|error|rule|failed|formula|none|None|Total|Verdict|Threshold|Grade|Vetoes|Subject|System|Explanation|Status|Score|PASS|FAIL)\b")]
    private static partial Regex EnglishWord();

    [Theory]
    [MemberData(nameof(Samples))]
    public void ChineseCard_HasNoEnglishWords(string system, string sample)
    {
        var card = Score(system, sample);
        var lines = card.Indicators.SelectMany(i => i.DescendantsAndSelf()).Select(s => s.Explanation)
            .Concat(card.Vetoes.Select(v => v.Reason))
            // The Markdown up to its diagnostics, which are developer messages in English.
            .Concat(ScorecardMarkdown.ToMarkdown(card).Split("## 诊断")[0].Split('\n'));
        foreach (var line in lines)
        {
            Assert.False(EnglishWord().IsMatch(line), line);
        }
    }
}
