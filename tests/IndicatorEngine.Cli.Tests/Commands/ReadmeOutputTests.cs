namespace IndicatorEngine.Cli.Tests.Commands;

/// <summary>The example output the README shows for explain and gap is what the commands print (a line cut short with … is matched up to the …).</summary>
public sealed class ReadmeOutputTests
{
    [Theory]
    [InlineData("$ indicator explain ")]
    [InlineData("$ indicator gap ")]
    public void ReadmeExample_IsWhatTheCommandPrints(string prompt)
    {
        var readme = File.ReadAllLines(Path.Combine(RepoPaths.Root, "README.md"));
        var start = Array.FindIndex(readme, l => l.TrimStart().StartsWith(prompt, StringComparison.Ordinal));
        Assert.True(start >= 0, $"the README has no example starting '{prompt}'");
        var args = readme[start].Trim()["$ indicator ".Length..].Split(' ');
        var shown = readme.Skip(start + 1).TakeWhile(l => !l.TrimStart().StartsWith("```", StringComparison.Ordinal)).Select(l => l.Trim()).ToList();

        var result = Cli.Run([.. args.Select(a => a.StartsWith("indicators/", StringComparison.Ordinal) ? Path.Combine(RepoPaths.Root, a) : a)]);

        Assert.Equal(0, result.ExitCode);
        Assert.NotEmpty(shown);
        foreach (var line in shown.Where(l => l != "…"))
        {
            var expected = line.Contains('…', StringComparison.Ordinal) ? line[..line.IndexOf('…', StringComparison.Ordinal)] : line;
            Assert.Contains(expected, result.Stdout, StringComparison.Ordinal);
        }
    }
}
