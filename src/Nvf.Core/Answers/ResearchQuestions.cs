namespace Nvf.Core.Answers;

/// <summary>
/// The questions of the two research notes, in the order the reports answer them: NVF Phase 2's targets, constraint and open
/// questions, then the Pure InfoNCE sanity report's summary table, decision tree, ablation and pivot.
/// </summary>
public static class ResearchQuestions
{
    /// <summary>The NVF Phase 2 note.</summary>
    public const string Phase2 = "NVF Phase 2";

    /// <summary>The Pure InfoNCE sanity report.</summary>
    public const string SanityReport = "Pure InfoNCE sanity report";

    /// <summary>Task 1's target: pipeline Top-1 90%+.</summary>
    public static ResearchQuestion Task1Target { get; } = new("nvf.task1.target", Phase2,
        "Task 1: does the reranker lift pipeline Top-1 from 68% to 90%+?", "nvf/reranker.feature", "The improved reranker learns to meet the seed's 90% target")
    {
        Metrics = ["nvf.reranker.improved.pipeline_top1"],
    };

    /// <summary>Task 1's stretch goal: 95%.</summary>
    public static ResearchQuestion Task1Stretch { get; } = new("nvf.task1.stretch", Phase2,
        "Task 1 stretch: does pipeline Top-1 reach 95%?", "nvf/reranker.feature", "The improved reranker learns to meet the seed's 90% target");

    /// <summary>Task 1's constraint: gradients must still flow.</summary>
    public static ResearchQuestion Gradients { get; } = new("nvf.task1.gradients", Phase2,
        "Task 1 constraint: do gradients still flow from the final answer to the query and the candidates?", "nvf/gradient_flow.feature", "The loss on the final answer reaches the query and the candidates")
    {
        Metrics = ["nvf.gradient_flow.queries_grad_norm", "nvf.gradient_flow.candidates_grad_norm"],
    };

    /// <summary>"How to handle the 3% where correct isn't in Top-5?"</summary>
    public static ResearchQuestion OutsideTop5 { get; } = new("nvf.task1.outside_top5", Phase2,
        "The 3% where the correct answer is not in the Top-5: how large is it, and does the pipeline accept it?", "nvf/reranker.feature", "The 3% the reranker cannot help")
    {
        Metrics = ["nvf.reranker.improved.pipeline_top5"],
    };

    /// <summary>"Should the reranker be trained jointly with soft attention, or separately?"</summary>
    public static ResearchQuestion SeparateOrJoint { get; } = new("nvf.joint", Phase2,
        "Separate or joint training of the reranker and soft attention?", "nvf/joint_training.feature", "Joint fine-tuning after separate training")
    {
        Metrics = ["nvf.joint.pipeline_top1", "nvf.joint.separate_pipeline_top1"],
    };

    /// <summary>Task 2's target: similar accuracy on clustered data.</summary>
    public static ResearchQuestion Task2Clustered { get; } = new("nvf.task2.clustered", Phase2,
        "Task 2: similar accuracy on clustered data?", "nvf/clustered_corpus.feature", "Both stages retrained on a clustered corpus")
    {
        Metrics = ["nvf.clustered.0_2.pipeline_top1", "nvf.clustered.0_05.pipeline_top1"],
    };

    /// <summary>Task 2's bonus: NVF learns cluster structure.</summary>
    public static ResearchQuestion ClusterStructure { get; } = new("nvf.task2.cluster_structure", Phase2,
        "Task 2 bonus: does NVF learn cluster structure (its errors land in the right cluster)?", "nvf/clustered_corpus.feature", "Both stages retrained on a clustered corpus")
    {
        Metrics = ["nvf.clustered.0_2.soft_attention_errors_in_cluster", "nvf.clustered.0_05.soft_attention_errors_in_cluster"],
    };

    /// <summary>Task 2 option A: the vector database as NVF's teacher.</summary>
    public static ResearchQuestion Teacher { get; } = new("nvf.task2.teacher", Phase2,
        "Task 2 option A: does NVF learn from a vector database's answers (the store as teacher)?", "teacher/teacher_flow.feature", "NVF learns from the")
    {
        Metrics = ["teacher.faiss-flat.pipeline_top1"],
    };

    /// <summary>Task 2 on real text.</summary>
    public static ResearchQuestion Task2Real { get; } = new("nvf.task2.real", Phase2,
        "Task 2 on real text (WordNet, all-MiniLM-L6-v2): does the pipeline reach 90% agreement with the store?", "real/wordnet_teacher.feature", "NVF learns from the")
    {
        Metrics = ["real.wordnet.faiss_flat.pipeline_top1"],
    };

