
namespace IndicatorEngine.Rules;

/// <summary>
/// A plugin rule compiled: the scorer, the settings its Compile returned and the slots it declared. The scorer
/// reads the subject's slots themselves through an <see cref="EvidenceView"/>; what it returns is checked here.
/// </summary>
internal sealed class PluginScorer(string name, IScorer scorer, object? settings, int[] slots, string indicatorId, ScorerRegistry? registry) : RuleScorer
{
    public override int[] Reads => slots;

    public override ScoreOutcome Score(ReadOnlySpan<EvidenceValue> values, decimal max, ExplainLanguage language)
    {
        ScoreOutcome outcome;
        try
        {
            outcome = scorer.Score(new EvidenceView(values), settings, max);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Reported once, when the point is scored; explaining it later scores it again and fails the same way.
            if (language == ExplainLanguage.None)
            {
                registry?.ReportFailure(name, indicatorId, whileCompiling: false, e);
            }

            return ScoreOutcome.Failed(language switch
            {
                ExplainLanguage.None => null,
                ExplainLanguage.Chinese => $"评分插件 '{name}' 执行失败：{e.GetType().Name}: {OneLine(e.Message)}",
                _ => $"scorer '{name}' failed: {e.GetType().Name}: {OneLine(e.Message)}",
            });
        }

        // A plugin is trusted code, but what it returns is checked: a status it cannot mean fails the point, and a
        // point that did not score (error, missing evidence, not applicable) earns nothing whatever it said.
        var status = outcome.Status;
        if (!Enum.IsDefined(status))
        {
            return ScoreOutcome.Failed(language switch
            {
                ExplainLanguage.None => null,
                ExplainLanguage.Chinese => $"评分插件 '{name}' 返回了未知状态 ({(int)status})",
                _ => $"scorer '{name}' returned an unknown status ({(int)status})",
            });
        }

        var score = status is ScoreStatus.Scored or ScoreStatus.Partial ? outcome.Score : 0m;
        if (language == ExplainLanguage.None)
        {
            return new ScoreOutcome(score, status, default);
        }

        string explanation;
        try
        {
            explanation = outcome.Explanation.ToString();
        }
        catch (FormatException e)
        {
            explanation = Text.Pick(language, $"评分插件 '{name}' 给出的说明无法格式化：{OneLine(e.Message)}", $"scorer '{name}' gave an explanation that cannot be formatted: {OneLine(e.Message)}");
        }

        if (score >= 0m && score <= max && explanation.Length > 0 && explanation.AsSpan().IndexOfAny('\r', '\n') < 0)
        {
            return new ScoreOutcome(score, status, explanation);
        }

        // The evaluator clamps and warns (IE301); the explanation says whose score it was.
        explanation = explanation.Length == 0 ? Text.Pick(language, $"由评分插件 '{name}' 评分", $"scored by '{name}'") : OneLine(explanation);
        if (score < 0m || score > max)
        {
            explanation += Text.Pick(language,
                $" [评分插件 '{name}' 给出 {Text.Num(score)}，超出 0 至 {Text.Short(max)}：已截取]",
                $" [scorer '{name}' gave {Text.Num(score)}, outside 0 to {Text.Short(max)}: clamped]");
        }

        return new ScoreOutcome(score, status, explanation);
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
