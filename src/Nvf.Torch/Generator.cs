using Nvf.Torch.Interop;

namespace Nvf.Torch;

/// <summary>
/// A private torch CPU random generator, as <c>torch.Generator().manual_seed(seed)</c> in Python: the
/// same seed gives the same draws as Python PyTorch. Pass it to <c>Tensor.Randn(shape, generator)</c> and friends
/// to keep a random stream independent of the global one (<see cref="TorchRuntime.ManualSeed"/>).
/// </summary>
public sealed class Generator : IDisposable
{
    private nint handle;

    /// <summary>Creates a generator seeded with <paramref name="seed"/>.</summary>
    public Generator(ulong seed)
    {
        handle = NativeResult.Handle(NativeMethods.nvft_generator_new(seed));
        Seed = seed;
    }

    /// <summary>The seed this generator was created with.</summary>
    public ulong Seed { get; }

    internal nint Handle => handle != 0 ? handle : throw new ObjectDisposedException(nameof(Generator));

    /// <summary>Frees the native generator. Idempotent.</summary>
    public void Dispose()
    {
        var h = Interlocked.Exchange(ref handle, 0);
        if (h != 0)
        {
            NativeMethods.nvft_generator_free(h);
        }
    }
}
