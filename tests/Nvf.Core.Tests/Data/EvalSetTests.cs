using FluentAssertions;
using Nvf.Core.Data;
using Nvf.Core.Data.NumPy;
using Nvf.Core.Tests.Data.NumPy;
using Xunit;

namespace Nvf.Core.Tests.Data;

public sealed class EvalSetTests
{
    [Fact]
    public void Loads_the_numpy_written_fixture()
    {
        var set = EvalSet.Load(RepositoryRoot.Fixture("numpy", "eval_small.npz"), contextLength: 5, dimension: 8);
        set.Count.Should().Be(4);
        set.Context(1)[0].Should().Be(0.5f * 40 - 1, "contexts hold 0.5 * i - 1 over the flat index; sample 1 starts at 5 * 8");
        set.Targets.Row(3)[7].Should().Be(0.5f * 31 - 1);
        set.TruthKeys[2].Should().Be(new TruthKey(4000, 5000), "truth_keys hold 1000 * i over the flat index");
    }

    [Fact]
    public void Loads_float64_and_int32_arrays_by_converting()
    {
        var set = EvalSet.Load(RepositoryRoot.Fixture("numpy", "eval_small_compressed.npz"), 5, 8);
        set.Targets.Row(1)[0].Should().Be(0.5f * 8 - 1, "float64 targets are narrowed to float32");
        set.TruthKeys.Should().Equal(new TruthKey(0, 1000), new TruthKey(2000, 3000), new TruthKey(4000, 5000), new TruthKey(6000, 7000));
    }

    [Fact]
    public void A_nan_target_or_an_infinite_context_is_named_by_array_and_index()
    {
        // Found on the Python docs: a NaN target failed the evaluation with "System.ArgumentException: positives contains NaN".
        using var temp = new TempFolder();
        var targets = new float[8];
        targets[6] = float.NaN;
        var contexts = new float[2 * 5 * 4];
        contexts[(1 * 20) + (3 * 4) + 2] = float.PositiveInfinity;
        using (var npz = new NpzWriter(temp.File("nan.npz")))
        {
            npz.Add("contexts", new float[2 * 5 * 4], 2, 5, 4).Add("targets", targets, 2, 4).Add("truth_keys", new long[] { 0, 1, 3, 1 }, 2, 2);
            npz.Commit();
        }
        using (var npz = new NpzWriter(temp.File("inf.npz")))
        {
            npz.Add("contexts", contexts, 2, 5, 4).Add("targets", new float[8], 2, 4).Add("truth_keys", new long[] { 0, 1, 3, 1 }, 2, 2);
            npz.Commit();
        }

        FluentActions.Invoking(() => EvalSet.Load(temp.File("nan.npz"), 5, 4)).Should().Throw<NpyFormatException>()
            .WithMessage("*nan.npz: array 'targets' holds NaN at [1, 2]; expected finite values");
        FluentActions.Invoking(() => EvalSet.Load(temp.File("inf.npz"), 5, 4)).Should().Throw<NpyFormatException>()
            .WithMessage("*inf.npz: array 'contexts' holds Infinity at [1, 3, 2]; expected finite values");
    }

    [Fact]
    public void Negative_truth_keys_are_refused_with_the_row()
    {
        using var temp = new TempFolder();
        using (var npz = new NpzWriter(temp.File("eval.npz")))
        {
            npz.Add("contexts", new float[2 * 5 * 4], 2, 5, 4).Add("targets", new float[8], 2, 4).Add("truth_keys", new long[] { 0, 1, 3, -1 }, 2, 2);
            npz.Commit();
        }
        var bad = () => EvalSet.Load(temp.File("eval.npz"), 5, 4);
        bad.Should().Throw<NpyFormatException>().WithMessage("*eval.npz: array 'truth_keys' row 1 is (3, -1); expected non-negative (article, chunk) indices");
    }

    [Fact]
    public void Wrong_target_dimension_names_file_and_array()
    {
        using var temp = new TempFolder();
        using (var npz = new NpzWriter(temp.File("eval.npz")))
        {
            npz.Add("contexts", new float[6 * 5 * 768], 6, 5, 768).Add("targets", new float[6 * 512], 6, 512).Add("truth_keys", new long[12], 6, 2);
            npz.Commit();
        }
        var act = () => EvalSet.Load(temp.File("eval.npz"));
        act.Should().Throw<NpyFormatException>().WithMessage("*eval.npz: array 'targets' has shape (6, 512); expected (N, D) with D = 768 (from 'contexts')");
    }

    [Fact]
    public void Any_dimension_loads_when_none_is_asked_for_and_a_fixed_one_is_still_enforced()
    {
        // A researcher's 384-d all-MiniLM-L6-v2 eval set: the seed's 768 is an example, not a rule (issue "daily loop").
        using var temp = new TempFolder();
        using (var npz = new NpzWriter(temp.File("eval.npz")))
        {
            npz.Add("contexts", new float[3 * 5 * 384], 3, 5, 384).Add("targets", new float[3 * 384], 3, 384).Add("truth_keys", new long[6], 3, 2);
            npz.Commit();
        }

        EvalSet.Load(temp.File("eval.npz")).Dimension.Should().Be(384);
        var fixedD = () => EvalSet.Load(temp.File("eval.npz"), 5, 768);
        fixedD.Should().Throw<NpyFormatException>().WithMessage("*eval.npz: array 'contexts' has shape (3, 5, 384); expected (N, 5, 768)");
    }

    [Fact]
    public void Arrays_that_disagree_on_n_are_refused()
    {
        using var temp = new TempFolder();
        using (var npz = new NpzWriter(temp.File("eval.npz")))
        {
            npz.Add("contexts", new float[6 * 5 * 4], 6, 5, 4).Add("targets", new float[6 * 4], 6, 4).Add("truth_keys", new long[10], 5, 2);
            npz.Commit();
        }
        var act = () => EvalSet.Load(temp.File("eval.npz"), 5, 4);
        act.Should().Throw<NpyFormatException>().WithMessage("*array 'truth_keys' has shape (5, 2); expected (N, 2) with N = 6 (from 'contexts')");
    }

    [Fact]
    public void Save_then_load_round_trips_and_numpy_sees_the_seed_layout()
    {
        using var temp = new TempFolder();
        var contexts = Enumerable.Range(0, 3 * 5 * 4).Select(i => (float)i).ToArray();
        var targets = new VectorSet(Enumerable.Range(0, 12).Select(i => -(float)i).ToArray(), 3, 4);
        var keys = new[] { new TruthKey(0, 5), new TruthKey(1, 7), new TruthKey(9, 5) };
        new EvalSet(contexts, 5, targets, keys).Save(temp.File("eval.npz"), compress: true);

        var back = EvalSet.Load(temp.File("eval.npz"), 5, 4);
        back.Contexts.Should().Equal(contexts);
        back.Targets.Data.Should().Equal(targets.Data);
        back.TruthKeys.Should().Equal(keys);
        NumPyProcess.Run("""
            import sys, numpy as np
            z = np.load(sys.argv[1], allow_pickle=False)
            print(z['contexts'].shape, z['contexts'].dtype, z['targets'].shape, z['truth_keys'].dtype, z['truth_keys'][2].tolist())
            """, temp.File("eval.npz")).Trim().Should().Be("(3, 5, 4) float32 (3, 4) int64 [9, 5]");
    }
}
