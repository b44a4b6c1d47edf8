using FluentAssertions;
using Nvf.Core.RealData;
using Nvf.Gherkin.Running;
using Nvf.Specs.Steps.InfoNce;
using Nvf.Specs.Steps.Support;
using Reqnroll;

namespace Nvf.Specs.Steps.Real;

/// <summary>
/// Steps of python_docs_infonce.feature: the Pure InfoNCE checks on a real payload written in the researcher's file
/// layout; the plumbing and predictions steps of the InfoNCE features then run on those files unchanged.
/// </summary>
[Binding]
public sealed class DocumentationSteps(InfoNceContext context)
{
    string? predictions;

    [Given("the Python 3.11 documentation embedded by all-MiniLM-L6-v2 in articles and chunks as the real-data config {string} says")]
    public void GivenTheDocumentation(string configFile)
    {
        var config = DocumentationTask.LoadConfig(configFile);
        var (files, contextMean, lines) = DocumentationTask.Prepare(config, context.Scenario.StatusProgress());
        context.OpenFiles(configFile, $"real text: {string.Join(" + ", config.Folders)} ({config.Name})", files, config.Retrieval, config.ContextLength);
        context.Metrics.Namespace = "real.python_docs";
        predictions = contextMean;
        context.Scenario.AttachText("Real payload", string.Join(Environment.NewLine, [.. lines, context.Session.Data.Source]));
    }

    [Given("the predictions of the context-mean predictor \\(the normalized mean of the {int} context chunks; nothing learned)")]
    public void GivenTheContextMean(int chunks)
    {
        context.Session.Data.Eval.ContextLength.Should().Be(chunks, "the feature names the context length of the eval set");
        context.PredictionsFile = predictions ?? throw new InvalidOperationException("No real payload; expected the Background's documentation step first.");
        context.Scenario.AttachText("Predictions file", $"{context.PredictionsFile}: the normalized mean of each eval sample's {chunks} context chunks (an honest baseline: nothing learned)");
    }

    [Then("the split is clean: no eval article is also a training article")]
    public void ThenTheSplitIsClean()
    {
        var split = context.Session.Data.Split ?? throw new InvalidOperationException("the real payload is written with a training set; expected a split");
        CheckFailedException.Unless(split.LeakedArticles.Length == 0,
            $"{split.LeakedArticles.Length} of {split.EvalArticles.Length} eval articles are also training articles: the split written for the real payload leaks");
    }
}