    /// <summary>The summary table's "Vector norm" row.</summary>
    public static ResearchQuestion Norm { get; } = new("infonce.plumbing.norm", SanityReport,
        "Vector norm: are the payload vectors unit length?", "infonce/plumbing.feature", "Vector normalization")
    {
        Metrics = ["infonce.norm.max_deviation"],
    };

    /// <summary>The summary table's "FAISS metric" row.</summary>
    public static ResearchQuestion IndexMetric { get; } = new("infonce.plumbing.metric", SanityReport,
        "FAISS metric: does the index rank by inner product?", "infonce/plumbing.feature", "Vector normalization");

    /// <summary>The summary table's "Oracle R@5" row.</summary>
    public static ResearchQuestion Oracle { get; } = new("infonce.plumbing.oracle", SanityReport,
        "Oracle R@5: does the index return each payload vector (or an identical copy) for itself?", "infonce/plumbing.feature", "Oracle recall on the IVF index")
    {
        Metrics = ["infonce.oracle.r_at_5", "real.python_docs.oracle.r_at_5"],
    };

    /// <summary>The summary table's "Eval alignment" row.</summary>
    public static ResearchQuestion Alignment { get; } = new("infonce.plumbing.alignment", SanityReport,
        "Eval alignment: are the eval targets the payload vectors their keys name?", "infonce/plumbing.feature", "Eval alignment")
    {
        Metrics = ["infonce.alignment.aligned"],
    };

    /// <summary>The report's eval provenance (the 91.5%-leaked eval set).</summary>
    public static ResearchQuestion Provenance { get; } = new("infonce.plumbing.provenance", SanityReport,
        "Eval provenance: how much of the eval set was also seen in training?", "infonce/plumbing.feature", "Eval provenance")
    {
        Metrics = ["infonce.leakage"],
    };

    /// <summary>The summary table's "Pos/neg separation" row.</summary>
    public static ResearchQuestion Separation { get; } = new("infonce.separation", SanityReport,
        "Pos/neg separation: do predictions sit closer to their target than to in-batch negatives (delta)?", "infonce/predictions.feature", "A predictions file fills every row")
    {
        Metrics = ["infonce.attention.pure_infonce.delta", "real.python_docs.predictions.delta"],
        ResearcherMetrics = ["infonce.predictions.delta"],
    };

    /// <summary>The summary table's "R@5 (IVF nprobe=64)" row.</summary>
    public static ResearchQuestion RecallAt5 { get; } = new("infonce.r_at_5", SanityReport,
        "R@5 through the IVF index at nprobe 64: is it above 0%?", "infonce/predictions.feature", "A predictions file fills every row")
    {
        Metrics = ["infonce.attention.pure_infonce.r_at_5", "real.python_docs.predictions.r_at_5"],
        ResearcherMetrics = ["infonce.predictions.r_at_5", "infonce.predictions.mrr_at_10"],
    };

    /// <summary>The success tier (Minimum, Good, Strong).</summary>
    public static ResearchQuestion Tier { get; } = new("infonce.tier", SanityReport,
        "Success tier after epoch 1 (Minimum, Good, Strong)?", "infonce/predictions.feature", "A predictions file fills every row");

    /// <summary>The summary table's "Decision gate" row and the action it calls for.</summary>
    public static ResearchQuestion Decision { get; } = new("infonce.decision", SanityReport,
        "Decision gate after epoch 1: continue or pivot, and which action was taken?", "infonce/predictions.feature", "A predictions file fills every row");

    /// <summary>The flat index ablation.</summary>
    public static ResearchQuestion FlatAblation { get; } = new("infonce.flat_ablation", SanityReport,
        "Flat index ablation: does exact search find what IVF misses (an ANN issue)?", "infonce/training.feature", "Flat index ablation on the same predictions")
    {
        Metrics = ["infonce.flat.r_at_5"],
    };

    /// <summary>The two-tower pivot.</summary>
    public static ResearchQuestion TwoTower { get; } = new("infonce.two_tower", SanityReport,
        "Two-tower pivot: does a separate query and payload tower train and retrieve?", "infonce/decision_gate.feature", "The two-tower pivot trains and is evaluated")
    {
        Metrics = ["infonce.two_tower.r_at_5"],
    };

    /// <summary>Every question, in report order.</summary>
    public static IReadOnlyList<ResearchQuestion> All { get; } =
    [
        Task1Target, Task1Stretch, Gradients, OutsideTop5, SeparateOrJoint, Task2Clustered, ClusterStructure, Teacher, Task2Real,
        Norm, IndexMetric, Oracle, Alignment, Provenance, Separation, RecallAt5, Tier, Decision, FlatAblation, TwoTower,
    ];

    /// <summary>The question with id <paramref name="id"/>, or null.</summary>
    /// <param name="id">A question id.</param>
    public static ResearchQuestion? Find(string id) => All.FirstOrDefault(q => q.Id == id);
}
