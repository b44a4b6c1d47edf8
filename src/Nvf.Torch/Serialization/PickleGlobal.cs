namespace Nvf.Torch.Serialization;

/// <summary>A Python global (module.name) referenced by a pickle.</summary>
internal sealed record PickleGlobal(string Module, string Name)
{
    public string Qualified => Module + "." + Name;
}
