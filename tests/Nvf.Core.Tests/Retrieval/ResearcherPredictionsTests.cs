using FluentAssertions;
using Nvf.Core.Artifacts;
using Nvf.Core.Data;
using Nvf.Core.Data.NumPy;
using Nvf.Core.Decision;
using Nvf.Core.InfoNce;
using Nvf.Core.Retrieval;
using Xunit;

namespace Nvf.Core.Tests.Retrieval;

public sealed class ResearcherPredictionsTests : IDisposable
{
    const int Samples = 20, D = 16;

    readonly string folder = Directory.CreateTempSubdirectory("nvf-predictions-").FullName;
    readonly EvalSet eval = new(RandomUnitVectors.Generate(Samples * 5, D, 1).Data, 5, RandomUnitVectors.Generate(Samples, D, 2), Enumerable.Range(0, Samples).Select(i => new TruthKey(i, 0)).ToArray());

    string Write(string name, Array data, params int[] shape)
    {
        var path = Path.Combine(folder, name);
        switch (data)
        {
            case float[] f: NpyWriter.Write(path, f, shape); break;
            case double[] d: NpyWriter.Write(path, d, shape); break;
        }

        return path;
    }

    [Fact]
    public void Float64_predictions_are_narrowed_row_for_row()
    {
        var values = Enumerable.Range(0, Samples * D).Select(i => i / 7.0).ToArray();

        var predictions = ResearcherPredictions.Load(Write("p.npy", values, Samples, D), eval);

        predictions.Count.Should().Be(Samples);
        predictions.Data.Should().Equal(values.Select(v => (float)v));
    }

    [Fact]
    public void Wrong_width_count_or_a_nan_is_named_with_what_was_expected()
    {
        var act = () => ResearcherPredictions.Load(Write("wide.npy", new float[Samples * (D + 1)], Samples, D + 1), eval);
        act.Should().Throw<ArtifactException>().WithMessage("*wide.npy*(predictions: one row of 16 per eval sample)");

        act = () => ResearcherPredictions.Load(Write("few.npy", new float[3 * D], 3, D), eval);
        act.Should().Throw<ArtifactException>().WithMessage("*few.npy: 3 prediction rows; expected 20, one per eval sample*");

        var nan = new float[Samples * D];
        nan[5 * D + 2] = float.NaN;
        act = () => ResearcherPredictions.Load(Write("nan.npy", nan, Samples, D), eval);
        act.Should().Throw<ArtifactException>().WithMessage("*nan.npy: row 5, column 2 is NaN; expected finite predictions");

        var infinite = new float[Samples * D];
        infinite[(19 * D) + 15] = float.NegativeInfinity;
        act = () => ResearcherPredictions.Load(Write("inf.npy", infinite, Samples, D), eval);
        act.Should().Throw<ArtifactException>().WithMessage("*inf.npy: row 19, column 15 is -Infinity; expected finite predictions");
    }

    [Fact]
    public void Zero_rows_are_refused_with_their_count_and_the_first()
    {
        // Bug found on the Python docs: all-zero predictions retrieved ties in index order and scored R@5 0.5%.
        var data = new float[Samples * D];
        for (var i = 0; i < data.Length; i++)
            data[i] = 1f;
        Array.Clear(data, 7 * D, D);
        for (var c = 0; c < D; c++)
            data[(11 * D) + c] = -0f;

        var act = () => ResearcherPredictions.Load(Write("zero.npy", data, Samples, D), eval);

        act.Should().Throw<ArtifactException>().WithMessage("*zero.npy: 2 of 20 rows are zero vectors (the first: row 7); expected a direction per row*");
        data[(7 * D) + 3] = 1e-30f;
        data[(11 * D) + 3] = -1e-30f;
        ResearcherPredictions.Load(Write("tiny.npy", data, Samples, D), eval).Count.Should().Be(Samples, "a tiny row still has a direction");
    }

    [Fact]
    public void The_variable_names_a_file_that_must_exist()
    {
        ResearcherPredictions.PathFromEnvironment(_ => null).Should().BeNull();
        var act = () => ResearcherPredictions.PathFromEnvironment(_ => "/nowhere/p.npy");
        act.Should().Throw<ArtifactException>().WithMessage("NVF_PREDICTIONS: /nowhere/p.npy does not exist; expected the predictions .npy (M, D)*");
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
