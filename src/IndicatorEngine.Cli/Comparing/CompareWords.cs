namespace IndicatorEngine.Cli.Comparing;

/// <summary>The words and numbers every comparison writes the same way, in Chinese or English.</summary>
internal static class CompareWords
{
    /// <summary>A change with its sign: +1.5, -2, 0.</summary>
    public static string Signed(decimal delta) => delta > 0 ? "+" + ReportText.Number(delta) : ReportText.Number(delta);

    /// <summary>"old → new", or the value alone when it did not change.</summary>
    public static string Change(string old, string @new) => old == @new ? old : $"{old} → {@new}";

    /// <summary>The verdict in words, with the veto noted.</summary>
    public static string Verdict(Verdict verdict, bool vetoed, Language language) =>
        ReportText.Verdict(verdict, language) + (vetoed ? ReportText.Vetoed(language) : "");

    /// <summary>A grade's title in the language, or — when there is none.</summary>
    public static string Grade(Grade? grade, Language language) => grade is null ? "—" : ReportText.Title(grade.Title, language);

    /// <summary>The subject as a heading names it: "name (id)", or the id.</summary>
    public static string Subject(ScoredSubject subject) => subject.Name is null ? subject.Id : $"{subject.Name} ({subject.Id})";

    /// <summary>Sentences that say what does not match between the two results; empty when they are of one system version and one subject.</summary>
    public static IReadOnlyList<string> Mismatches(ResultComparison comparison, Language language)
    {
        var old = comparison.Old;
        var @new = comparison.New;
        var notes = new List<string>();
        if (!comparison.SameSystem)
        {
            notes.Add(ReportText.Pick(language,
                $"两份结果属于不同的指标体系（{old.SystemId} 与 {@new.SystemId}），只比较编号相同的指标。",
                $"The results are of different indicator systems ({old.SystemId} and {@new.SystemId}); only indicators with the same id are compared."));
        }
        else if (!comparison.SameVersion)
        {
            notes.Add(ReportText.Pick(language,
                $"两份结果属于指标体系的不同版本（{old.SystemVersion} 与 {@new.SystemVersion}），只比较编号相同的指标。",
                $"The results are of different versions of the system ({old.SystemVersion} and {@new.SystemVersion}); only indicators with the same id are compared."));
        }

        if (!comparison.SameSubject)
        {
            notes.Add(ReportText.Pick(language,
                $"两份结果属于不同的学校（{Subject(old.Subject)} 与 {Subject(@new.Subject)}）。",
                $"The results are of different subjects ({Subject(old.Subject)} and {Subject(@new.Subject)})."));
        }

        if (comparison.OnlyInOld.Count > 0 || comparison.OnlyInNew.Count > 0)
        {
            notes.Add(ReportText.Pick(language,
                $"仅旧结果有 {comparison.OnlyInOld.Count} 项指标，仅新结果有 {comparison.OnlyInNew.Count} 项，未比较。",
                $"{comparison.OnlyInOld.Count} indicators are only in the old result and {comparison.OnlyInNew.Count} only in the new one; they are not compared."));
        }

        return notes;
    }
}
