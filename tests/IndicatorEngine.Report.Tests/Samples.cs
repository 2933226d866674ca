using System.Text;
using System.Text.Json.Nodes;

namespace IndicatorEngine.Report.Tests;

/// <summary>The shipped samples of every shipped system, scored, and the words a reader must find on their pages.</summary>
internal static class Samples
{
    public static readonly string[] Systems = ["henan-higher-vocational", "henan-secondary-vocational", "national-benchmark-monitoring"];

    public static readonly string[] Names = ["passing", "failing", "vetoed", "missing-evidence"];

    private static readonly Dictionary<string, IndicatorSystem> Loaded = new(StringComparer.Ordinal);

    /// <summary>Every (system, sample) pair, for a theory.</summary>
    public static TheoryData<string, string> All()
    {
        var data = new TheoryData<string, string>();
        foreach (var system in Systems)
        {
            foreach (var name in Names)
            {
                data.Add(system, name);
            }
        }

        return data;
    }

    public static IndicatorSystem System(string id)
    {
        lock (Loaded)
        {
            if (!Loaded.TryGetValue(id, out var system))
            {
                system = IndicatorSystem.LoadShipped(id);
                Loaded[id] = system;
            }

            return system;
        }
    }

    public static Scorecard Score(string system, string sample) =>
        System(system).Score(SubjectEvidence.Load(RepoPaths.Sample(system, sample)).GetValueOrThrow());

    /// <summary>A sample with its school's name replaced, read from memory.</summary>
    public static Scorecard ScoreNamed(string system, string sample, string name)
    {
        var json = JsonNode.Parse(File.ReadAllText(RepoPaths.Sample(system, sample)))!.AsObject();
        json["name"] = name;
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json.ToJsonString()));
        return System(system).Score(SubjectEvidence.Load(stream, sample + ".json").GetValueOrThrow());
    }

    /// <summary>The verdict as every report words it (ReportText.Verdict), written out here so that a change of wording is seen.</summary>
    public static string VerdictWords(Scorecard card) => (card.Verdict, card.Language) switch
    {
        (Verdict.Passed, Language.English) => "eligible",
        (Verdict.Failed, Language.English) => "not eligible",
        (_, Language.English) => "undetermined",
        (Verdict.Passed, _) => "达到申报条件",
        (Verdict.Failed, _) => "未达到申报条件",
        _ => "待核实",
    };

    public static string Title(LocalizedText title, Language language) =>
        language == Language.English && title.En is { Length: > 0 } en ? en : title.Zh;

    public static string SchoolName(Scorecard card) => card.Subject.Name ?? card.Subject.Id;
}
