namespace IndicatorEngine.Batch;

/// <summary>
/// A small table of real Henan cities and their counties or districts, with the counties' administrative division
/// codes, for the regions of generated subjects. Not a gazetteer: a dozen cities and a few counties each.
/// </summary>
internal static class HenanRegions
{
    public const string Province = "河南省";

    /// <summary>(city, county, code), grouped by city.</summary>
    public static readonly (string City, string County, string Code)[] Counties =
    [
        ("郑州市", "金水区", "410105"), ("郑州市", "二七区", "410103"), ("郑州市", "中原区", "410102"),
        ("郑州市", "管城回族区", "410104"), ("郑州市", "惠济区", "410108"), ("郑州市", "新郑市", "410184"),
        ("郑州市", "登封市", "410185"),
        ("洛阳市", "洛龙区", "410311"), ("洛阳市", "西工区", "410303"), ("洛阳市", "涧西区", "410305"), ("洛阳市", "偃师区", "410307"),
        ("开封市", "龙亭区", "410202"), ("开封市", "鼓楼区", "410204"), ("开封市", "祥符区", "410212"), ("开封市", "兰考县", "410225"),
        ("新乡市", "红旗区", "410702"), ("新乡市", "卫滨区", "410703"), ("新乡市", "牧野区", "410711"), ("新乡市", "长垣市", "410783"),
        ("南阳市", "宛城区", "411302"), ("南阳市", "卧龙区", "411303"), ("南阳市", "南召县", "411321"), ("南阳市", "邓州市", "411381"),
        ("信阳市", "浉河区", "411502"), ("信阳市", "平桥区", "411503"), ("信阳市", "固始县", "411525"),
        ("许昌市", "魏都区", "411002"), ("许昌市", "建安区", "411003"), ("许昌市", "禹州市", "411081"),
        ("周口市", "川汇区", "411602"), ("周口市", "淮阳区", "411603"), ("周口市", "项城市", "411681"),
        ("安阳市", "文峰区", "410502"), ("安阳市", "北关区", "410503"), ("安阳市", "林州市", "410581"),
        ("焦作市", "解放区", "410802"), ("焦作市", "山阳区", "410811"), ("焦作市", "沁阳市", "410882"),
    ];

    /// <summary>Words for school names: the field a school is known for.</summary>
    public static readonly string[] Fields =
    [
        "信息", "科技", "工业", "交通", "财经", "建筑", "农业", "医学", "艺术", "电子", "机电", "商贸", "旅游", "轻工", "水利", "数智",
    ];
}
