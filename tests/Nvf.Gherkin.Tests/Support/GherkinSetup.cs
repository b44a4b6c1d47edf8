using Nvf.Gherkin.Xunit;

// The runner's own feature files run under the runner; reports: artifacts/reports/gherkin-runner.*
[assembly: GherkinFeatures("Features", ReportName = "gherkin-runner")]
