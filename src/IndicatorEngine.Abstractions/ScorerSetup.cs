using System.Text.Json;
using System.Text.Json.Serialization;

namespace IndicatorEngine;

/// <summary>
/// What a scorer is given while it compiles one rule (see <see cref="IScorer.Compile"/>): the rule's options,
/// the observation point it scores, a way to declare the evidence it reads, and a place to report problems.
/// </summary>
/// <remarks>
/// <para>
/// Pointers are JSON Pointers (RFC 6901) relative to the rule's <c>options</c> object: <c>""</c> is the object
/// itself, <c>"/campuses/0/coverage"</c> a value inside it. The engine turns them into the file, line and column
/// the author has to change.
/// </para>
/// <para>
/// Only the engine creates setups. A setup is used by one thread, for one call of <see cref="IScorer.Compile"/>;
/// do not keep it.
/// </para>
/// </remarks>
public abstract class ScorerSetup
{
    private static readonly JsonSerializerOptions BindingOptions = new(JsonSerializerDefaults.General)
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    internal ScorerSetup()
    {
    }

    /// <summary>Id of the observation point the rule scores, e.g. <c>net.wifi</c>.</summary>
    public abstract string IndicatorId { get; }

    /// <summary>The observation point's points: the most <see cref="IScorer.Score"/> may give.</summary>
    public abstract decimal MaxPoints { get; }

    /// <summary>The rule's <c>label</c>, or null when it has none.</summary>
    public abstract string? Label { get; }

    /// <summary>The rule's <c>options</c> object; an empty object when the rule has none.</summary>
    public abstract JsonElement Options { get; }

    /// <summary>Whether an error has been reported for this rule, by the scorer or by <see cref="Read"/>.</summary>
    public abstract bool HasErrors { get; }

    /// <summary>
    /// Declares that the rule reads an evidence key and returns its slot. The key must be declared in the
    /// system's evidence catalogue (IE104 otherwise) with a type that fits <paramref name="expected"/> (IE110
    /// otherwise); when the subject leaves it out, the scorecard lists it as missing evidence. Reading the same
    /// key twice returns the same slot.
    /// </summary>
    /// <param name="key">The evidence key, usually taken from the options.</param>
    /// <param name="pointer">Where in the options the key was written, for the diagnostic, e.g. <c>"/campuses/0/coverage"</c>.</param>
    /// <param name="expected">The kind of value the scorer will read.</param>
    /// <returns>The slot. After a reported problem it is still a slot, so that compiling can go on and report every problem at once; the definition will not load.</returns>
    public abstract EvidenceSlot Read(string key, string pointer, ExpectedEvidence expected = ExpectedEvidence.Any);

    /// <summary>Reports a problem with the options; the definition will not load (IE110).</summary>
    /// <param name="pointer">The offending value, relative to the options, e.g. <c>"/target"</c>.</param>
    /// <param name="message">What is wrong and how to fix it, in one sentence.</param>
    public abstract void Error(string pointer, string message);

    /// <summary>Reports something that is probably a mistake but does not stop the definition from loading.</summary>
    /// <param name="pointer">The value concerned, relative to the options.</param>
    /// <param name="message">What looks wrong.</param>
    public abstract void Warning(string pointer, string message);

    /// <summary>
    /// Binds the options to a plain class with System.Text.Json: camelCase names, unknown properties and
    /// missing <c>required</c> members rejected, nullable annotations respected. A problem is reported as an
    /// error at the offending property.
    /// </summary>
    /// <typeparam name="T">The options class.</typeparam>
    /// <returns>The options, or null when they do not fit (an error has then been reported).</returns>
    public T? BindOptions<T>()
        where T : class
    {
        try
        {
            var options = Options.Deserialize<T>(BindingOptions);
            if (options is null)
            {
                Error("", "the options must be an object");
            }

            return options;
        }
        catch (JsonException e)
        {
            Error(PointerOf(e.Path), $"the options do not fit: {Describe(e)}");
            return null;
        }
    }

    /// <summary>Converts a System.Text.Json path (<c>$.campuses[0].coverage</c>) to a JSON Pointer.</summary>
    private static string PointerOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "";
        }

        var pointer = new System.Text.StringBuilder();
        foreach (var part in path.TrimStart('$').Split(['.', '['], StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = part.TrimEnd(']').Trim('\'');
            pointer.Append('/').Append(segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
        }

        return pointer.ToString();
    }

    /// <summary>The exception's message without the path and position System.Text.Json appends.</summary>
    private static string Describe(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return cut < 0 ? message : message[..cut];
    }
}
