using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Nvf.Gherkin.Xunit;

/// <summary>
/// The test assembly as xunit's discoverer sees it, plus <see cref="Scenarios"/>: listing that class is what
/// lets the discoverer report the scenarios as tests of the assembly.
/// </summary>
internal sealed class ScenarioAssemblyInfo(IAssemblyInfo inner) : IReflectionAssemblyInfo
{
    static readonly ITypeInfo ScenariosType = Reflector.Wrap(typeof(Scenarios));

    public string AssemblyPath => inner.AssemblyPath;

    public string Name => inner.Name;

    public Assembly Assembly => ((IReflectionAssemblyInfo)inner).Assembly;

    public IEnumerable<IAttributeInfo> GetCustomAttributes(string assemblyQualifiedAttributeTypeName) =>
        inner.GetCustomAttributes(assemblyQualifiedAttributeTypeName);

    public ITypeInfo GetType(string typeName) =>
        typeName == typeof(Scenarios).FullName ? ScenariosType : inner.GetType(typeName);

    public IEnumerable<ITypeInfo> GetTypes(bool includePrivateTypes) =>
        inner.GetTypes(includePrivateTypes).Append(ScenariosType);
}
