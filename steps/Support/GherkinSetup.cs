using Nvf.Gherkin.Xunit;

// Every scenario under features/ is an xunit test of this assembly; reports go to artifacts/reports/acceptance.*
// (or $NVF_REPORT_DIR). Step classes marked [Binding] anywhere in this project are found by the runner.
[assembly: GherkinFeatures("features", ReportName = "acceptance")]
