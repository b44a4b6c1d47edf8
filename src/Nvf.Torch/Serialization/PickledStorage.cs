namespace Nvf.Torch.Serialization;

/// <summary>A tensor storage: the zip record "data/<see cref="Key"/>" holding raw little-endian elements of <see cref="DType"/>.</summary>
internal sealed record PickledStorage(string Key, DType DType);
