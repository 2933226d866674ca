using System.Reflection;

namespace IndicatorEngine.Plugins.Tests.PublicApi;

/// <summary>
/// The public API of the packages a plugin author and a host reference is recorded in this folder; a change to
/// it fails here until the recorded file is updated, so that it is seen in review. To accept a change, copy the
/// <c>.received.txt</c> file the failure names over the <c>.approved.txt</c> one.
/// </summary>
public class PublicApiTests
{
    public static TheoryData<string> Packages => ["IndicatorEngine.Abstractions", "IndicatorEngine.DependencyInjection", "IndicatorEngine"];

    [Theory]
    [MemberData(nameof(Packages))]
    public void PublicApi_IsTheRecordedOne(string package)
    {
        var actual = PublicApiText.Of(Assembly.Load(package));
        var folder = Path.Combine(RepoPaths.Root, "tests", "IndicatorEngine.Plugins.Tests", "PublicApi");
        var approved = Path.Combine(folder, $"{package}.approved.txt");
        var received = Path.Combine(folder, $"{package}.received.txt");
        var expected = File.Exists(approved) ? File.ReadAllText(approved).ReplaceLineEndings("\n") : "";
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        Assert.Fail($"The public API of {package} changed. Review {received} and, if the change is meant, copy it over {approved}.");
    }
}
