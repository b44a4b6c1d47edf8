using System.Text.RegularExpressions;
using Nvf.Core.History;

namespace Nvf.Core.Metrics;

/// <summary>
/// One family of metric names: a template whose {placeholders} stand for the parts a run fills in (a model, a
/// config, a store), what kind of figure it is, which way is better, its unit and the check of the research notes it
/// measures. Baselines, trends and the regression check key figures by these names.
/// </summary>
/// <param name="Template">The name with placeholders, e.g. "infonce.{run}.r_at_5" (see <see cref="MetricCatalog.Placeholders"/>).</param>
/// <param name="Kind">How a baseline compares it.</param>
/// <param name="Direction">Which way is better.</param>
/// <param name="Unit">Its unit ("" for a fraction or a plain number).</param>
/// <param name="Measures">The check it measures, in the notes' words.</param>
public sealed record MetricFamily(string Template, MetricKind Kind, MetricDirection Direction, string Unit, string Measures)
{
    /// <summary>The template as an anchored pattern.</summary>
    public Regex Pattern { get; } = new("^" + Regex.Replace(Regex.Escape(Template), @"\\\{([a-z_]+)}", m => "(?:" + MetricCatalog.Placeholders[m.Groups[1].Value] + ")") + "$",
        RegexOptions.CultureInvariant);
}

/// <summary>
/// Every metric name the gate records, defined once: <see cref="MetricCatalog.Find"/> gives the family of a name; the
/// steps record through it and refuse a name that is not here or a figure whose kind, direction or unit differs from
/// its family (steps/Support/CataloguedMetrics.cs). `MetricCatalogTests` checks the committed baseline against it.
/// </summary>
public static class MetricCatalog
{
    private const MetricKind Criterion = MetricKind.Criterion, Diagnostic = MetricKind.Diagnostic, Timing = MetricKind.Timing, Count = MetricKind.Count;
    private const MetricDirection Higher = MetricDirection.HigherIsBetter, Lower = MetricDirection.LowerIsBetter;

    /// <summary>What each placeholder of a template may stand for.</summary>
    public static IReadOnlyDictionary<string, string> Placeholders { get; } = new Dictionary<string, string>
    {
        // An InfoNCE model run: encoder, objective and, for the shuffled-target control, ".shuffled".
        ["run"] = @"(attention|mlp)\.(pure_infonce|v1_split|two_tower)(\.shuffled)?",
        ["config"] = "generated|shuffled|stale_index",
        ["plumbing"] = @"infonce|infonce\.qdrant|real\.[a-z0-9_]+",
        ["predictions"] = @"infonce\.predictions|real\.[a-z0-9_]+\.predictions",
        ["k"] = "[0-9]+",
        // What an NVF scenario built: soft attention (with the seed's loss), a reranker design, a clustered corpus at a
        // spread, the noisy-source queries, joint fine-tuning, the gate's models as files, a researcher's model files.
        ["case"] = @"soft_attention(\.seed_loss)?|reranker\.[a-z_]+|clustered\.[0-9]+_[0-9]+|oracle\.noisy_source|joint|model_files|researcher",
        ["relaxation"] = "gumbel_softmax|straight_through",
        ["store"] = "[a-z0-9_-]+",
        ["similarity"] = "Cosine|Euclidean|InnerProduct",
        ["corpus"] = "[a-z0-9_]+",
    };

