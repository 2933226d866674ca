using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace IndicatorEngine.Plugins.Tests.Loading;

/// <summary>
/// Compiles small plugin assemblies in memory and writes them to disk, so that the folder loader can be shown
/// plugins that are broken in each of the ways real ones are.
/// </summary>
internal static class PluginCompiler
{
    /// <summary>The host's IndicatorEngine.Abstractions, the contract a real plugin is built against.</summary>
    public static MetadataReference Contract { get; } = MetadataReference.CreateFromFile(typeof(IScorer).Assembly.Location);

    private static readonly MetadataReference[] Framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
        .Split(Path.PathSeparator)
        .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
        .Select(p => MetadataReference.CreateFromFile(p))
        .ToArray();

    /// <summary>A scorer class named <paramref name="type"/> whose name is <paramref name="scorer"/> and which gives full points.</summary>
    public static string Scorer(string type, string scorer, string extra = "") => $$"""
        using IndicatorEngine;
        public sealed class {{type}} : Scorer<object>
        {
            {{extra}}
            public override string Name => "{{scorer}}";
            protected override object? Compile(ScorerSetup setup) => new object();
            protected override ScoreOutcome Score(EvidenceView evidence, object settings, decimal max) => new(max, ScoreStatus.Scored, "{{type}} from " + typeof({{type}}).Assembly.GetName().Name);
        }
        """;

    /// <summary>The errors compiling <paramref name="source"/> against everything the test host can load.</summary>
    public static IEnumerable<string> Errors(string source)
    {
        var everything = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create(
            "Snippets",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            everything,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        return compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).Select(d => d.ToString());
    }

    /// <summary>Compiles <paramref name="source"/> into <c>{directory}/{name}.dll</c>; references the host's contract unless told otherwise.</summary>
    public static string Build(string directory, string name, string source, params MetadataReference[] references)
    {
        Directory.CreateDirectory(directory);
        var compilation = CSharpCompilation.Create(
            name,
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            [.. Framework, .. references.Length == 0 ? [Contract] : references],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var path = Path.Combine(directory, name + ".dll");
        using (var file = File.Create(path))
        {
            var result = compilation.Emit(file);
            Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)));
        }

        return path;
    }
}
