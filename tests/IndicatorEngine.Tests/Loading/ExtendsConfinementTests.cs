
namespace IndicatorEngine.Tests.Loading;

/// <summary>
/// An overlay's <c>extends</c> reads only inside the overlay's own folder (subfolders included) or inside a root
/// the host allows (<see cref="LoadOptions.AllowedRoots"/>), after symbolic links and <c>..</c> are resolved; a
/// base elsewhere is IE113 at /extends, and nothing of it is read, so no diagnostic can show its content.
/// </summary>
public class ExtendsConfinementTests
{
    // A base whose schema errors would name its property and value, if it were ever read.
    private const string SecretBase = """{ "id": "secret", "version": "1", "title": { "zh": "秘密" }, "points": 1, "rootPasswordHash": "hunter2-hash" }""";

    private static string Overlay(string extends) =>
        $$"""{ "id": "mini-secondary", "version": "2", "title": { "zh": "中职" }, "extends": {{System.Text.Json.JsonSerializer.Serialize(extends)}} }""";

    private static Diagnostic SingleOutside(LoadResult<IndicatorSystem> result, string overlay)
    {
        Assert.False(result.Succeeded);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.OverlayOutsideAllowedFolders, DiagnosticSeverity.Error, overlay, "/extends"), (d.Code, d.Severity, d.File, d.Pointer));
        Assert.Equal(1, d.Line);
        Assert.Contains("outside the folders this definition may extend from, so it is not read", d.Message);
        Assert.Contains("LoadOptions.AllowedRoots", d.Message);
        Assert.DoesNotContain("rootPasswordHash", d.Message);
        Assert.DoesNotContain("hunter2", d.Message);
        return d;
    }

    [Fact]
    public void ParentFolder_IsIE113_AndTheBaseIsNotRead()
    {
        using var files = new TempFolder();
        files.Write("secret.json", SecretBase);
        Directory.CreateDirectory(Path.Combine(files.Path, "overlays"));
        var overlay = files.Write(Path.Combine("overlays", "overlay.json"), Overlay("../secret.json"));

        var d = SingleOutside(IndicatorSystem.Load(overlay), overlay);
        Assert.Contains("'../secret.json'", d.Message);
        Assert.Contains(Path.Combine(files.Path, "overlays"), d.Message);
    }

    [Fact]
    public void AbsolutePathOutside_IsIE113()
    {
        using var files = new TempFolder();
        using var elsewhere = new TempFolder();
        var secret = elsewhere.Write("secret.json", SecretBase);
        var overlay = files.Write("overlay.json", Overlay(secret));

        SingleOutside(IndicatorSystem.Load(overlay), overlay);
    }

    [Fact]
    public void AbsolutePathToASystemFile_IsIE113_WithoutEchoingIt()
    {
        using var files = new TempFolder();
        var overlay = files.Write("overlay.json", Overlay("/etc/passwd"));

        var d = SingleOutside(IndicatorSystem.Load(overlay), overlay);
        Assert.DoesNotContain("root:", d.Message);
    }

    [Fact]
    public void DotDotThatComesBackInside_IsAllowed()
    {
        using var files = new TempFolder();
        files.Write("mini.json", MiniSystem.Text);
        Directory.CreateDirectory(Path.Combine(files.Path, "sub"));
        var overlay = files.Write("overlay.json", Overlay("sub/../mini.json"));

        var result = IndicatorSystem.Load(overlay);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void Subfolder_IsAllowed()
    {
        using var files = new TempFolder();
        Directory.CreateDirectory(Path.Combine(files.Path, "base"));
        files.Write(Path.Combine("base", "mini.json"), MiniSystem.Text);
        var overlay = files.Write("overlay.json", Overlay("base/mini.json"));

        var result = IndicatorSystem.Load(overlay);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal("mini-secondary", result.Value!.Id);
    }

    [Fact]
    public void SymbolicLinkInsideThatPointsOutside_IsIE113()
    {
        using var files = new TempFolder();
        using var elsewhere = new TempFolder();
        var secret = elsewhere.Write("secret.json", SecretBase);
        File.CreateSymbolicLink(Path.Combine(files.Path, "base.json"), secret);
        var overlay = files.Write("overlay.json", Overlay("base.json"));

        SingleOutside(IndicatorSystem.Load(overlay), overlay);
    }

    [Fact]
    public void LinkedFolderInsideThatPointsOutside_IsIE113()
    {
        using var files = new TempFolder();
        using var elsewhere = new TempFolder();
        elsewhere.Write("secret.json", SecretBase);
        Directory.CreateSymbolicLink(Path.Combine(files.Path, "shared"), elsewhere.Path);
        var overlay = files.Write("overlay.json", Overlay("shared/secret.json"));

        SingleOutside(IndicatorSystem.Load(overlay), overlay);
    }

    [Fact]
    public void SymbolicLinkInsideThatStaysInside_IsAllowed()
    {
        using var files = new TempFolder();
        Directory.CreateDirectory(Path.Combine(files.Path, "real"));
        files.Write(Path.Combine("real", "mini.json"), MiniSystem.Text);
        File.CreateSymbolicLink(Path.Combine(files.Path, "base.json"), Path.Combine("real", "mini.json"));
        var overlay = files.Write("overlay.json", Overlay("base.json"));

        var result = IndicatorSystem.Load(overlay);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void ParentFolder_IsAllowed_WhenTheHostAllowsIt()
    {
        using var files = new TempFolder();
        files.Write("mini.json", MiniSystem.Text);
        Directory.CreateDirectory(Path.Combine(files.Path, "overlays"));
        var overlay = files.Write(Path.Combine("overlays", "overlay.json"), Overlay("../mini.json"));

        var result = IndicatorSystem.Load(overlay, new LoadOptions { AllowedRoots = { files.Path } });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(10m, result.Value!.Points);
    }

    [Fact]
    public void AbsolutePath_IsAllowed_WhenTheHostAllowsItsFolder_AndTheMessageNamesTheRoots_WhenItDoesNot()
    {
        using var files = new TempFolder();
        using var shared = new TempFolder();
        using var other = new TempFolder();
        var mini = shared.Write("mini.json", MiniSystem.Text);
        var overlay = files.Write("overlay.json", Overlay(mini));

        Assert.True(IndicatorSystem.Load(overlay, new LoadOptions { AllowedRoots = { shared.Path } }).Succeeded);
        var d = SingleOutside(IndicatorSystem.Load(overlay, new LoadOptions { AllowedRoots = { other.Path } }), overlay);
        Assert.Contains(other.Path, d.Message);
    }

    [Fact]
    public void AllowedRoot_ThatIsAPrefixOfAnotherFolder_DoesNotAllowThatFolder()
    {
        using var files = new TempFolder();
        var sibling = files.Path + "-sibling";
        Directory.CreateDirectory(sibling);
        try
        {
            File.WriteAllText(Path.Combine(sibling, "mini.json"), MiniSystem.Text);
            Directory.CreateDirectory(Path.Combine(files.Path, "o"));
            var overlay = files.Write(Path.Combine("o", "overlay.json"), Overlay(Path.Combine(sibling, "mini.json")));

            SingleOutside(IndicatorSystem.Load(overlay, new LoadOptions { AllowedRoots = { files.Path } }), overlay);
        }
        finally
        {
            Directory.Delete(sibling, recursive: true);
        }
    }

    [Fact]
    public void BaseOfABase_IsHeldToItsOwnFolder()
    {
        // shared/middle.json (allowed by the host) extends ../secret.json: outside middle.json's folder and every root.
        using var files = new TempFolder();
        using var shared = new TempFolder();
        shared.Write("middle.json", """{ "id": "middle", "version": "1", "title": { "zh": "中" }, "extends": "../secret.json" }""");
        var overlay = files.Write("overlay.json", Overlay(Path.Combine(shared.Path, "middle.json")));

        var result = IndicatorSystem.Load(overlay, new LoadOptions { AllowedRoots = { shared.Path } });
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.OverlayOutsideAllowedFolders, Path.Combine(shared.Path, "middle.json")), (d.Code, d.File));
    }
}
