using IndicatorEngine.Cli.CommandLine;

namespace IndicatorEngine.Cli.Tests.CommandLine;

public class SuggestionsTests
{
    private static readonly string[] Ids = ["henan-higher-vocational", "henan-secondary-vocational", "national-benchmark-monitoring"];

    [Theory]
    [InlineData("henan-higher-vocatonal", "henan-higher-vocational")] // a letter left out
    [InlineData("henan-hgiher-vocational", "henan-higher-vocational")] // two letters swapped
    [InlineData("Henan-Higher-Vocational", "henan-higher-vocational")] // case
    [InlineData("national", "national-benchmark-monitoring")] // the start of an id
    [InlineData("henan-secondary", "henan-secondary-vocational")]
    public void Nearest_FindsTheIntendedId(string typed, string expected)
    {
        Assert.Equal([expected], Suggestions.Nearest(typed, Ids));
    }

    [Theory]
    [InlineData("kindergarten")]
    [InlineData("x")]
    [InlineData("indicators/henan.json")]
    public void Nearest_IsEmpty_WhenNothingIsClose(string typed)
    {
        Assert.Empty(Suggestions.Nearest(typed, Ids));
    }

    [Fact]
    public void Nearest_ListsTies()
    {
        Assert.Equal(["henan-higher-vocational", "henan-secondary-vocational"], Suggestions.Nearest("henan", Ids));
    }

    [Theory]
    [InlineData("--fromat", "--format")]
    [InlineData("--veiw", "--view")]
    [InlineData("scor", "score")]
    [InlineData("valdiate", "validate")]
    [InlineData("jsno", "json")]
    public void Nearest_FindsCommandsOptionsAndValues(string typed, string expected)
    {
        Assert.Equal([expected], Suggestions.Nearest(typed, ["--format", "-f", "--view", "--out", "score", "validate", "json", "table"]));
    }

    [Fact]
    public void DidYouMean_ReadsAsASentence()
    {
        Assert.Equal("; did you mean henan-higher-vocational?", Suggestions.DidYouMean("henan-higher-vocatonal", Ids));
        Assert.Equal("", Suggestions.DidYouMean("kindergarten", Ids));
    }

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("abc", "abc", 0)]
    [InlineData("abc", "acb", 1)]
    [InlineData("kitten", "sitting", 3)]
    public void Distance(string a, string b, int expected)
    {
        Assert.Equal(expected, Suggestions.Distance(a, b));
    }
}
