namespace Nvf.Torch.Serialization;

/// <summary>A tensor as torch.save describes it: a view (offset, size, stride, in elements) into a storage.</summary>
internal sealed record PickledTensor(PickledStorage Storage, long Offset, long[] Size, long[] Stride);
