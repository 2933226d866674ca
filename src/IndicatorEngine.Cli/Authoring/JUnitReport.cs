using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using IndicatorEngine.Cli.Rendering;

namespace IndicatorEngine.Cli.Authoring;

/// <summary>
/// Test outcomes as JUnit XML, the report format CI systems read (Jenkins, GitLab, GitHub Actions' reporters):
/// one <c>testsuite</c> per system, a <c>testcase</c> per case, a <c>failure</c> for unmet expectations and an
/// <c>error</c> for a case that could not be run. No times: nothing here measures the clock.
/// </summary>
internal static class JUnitReport
{
    /// <summary>Writes the report as UTF-8 without a byte order mark, which some readers choke on.</summary>
    public static void Write(string path, string systemId, IReadOnlyList<TestOutcome> outcomes)
    {
        using var stream = File.Create(path);
        using var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true });
        Build(systemId, outcomes).Save(writer);
    }

    public static XDocument Build(string systemId, IReadOnlyList<TestOutcome> outcomes)
    {
        var failures = outcomes.Count(o => !o.Passed && !o.Unusable).ToString(CultureInfo.InvariantCulture);
        var errors = outcomes.Count(o => o.Unusable).ToString(CultureInfo.InvariantCulture);
        var tests = outcomes.Count.ToString(CultureInfo.InvariantCulture);
        var suite = new XElement("testsuite",
            new XAttribute("name", systemId),
            new XAttribute("tests", tests),
            new XAttribute("failures", failures),
            new XAttribute("errors", errors),
            new XAttribute("skipped", "0"),
            outcomes.Select(o => Case(systemId, o)));
        return new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement("testsuites",
                new XAttribute("name", "indicator test"),
                new XAttribute("tests", tests),
                new XAttribute("failures", failures),
                new XAttribute("errors", errors),
                suite));
    }

    private static XElement Case(string systemId, TestOutcome outcome)
    {
        var element = new XElement("testcase",
            new XAttribute("classname", systemId),
            new XAttribute("name", Xml(outcome.Name)),
            new XAttribute("file", Xml(outcome.File)));
        if (outcome.Unusable)
        {
            element.Add(new XElement("error",
                new XAttribute("type", "unusable-case"),
                new XAttribute("message", Xml(outcome.Problems[0].Message)),
                Xml(string.Join("\n", outcome.Problems))));
        }
        else if (!outcome.Passed)
        {
            element.Add(new XElement("failure",
                new XAttribute("type", "expectation"),
                new XAttribute("message", Xml(outcome.Differences[0].ToString())),
                Xml(string.Join("\n", outcome.Differences))));
        }

        return element;
    }

    /// <summary>
    /// XML 1.0 cannot carry most control characters, even escaped, nor a lone surrogate: each line made safe as the
    /// terminal output is (<c>\u001B</c>, U+FFFD).
    /// </summary>
    private static string Xml(object text) =>
        SafeText.Document(text.ToString() ?? "");
}
