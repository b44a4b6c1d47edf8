namespace Nvf.Core.Data.NumPy;

/// <summary>
/// Writes elements that arrive in Fortran order (first index fastest) to their C-order positions,
/// walking a multi-index counter so each element costs O(1) amortised and no full-size copy is made.
/// </summary>
internal sealed class FortranOrderPlacer
{
    private readonly int[] _shape;
    private readonly long[] _strides;
    private readonly int[] _index;
    private long _offset;

    public FortranOrderPlacer(int[] shape)
    {
        _shape = shape;
        _strides = new long[shape.Length];
        long stride = 1;
        for (var d = shape.Length - 1; d >= 0; d--)
        {
            _strides[d] = stride;
            stride *= shape[d];
        }
        _index = new int[shape.Length];
    }

    public void Place<T>(ReadOnlySpan<T> values, T[] destination)
    {
        foreach (var value in values)
        {
            destination[_offset] = value;
            Advance();
        }
    }

    private void Advance()
    {
        for (var d = 0; d < _shape.Length; d++)
        {
            _index[d]++;
            _offset += _strides[d];
            if (_index[d] < _shape[d] || d == _shape.Length - 1)
                return;
            _offset -= _shape[d] * _strides[d];
            _index[d] = 0;
        }
    }
}
