using System.Globalization;
using FluentAssertions;
using Nvf.Torch.Nn;
using Nvf.Torch.Tests.Support;
using Xunit;

namespace Nvf.Torch.Tests;

/// <summary>State dict files cross between the binding and Python's torch.save / torch.load (python3-torch).</summary>
public sealed class StateDictInteropTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("nvf-torch-state-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void Python_torch_load_reads_what_the_binding_saves()
    {
        TorchRuntime.ManualSeed(11);
        using var model = new Sequential(new Linear(3, 4), new ReLU(), new Linear(4, 2));
        var path = Path.Combine(directory, "model.pt");
        model.Save(path);

        var report = PythonTorch.Run(
            """
            import sys, torch
            state = torch.load(sys.argv[1])
            for name, t in state.items():
                print(name, tuple(t.shape), str(t.dtype), repr(float(t.double().sum())))
            """,
            path);

        var expected = model.NamedParameters().Select(p =>
            $"{p.Key} ({string.Join(", ", p.Value.Shape)},) torch.float32 {Sum(p.Value)}");
        var lines = report.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Select(Normalise).Should().Equal(expected.Select(Normalise));
        Directory.GetFiles(directory).Should().Equal([path], "the save goes through a temporary file renamed over the target");
    }

    [Fact]
    public void The_binding_loads_what_python_torch_save_writes()
    {
        var path = Path.Combine(directory, "from-python.pt");
        PythonTorch.Run(
            """
            import sys, torch
            torch.manual_seed(3)
            model = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.GELU(), torch.nn.LayerNorm(4))
            torch.save(model.state_dict(), sys.argv[1])
            view = torch.arange(12, dtype=torch.float32).reshape(3, 4).t()[1:]
            torch.save({"ids": torch.arange(5), "mask": torch.tensor([True, False]), "view": view}, sys.argv[1] + ".mixed")
            """,
            path);

        using var model = new Sequential(new Linear(3, 4), new GELU(), new LayerNorm(4));
        model.Load(path);
        TorchRuntime.ManualSeed(3);
        using var reference = new Linear(3, 4);
        model.StateDict()["0.weight"].ToArray<float>().Should().Equal(reference.Weight.ToArray<float>(), "python drew the same seeded weights");
        model.StateDict()["2.weight"].ToArray<float>().Should().AllSatisfy(v => v.Should().Be(1f));

        var mixed = StateDictFile.Load(path + ".mixed");
        try
        {
            mixed["ids"].ToArray<long>().Should().Equal(0L, 1L, 2L, 3L, 4L);
            mixed["mask"].ToArray<bool>().Should().Equal(true, false);
            mixed["view"].Shape.Should().Equal(3, 3);
            mixed["view"].ToArray<float>().Should().Equal([1f, 5f, 9f, 2f, 6f, 10f, 3f, 7f, 11f], "a strided view with an offset into its storage");
        }
        finally
        {
            foreach (var t in mixed.Values)
            {
                t.Dispose();
            }
        }
    }

    [Fact]
    public void Loading_a_state_dict_of_another_model_names_what_does_not_match()
    {
        using var small = new Sequential(new Linear(3, 4));
        using var other = new Sequential(new Linear(3, 5));
        var path = Path.Combine(directory, "small.pt");
        small.Save(path);

        var act = () => other.Load(path);
        act.Should().Throw<ArgumentException>().WithMessage("*'0.weight' has shape (4, 3) but the parameter has (5, 3)*");
    }

    private static string Sum(Tensor t) => t.ToArray<float>().Select(v => (double)v).Sum().ToString("R", CultureInfo.InvariantCulture);

    // Python prints 1-tuples as "(4,)" and 2-tuples as "(4, 3)"; compare on the numbers only.
    private static string Normalise(string line)
    {
        var parts = line.Replace(",)", ")", StringComparison.Ordinal).Split(' ');
        var sum = double.Parse(parts[^1], CultureInfo.InvariantCulture);
        return string.Join(' ', parts[..^1]) + " " + Math.Round(sum, 4).ToString(CultureInfo.InvariantCulture);
    }
}
