using Nvf.Gherkin.Xunit;

// The runner's own feature files run under the runner, bound to the classes of Nvf.Gherkin.Tests.Steps only (the
// samples in Nvf.Gherkin.Tests.Samples are for inner runs); reports: artifacts/reports/gherkin-runner.*
[assembly: GherkinFeatures("Features", ReportName = "gherkin-runner", BindingNamespace = "Nvf.Gherkin.Tests.Steps")]
