
namespace IndicatorEngine.Tests;

public class SmokeTests
{
    [Theory]
    [InlineData("henan-higher-vocational")]
    [InlineData("henan-secondary-vocational")]
    [InlineData("national-benchmark-monitoring")]
    public void ShippedSystem_LoadsWithoutErrors(string id)
    {
        var result = IndicatorSystem.Load(RepoPaths.Definition(id));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
    }
}
