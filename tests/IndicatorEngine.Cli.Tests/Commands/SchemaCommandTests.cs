using System.Text.Json;

namespace IndicatorEngine.Cli.Tests.Commands;

/// <summary><c>indicator schema</c> prints the schemas embedded in the library, the same as the files in indicators/schema.</summary>
public class SchemaCommandTests
{
    [Theory]
    [InlineData("definition", "indicator-system")]
    [InlineData("evidence", "evidence")]
    [InlineData("result", "result")]
    [InlineData("test-case", "test-case")]
    [InlineData("batch-line", "batch-line")]
    public void Schema_PrintsTheEmbeddedSchema(string name, string file)
    {
        var result = Cli.Run("schema", name);

        Assert.True(result.ExitCode == 0, result.ToString());
        var expected = File.ReadAllText(Path.Combine(RepoPaths.Indicators, "schema", file + ".schema.json"));
        Assert.Equal(expected.ReplaceLineEndings("\n").TrimEnd(), result.Stdout.TrimEnd());
        using var _ = JsonDocument.Parse(result.Stdout);
    }

    [Fact]
    public void Schema_WithoutAName_IsTheDefinitionSchema()
    {
        Assert.Equal(Cli.Run("schema", "definition").Stdout, Cli.Run("schema").Stdout);
    }

    [Fact]
    public void Schema_UnknownName_IsInvalidInput_WithASuggestion()
    {
        var result = Cli.Run("schema", "evidense");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown schema 'evidense'", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("did you mean evidence?", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("henan-higher-vocational")]
    [InlineData("henan-secondary-vocational")]
    [InlineData("national-benchmark-monitoring")]
    public void ShippedDefinition_NamesTheSchemaBesideIt(string system)
    {
        var path = RepoPaths.Definition(system);
        using var json = JsonDocument.Parse(File.ReadAllText(path));

        var schema = json.RootElement.GetProperty("$schema").GetString()!;

        Assert.Equal("./schema/indicator-system.schema.json", schema);
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(path)!, schema)));
        Assert.True(IndicatorSystem.Load(path).Succeeded);
    }
}
