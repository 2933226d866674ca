using System.CommandLine;
using IndicatorEngine.Cli.CommandLine;
using IndicatorEngine.Cli.Rendering;

namespace IndicatorEngine.Cli.Commands;

/// <summary>
/// <c>indicator schema [NAME]</c>: prints one of the JSON Schemas the library carries as resources
/// (<c>schema/NAME.schema.json</c>), for an editor or a validator outside the tool.
/// </summary>
internal sealed class SchemaCommand
{
    public const string Summary = "Print a JSON Schema: definition (the default), evidence, result, test-case or batch-line.";

    /// <summary>What the user types, and the resource it names.</summary>
    private static readonly (string Name, string Resource)[] Schemas =
    [
        ("definition", "schema/indicator-system.schema.json"),
        ("evidence", "schema/evidence.schema.json"),
        ("result", "schema/result.schema.json"),
        ("test-case", "schema/test-case.schema.json"),
        ("batch-line", "schema/batch-line.schema.json"),
    ];

    private readonly Argument<string> _name = new("NAME")
    {
        HelpName = "NAME",
        Description = "Which schema: definition, evidence, result, test-case or batch-line.",
        Arity = ArgumentArity.ZeroOrOne,
        DefaultValueFactory = _ => "definition",
    };

    public SchemaCommand()
    {
        var names = Names.ToArray();
        _name.CompletionSources.Add(names);
        _name.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!names.Contains(value, StringComparer.Ordinal))
            {
                var typed = SafeText.Line(value);
                result.AddError($"unknown schema '{typed}'; use {string.Join(", ", names[..^1])} or {names[^1]}{Suggestions.DidYouMean(typed, names)}");
            }
        });
        Command = new Command("schema", Summary) { _name };
        Command.SetAction(Run);
    }

    public Command Command { get; }

    public static IEnumerable<string> Names => Schemas.Select(s => s.Name);

    private int Run(ParseResult parse)
    {
        var name = parse.GetRequiredValue(_name);
        var resource = Schemas.First(s => s.Name == name).Resource;
        using var stream = typeof(IndicatorSystem).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"the schema {resource} is not embedded in the library");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        var output = parse.InvocationConfiguration.Output;
        output.Write(text.EndsWith('\n') ? text : text + "\n");
        output.Flush();
        return ExitCodes.Success;
    }
}
