namespace Nvf.Core.Data;

/// <summary>
/// A seeded, platform-independent pseudo-random generator (xoshiro256**, seeded through SplitMix64).
/// Same seed, same sequence on every machine and .NET version, unlike <see cref="System.Random"/>,
/// whose algorithm is an implementation detail. <see cref="Fork"/> derives independent streams so
/// that work split across threads stays deterministic whatever the thread count.
/// </summary>
public sealed class SeededRandom
{
    private ulong _s0, _s1, _s2, _s3;
    private double _spareGaussian;
    private bool _hasSpare;

    /// <summary>Creates a generator whose whole sequence is fixed by <paramref name="seed"/>.</summary>
    public SeededRandom(ulong seed)
    {
        var sm = seed;
        _s0 = SplitMix(ref sm);
        _s1 = SplitMix(ref sm);
        _s2 = SplitMix(ref sm);
        _s3 = SplitMix(ref sm);
    }

    /// <summary>
    /// An independent generator for stream <paramref name="stream"/> of <paramref name="seed"/>
    /// (e.g. one per chunk of rows), so results do not depend on how work is scheduled.
    /// </summary>
    public static SeededRandom Fork(ulong seed, ulong stream)
    {
        var mixed = seed ^ (0x9E3779B97F4A7C15UL * (stream + 1));
        return new SeededRandom(SplitMix(ref mixed));
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, <paramref name="maxExclusive"/>), without modulo bias.</summary>
    public int NextInt(int maxExclusive)
    {
        if (maxExclusive <= 0)
            throw new ArgumentOutOfRangeException(nameof(maxExclusive), maxExclusive, "expected a positive bound");
        var bound = (ulong)maxExclusive;
        var threshold = (0UL - bound) % bound;
        while (true)
        {
            var r = NextUInt64();
            if (r >= threshold)
                return (int)(r % bound);
        }
    }

    /// <summary>Standard normal N(0, 1) (Marsaglia's polar method).</summary>
    public double NextGaussian()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spareGaussian;
        }
        double u, v, s;
        do
        {
            u = 2.0 * NextDouble() - 1.0;
            v = 2.0 * NextDouble() - 1.0;
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        var scale = Math.Sqrt(-2.0 * Math.Log(s) / s);
        _spareGaussian = v * scale;
        _hasSpare = true;
        return u * scale;
    }

    /// <summary>Fills <paramref name="destination"/> with N(0, <paramref name="std"/>^2) samples.</summary>
    public void FillGaussian(Span<float> destination, double std = 1.0)
    {
        for (var i = 0; i < destination.Length; i++)
            destination[i] = (float)(NextGaussian() * std);
    }

    /// <summary>A uniformly random permutation of 0..n-1 (Fisher–Yates).</summary>
    public int[] Permutation(int n)
    {
        var p = new int[n];
        for (var i = 0; i < n; i++)
            p[i] = i;
        for (var i = n - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (p[i], p[j]) = (p[j], p[i]);
        }
        return p;
    }

    private static ulong SplitMix(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
