namespace Nvf.Core.Configs;

/// <summary>A run config file is missing, is not JSON, or has a field that is absent, unknown or out of range; the message names the file and the field.</summary>
public sealed class ConfigException : Exception
{
    /// <summary>Creates the exception with a message naming the file and the field.</summary>
    public ConfigException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message naming the file and the field, and its cause.</summary>
    public ConfigException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
