using Nvf.Gherkin.Engine;
using Reqnroll;

namespace Nvf.Gherkin.Bench;

/// <summary>
/// Bindings shaped like the gate's (numbers, percentages, strings, tables), plus 40 decoys so matching
/// scans a registry of realistic size. Each step does one addition: the figures measure the runner.
/// </summary>
[Binding]
public sealed class BenchSteps
{
    public static long Sum;

    [StepArgumentTransformation(@"(-?\d+(?:\.\d+)?\s?%)", Name = "percent")]
    public static double Percent(string text) => double.Parse(text.TrimEnd('%', ' '), System.Globalization.CultureInfo.InvariantCulture) / 100.0;

    [StepArgumentTransformation(@"(\d+(?:\.\d+)?\s?(?:ms|s|min|h))", Name = "duration")]
    public static TimeSpan Duration(string text) => TimeSpan.FromMilliseconds(double.Parse(text.TrimEnd('m', 's', 'i', 'n', 'h', ' '), System.Globalization.CultureInfo.InvariantCulture));

    [Given("a corpus of {int} vectors in {int} dimensions")]
    public void Corpus(int count, int dimension) => Sum += count + dimension;

    [When("the index is searched with nprobe {int}")]
    public void Search(int nprobe) => Sum += nprobe;

    [Then("Top-1 is at least {percent}")]
    public void Top1(double fraction) => Sum += (long)(fraction * 1000);

    [Then("the report names {string}")]
    public void Names(string name) => Sum += name.Length;

    [Then("the metrics are:")]
    public void Metrics(DataTable table) => Sum += table.Rows.Count;

    [Given("decoy step number 1 with {int}")] public void D1(int v) => Sum += v;
    [Given("decoy step number 2 with {int}")] public void D2(int v) => Sum += v;
    [Given("decoy step number 3 with {int}")] public void D3(int v) => Sum += v;
    [Given("decoy step number 4 with {int}")] public void D4(int v) => Sum += v;
    [Given("decoy step number 5 with {int}")] public void D5(int v) => Sum += v;
    [Given("decoy step number 6 with {int}")] public void D6(int v) => Sum += v;
    [Given("decoy step number 7 with {int}")] public void D7(int v) => Sum += v;
    [Given("decoy step number 8 with {int}")] public void D8(int v) => Sum += v;
    [Given("decoy step number 9 with {int}")] public void D9(int v) => Sum += v;
    [Given("decoy step number 10 with {int}")] public void D10(int v) => Sum += v;
    [When("decoy action {word} runs {int} times")] public void W1(string w, int v) => Sum += v + w.Length;
    [When("decoy action {word} waits {duration}")] public void W2(string w, TimeSpan d) => Sum += d.Ticks + w.Length;
    [When("decoy training for {int} epoch(s) at {float}")] public void W3(int e, double lr) => Sum += e + (long)lr;
    [When("decoy reranker {string} is trained")] public void W4(string s) => Sum += s.Length;
    [When("decoy queries drawn with noise {float}")] public void W5(double n) => Sum += (long)n;
    [When("decoy clusters of {int} with spread {float}")] public void W6(int c, double s) => Sum += c + (long)s;
    [When("decoy exact search on {int} queries")] public void W7(int q) => Sum += q;
    [When("decoy flat index built from {string}")] public void W8(string f) => Sum += f.Length;
    [When("decoy IVF index with {int} lists")] public void W9(int l) => Sum += l;
    [When("decoy Qdrant collection {string} is filled")] public void W10(string c) => Sum += c.Length;
    [Then("decoy R@{int} is at least {percent}")] public void T1(int k, double f) => Sum += k + (long)f;
    [Then("decoy mean cosine is at least {float}")] public void T2(double c) => Sum += (long)c;
    [Then("decoy Δ between pos and neg is at least {float}")] public void T3(double d) => Sum += (long)d;
    [Then("decoy the oracle ceiling is reported beside {string}")] public void T4(string s) => Sum += s.Length;
    [Then("decoy pipeline Top-1 is at least {percent}")] public void T5(double f) => Sum += (long)f;
    [Then("decoy cluster-level Top-1 is at least {percent}")] public void T6(double f) => Sum += (long)f;
    [Then("decoy {int} of {int} aligned")] public void T7(int a, int b) => Sum += a + b;
    [Then("decoy the decision is {string}")] public void T8(string d) => Sum += d.Length;
    [Then("decoy GFLOPS is at least {float}")] public void T9(double g) => Sum += (long)g;
    [Then("decoy no tensor leaks after {int} epochs")] public void T10(int e) => Sum += e;
}
