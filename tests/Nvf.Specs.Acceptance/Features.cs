using Nvf.Gherkin.Xunit;

// Every scenario under features/ is an xunit test of this assembly, bound by the [Binding] classes of Nvf.Specs.Steps;
// reports go to artifacts/reports/acceptance.* (or $NVF_REPORT_DIR), and the steps' run recorder keeps the run's record.
[assembly: GherkinFeatures("features", ReportName = "acceptance", BindingAssembly = "Nvf.Specs.Steps")]