    /// <summary>The families, grouped as the notes' checks are.</summary>
    public static IReadOnlyList<MetricFamily> Families { get; } =
    [
        // Pure InfoNCE plumbing (generated, a researcher's files, a real corpus, through a Qdrant collection).
        new("{plumbing}.oracle.r_at_1", Criterion, Higher, "", "oracle recall R@1, an identical copy first counting as the vector itself"),
        new("{plumbing}.oracle.r_at_5", Criterion, Higher, "", "oracle recall R@5 (the seed: 100%)"),
        new("{plumbing}.oracle.r_at_50", Criterion, Higher, "", "oracle recall R@50 (the seed: 100%)"),
        new("{plumbing}.oracle.own_id_r_at_1", Criterion, Higher, "", "oracle recall R@1 by own id only (the seed observed 95.2%)"),
        new("{plumbing}.oracle.faults", Count, Lower, "", "oracle queries that lost rank 1 to a different vector (the gate's own cut)"),
        new("{plumbing}.norm.max_deviation", Diagnostic, Lower, "", "largest |norm - 1| of the payload (normalization)"),
        new("{plumbing}.alignment.aligned", Criterion, Higher, "", "share of eval targets with cosine > 0.999 to payload[truth_key]"),
        new("{plumbing}.alignment.min_cosine", Diagnostic, Higher, "", "smallest cosine of an eval target with its payload row"),
        new("{plumbing}.leakage", Criterion, Lower, "", "share of eval articles also trained on (reported, never required)"),
        new("{plumbing}.control.ids_shifted.oracle_r_at_1", Criterion, Lower, "", "negative control: oracle R@1 with ids shifted by one"),
        new("{plumbing}.control.scaled_ip.oracle_r_at_1", Criterion, Lower, "", "negative control: oracle R@1 with the wrong metric on unnormalized vectors"),
        new("{plumbing}.control.scaled_norms.max_norm_deviation", Diagnostic, Higher, "", "negative control: the unnormalized payload's largest |norm - 1|"),
        new("{plumbing}.control.keys_shifted.aligned", Criterion, Lower, "", "negative control: alignment with every chunk index off by one"),
        new("infonce.qdrant.rows_differing_from_payload", Count, Lower, "", "collection points whose vector differs from their payload row"),
        new("infonce.summary.rows_passing", Count, Higher, "", "rows of the seed's summary table that pass"),

        // Pure InfoNCE training, separation, retrieval and the decision tree.
        new("infonce.{run}.delta", Criterion, Higher, "", "pos/neg separation: mean positive minus mean negative cosine"),
        new("infonce.{run}.auc", Criterion, Higher, "", "pos/neg separation as the AUC of positive over negative cosines"),
        new("infonce.{run}.r_at_5", Criterion, Higher, "", "R@5 through IVF nprobe 64"),
        new("infonce.{run}.contain_at_50", Criterion, Higher, "", "Contain@50 through IVF nprobe 64"),
        new("infonce.{run}.epoch_cpu_seconds", Timing, Lower, "s", "CPU time of one training epoch"),
        new("infonce.auto_eval.{config}.{run}.delta", Criterion, Higher, "", "the auto-evaluation's separation delta"),
        new("infonce.auto_eval.{config}.{run}.auc", Criterion, Higher, "", "the auto-evaluation's separation AUC"),
        new("infonce.auto_eval.{config}.{run}.r_at_5", Criterion, Higher, "", "the auto-evaluation's R@5"),
        new("infonce.auto_eval.{config}.{run}.contain_at_50", Criterion, Higher, "", "the auto-evaluation's Contain@50"),
        new("infonce.auto_eval.{config}.{run}.epoch_cpu_seconds", Timing, Lower, "s", "CPU time of one epoch in the auto-evaluation"),
        new("infonce.auto_eval.{config}.{run}.recheck.delta", Criterion, Higher, "", "'train 1-2 more epochs, re-check': delta at the re-check"),
        new("infonce.auto_eval.{config}.{run}.recheck.r_at_5", Criterion, Higher, "", "'train 1-2 more epochs, re-check': R@5 at the re-check"),
        new("infonce.auto_eval.{config}.{run}.flat.r_at_5", Criterion, Higher, "", "'check the flat index': R@5 of the same predictions on a flat index"),
        new("infonce.auto_eval.{config}.{run}.two_tower.delta", Criterion, Higher, "", "'pivot to two-tower': the two-tower model's delta"),
        new("infonce.auto_eval.{config}.{run}.two_tower.r_at_5", Criterion, Higher, "", "'pivot to two-tower': the two-tower model's R@5"),
        new("infonce.flat.r_at_5", Criterion, Higher, "", "the flat index ablation: R@5 of the same predictions, exact search"),
        new("infonce.two_tower.delta", Criterion, Higher, "", "the two-tower pivot's separation delta"),
        new("infonce.two_tower.r_at_5", Criterion, Higher, "", "the two-tower pivot's R@5 from its P(payload) index"),
        new("infonce.minimum.delta", Criterion, Higher, "", "the minimum criteria's delta (> 0.05) after one epoch"),
        new("infonce.minimum.r_at_5", Criterion, Higher, "", "the minimum criteria's R@5 (> 0) after one epoch"),
        new("infonce.v1_gap.delta", Criterion, Higher, "", "pure InfoNCE's delta minus V1 split's"),
        new("{predictions}.delta", Criterion, Higher, "", "a researcher's (or a real corpus's) predictions: separation delta"),
        new("{predictions}.auc", Criterion, Higher, "", "predictions: separation AUC"),
        new("{predictions}.r_at_5", Criterion, Higher, "", "predictions: R@5 through the IVF index"),
        new("{predictions}.contain_at_50", Criterion, Higher, "", "predictions: Contain@50 through the IVF index"),
        new("{predictions}.flat.r_at_5", Criterion, Higher, "", "predictions: 'check the flat index': R@5 of the same predictions on a flat index"),
        new("{predictions}.mrr_at_{k}", Criterion, Higher, "", "predictions: MRR@k"),
        new("{predictions}.ndcg_at_{k}", Criterion, Higher, "", "predictions: nDCG@k"),
        new("infonce.qdrant.predictions.r_at_5", Criterion, Higher, "", "predictions: R@5 through the Qdrant collection"),
        new("infonce.qdrant.predictions.contain_at_50", Criterion, Higher, "", "predictions: Contain@50 through the Qdrant collection"),

        // NVF Phase 2: soft attention, the reranker, the oracle ceiling, gradients, joint training, clustered corpora, and
        // the same measures of a researcher's model files ({case}: what the scenario built, NvfScenario.MetricPrefix).
        new("nvf.{case}.top1", Criterion, Higher, "", "soft attention Top-1 (the seed: 68%)"),
        new("nvf.{case}.top5", Criterion, Higher, "", "soft attention Top-5"),
        new("nvf.{case}.soft_attention_top1", Criterion, Higher, "", "soft attention Top-1 inside a pipeline's evaluation"),
        new("nvf.{case}.soft_attention_top5", Criterion, Higher, "", "soft attention Top-5 inside a pipeline's evaluation"),
        new("nvf.{case}.oracle_ceiling_top1", Criterion, Higher, "", "Top-1 a perfect reranker over the Top-5 would reach (the oracle ceiling)"),
        new("nvf.{case}.pipeline_top1", Criterion, Higher, "", "Task 1: pipeline Top-1 (target 90%, stretch 95%; 88% on clustered corpora)"),
        new("nvf.{case}.pipeline_top5", Criterion, Higher, "", "the pipeline's Top-5"),
        new("nvf.{case}.accuracy_given_top5", Criterion, Higher, "", "reranker accuracy when the answer is in the Top-5"),
        new("nvf.{case}.control_top1", Criterion, Higher, "", "control: the exact-cosine pick among the candidates"),
        new("nvf.{case}.separate_pipeline_top1", Criterion, Higher, "", "separately trained pipeline Top-1, beside joint fine-tuning"),
        new("nvf.{case}.soft_attention_errors_in_cluster", Criterion, Higher, "", "share of soft attention's errors inside the right cluster"),
        new("nvf.{case}.correct_outside_top5", Count, Lower, "queries", "queries whose answer is outside the Top-5"),
        new("nvf.{case}.trained_validation", Diagnostic, Higher, "", "validation accuracy after training"),
        new("nvf.{case}.untrained_validation", Diagnostic, Higher, "", "validation accuracy before training"),
        new("nvf.{case}.intra_cluster_cosine", Diagnostic, Higher, "", "mean cosine inside a cluster"),
        new("nvf.gradient_flow.queries_grad_norm", Diagnostic, Higher, "", "gradient norm reaching the queries (> 0)"),
        new("nvf.gradient_flow.candidates_grad_norm", Diagnostic, Higher, "", "gradient norm reaching the candidates (> 0)"),
        new("nvf.gradient_flow.{relaxation}.smallest_soft_attention_grad_norm", Diagnostic, Higher, "", "smallest gradient norm through the top-k relaxation (> 0)"),

        // The vector database as teacher, and store parity.
        new("teacher.{store}.top1", Criterion, Higher, "", "the store as teacher: Top-1 of its answers"),
        new("teacher.{store}.top5", Criterion, Higher, "", "the store as teacher: Top-5 of its answers"),
        new("teacher.{store}.pipeline_top1", Criterion, Higher, "", "the pipeline trained on the store's answers: Top-1"),
        new("parity.{store}.{similarity}.equivalent", Criterion, Higher, "", "share of queries where two stores return the same ranking"),

        // Real text: WordNet through the sentence-transformer.
        new("real.wordnet.{store}.soft_attention_top1", Criterion, Higher, "", "WordNet: soft attention Top-1"),
        new("real.wordnet.{store}.soft_attention_top5", Criterion, Higher, "", "WordNet: soft attention Top-5"),
        new("real.wordnet.{store}.oracle_ceiling_top1", Criterion, Higher, "", "WordNet: the oracle ceiling"),
        new("real.wordnet.{store}.pipeline_top1", Criterion, Higher, "", "WordNet: pipeline Top-1 against the store's answer"),
        new("real.wordnet.{store}.pipeline_top1_wordnet", Criterion, Higher, "", "WordNet: pipeline Top-1 against WordNet's answer (target 90%)"),
        new("real.wordnet.{store}.reranker_given_top5", Criterion, Higher, "", "WordNet: reranker accuracy given the Top-5"),
        new("real.wordnet.{store}.soft_attention_errors_in_topic", Criterion, Higher, "", "WordNet: share of soft attention's errors in the right topic"),
        new("real.wordnet.{store}.store_top1_wordnet", Criterion, Higher, "", "WordNet: the store's Top-1 against WordNet"),
        new("real.wordnet.{store}.store_top5_wordnet", Criterion, Higher, "", "WordNet: the store's Top-5 against WordNet"),
        new("real.wordnet.{store}.in_topic_chance", Diagnostic, Lower, "", "WordNet: chance of a random gloss in the topic"),
        new("real.wordnet.{store}.topic_cosine_gap", Diagnostic, Higher, "", "WordNet: in-topic minus out-of-topic cosine"),
    ];

