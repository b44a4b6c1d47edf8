namespace Nvf.Gherkin.Bindings;

/// <summary>
/// Marks a class whose step definitions and hooks the runner should use (Reqnroll's [Binding]).
/// Classes without it are ignored when an assembly is scanned.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class BindingAttribute : Attribute;
