using System.Globalization;
using System.Text;
using System.Xml;
using Nvf.Gherkin.Running;

namespace Nvf.Gherkin.Reports;

/// <summary>
/// Writes JUnit XML as GitLab, Jenkins and Azure DevOps read it: one testsuite per feature, one testcase per
/// scenario (classname the feature, name the scenario, time in seconds, the feature file and line), a failure with the
/// first failing step's message for a scenario that did not pass, and a skipped element with its reason. Every value
/// comes from the run's results, so re-rendering a recorded run gives the same bytes.
/// </summary>
public static class JUnitXmlWriter
{
    /// <summary>The report as an XML document (UTF-8 text).</summary>
    /// <param name="report">The run.</param>
    /// <param name="name">The name of the whole run (the report's file name stem).</param>
    public static string Write(RunReport report, string name)
    {
        ArgumentNullException.ThrowIfNull(report);
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("testsuites");
            WriteCounts(xml, name, report.Results, report.Duration.TotalSeconds, report.StartedAt);
            foreach (var feature in report.Features)
            {
                var results = report.ResultsOf(feature).ToList();
                xml.WriteStartElement("testsuite");
                WriteCounts(xml, feature.Name, results, results.Sum(r => r.Duration.TotalSeconds), results.Min(r => r.StartedAt));
                xml.WriteAttributeString("file", feature.Uri);
                foreach (var result in results)
                    WriteCase(xml, feature.Name, result);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    static void WriteCounts(XmlWriter xml, string name, IReadOnlyCollection<ScenarioResult> results, double seconds, DateTimeOffset startedAt)
    {
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("tests", Count(results.Count));
        xml.WriteAttributeString("failures", Count(results.Count(r => r.Status is not (StepStatus.Passed or StepStatus.Skipped))));
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("skipped", Count(results.Count(r => r.Status == StepStatus.Skipped)));
        xml.WriteAttributeString("time", Seconds(seconds));
        xml.WriteAttributeString("timestamp", startedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
    }

    static void WriteCase(XmlWriter xml, string feature, ScenarioResult result)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("classname", feature);
        xml.WriteAttributeString("name", result.Scenario.Title);
        xml.WriteAttributeString("time", Seconds(result.Duration.TotalSeconds));
        xml.WriteAttributeString("file", result.Scenario.Feature.Uri);
        xml.WriteAttributeString("line", Count(result.Scenario.Line));
        switch (result.Status)
        {
            case StepStatus.Passed:
                break;
            case StepStatus.Skipped:
                xml.WriteStartElement("skipped");
                xml.WriteAttributeString("message", Clean(result.SkipReason ?? "skipped"));
                xml.WriteEndElement();
                break;
            default:
                var error = Clean(result.FailureMessage);
                xml.WriteStartElement("failure");
                xml.WriteAttributeString("message", Clean(Summary(result)));
                xml.WriteAttributeString("type", StatusText.Name(result.Status));
                xml.WriteString(error);
                xml.WriteEndElement();
                break;
        }

        xml.WriteEndElement();
    }

    // "Then oracle R@5 is 100%: oracle R@5 is 77.4%, expected 100%: ...": the step and the first line of its error.
    static string Summary(ScenarioResult result)
    {
        var (where, full) = result.Problems.FirstOrDefault();
        var error = full?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
        return where is null ? StatusText.Name(result.Status) : $"{where}: {error ?? StatusText.Name(result.Status)}";
    }

    static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    static string Seconds(double s) => s.ToString("F3", CultureInfo.InvariantCulture);

    // XML 1.0 cannot carry most control characters, which an exception message may hold.
    static string Clean(string text) => new(text.Where(c => c is '\t' or '\n' or '\r' || !char.IsControl(c)).ToArray());
}