    /// <summary>The one family whose template matches <paramref name="name"/>, or null (none, or more than one).</summary>
    public static MetricFamily? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        MetricFamily? found = null;
        foreach (var family in Families)
        {
            if (!family.Pattern.IsMatch(name))
                continue;
            if (found is not null)
                return null;
            found = family;
        }

        return found;
    }

    /// <summary>
    /// Why <paramref name="name"/> with this kind, direction and unit cannot be recorded, or null when it can: a name no
    /// family (or more than one) matches, or a figure whose kind, direction or unit differs from its family's.
    /// </summary>
    public static string? Refusal(string name, MetricKind kind, MetricDirection direction, string unit)
    {
        ArgumentNullException.ThrowIfNull(name);
        var matches = Families.Where(f => f.Pattern.IsMatch(name)).ToList();
        if (matches.Count == 0)
            return $"metric '{name}' is not in the metric catalogue (src/Nvf.Core/Metrics/MetricCatalog.cs); expected a name of a family there: add one with its kind, direction, unit and the check it measures";
        if (matches.Count > 1)
            return $"metric '{name}' matches {matches.Count} families of the metric catalogue ({string.Join(", ", matches.Select(f => f.Template))}); expected exactly one";
        var family = matches[0];
        if (family.Kind != kind || family.Direction != direction || family.Unit != unit)
            return $"metric '{name}' is recorded as {kind}, {direction}, unit '{unit}'; its catalogue family {family.Template} says {family.Kind}, {family.Direction}, unit '{family.Unit}'";
        return null;
    }
}
