using System.Collections.Concurrent;
using System.Reflection;
using System.Reflection.Emit;
using System.Security.Cryptography;
using System.Text;

namespace Nvf.Core.Provenance;

/// <summary>
/// A digest of the code a cache entry is a function of: the IL of every method reachable from some root types, so that a
/// cache (the generated payload, trained models, a built index) is rebuilt when that code changes and kept when only
/// other code does (reports, steps, the CLI). Reachable means called, constructed, or turned into a delegate; a call to
/// a virtual or interface method of the project's own assemblies reaches every override and implementation in them; a
/// type touched brings its static constructor and the compiler's nested types (lambdas, iterators, async state machines).
/// Tokens inside the IL are replaced by the names they stand for, so adding code elsewhere in an assembly (which
/// renumbers tokens) does not change a digest. Calls into other assemblies (the .NET libraries) count by name and the
/// assembly's version; they are not followed. A P/Invoke of the project's reaches its native library: a library that
/// lies beside the declaring assembly (the shims the build compiles: libnvftorch.so, libnvf_faiss.so, FAISS linked in)
/// counts by its file's SHA-256, so a rebuilt shim changes the digest; a system library (libc) counts by name. What
/// the shims load in turn (libtorch, OpenBLAS) is not covered: callers add what they depend on (libtorch's version,
/// the BLAS kernel).
/// </summary>
public static class CodeFingerprint
{
    private const string OwnPrefix = "Nvf.";
    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly ConcurrentDictionary<string, (string Digest, IReadOnlyCollection<string> Methods, IReadOnlyCollection<string> Native)> Memo = new(StringComparer.Ordinal);
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>SHA-256 (hex) over the IL of every method reachable from the methods and constructors of <paramref name="roots"/>.</summary>
    /// <param name="roots">Types whose every method is a starting point.</param>
    public static string Of(params Type[] roots) => Walk(roots).Digest;

    /// <summary>The methods <see cref="Of"/> covers for <paramref name="roots"/>, as "Type::Method(parameters)", sorted.</summary>
    /// <param name="roots">Types whose every method is a starting point.</param>
    public static IReadOnlyCollection<string> Reached(params Type[] roots) => Walk(roots).Methods;

    /// <summary>The native libraries <see cref="Of"/> covers for <paramref name="roots"/>: "file sha256 digest" for a library
    /// beside its assembly, "name (system library)" for another, sorted.</summary>
    /// <param name="roots">Types whose every method is a starting point.</param>
    public static IReadOnlyCollection<string> NativeLibraries(params Type[] roots) => Walk(roots).Native;

    /// <summary>
    /// What a P/Invoke's library counts as: "file sha256 digest" when <paramref name="folder"/> holds it (as the name, lib
    /// name .so or name .so), else "name (system library)".
    /// </summary>
    /// <param name="name">The library a DllImport names, e.g. "nvf_faiss" or "libc".</param>
    /// <param name="folder">The folder of the assembly that imports it, or null.</param>
    public static string LibraryIdentity(string name, string? folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var file = string.IsNullOrEmpty(folder)
            ? null
            : new[] { name, $"lib{name}.so", $"{name}.so" }.Select(candidate => Path.Combine(folder, candidate)).FirstOrDefault(File.Exists);
        return file is null
            ? $"{name} (system library)"
            : $"{Path.GetFileName(file)} sha256 {Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)))}";
    }

    /// <summary>The methods, fields and types <paramref name="method"/>'s IL names (its direct callees among them), in IL order.</summary>
    /// <param name="method">A method with a body (none for abstract and extern ones).</param>
    public static IReadOnlyList<MemberInfo> NamedBy(MethodBase method)
    {
        ArgumentNullException.ThrowIfNull(method);
        return Disassemble(method).Members;
    }

    private static (string Digest, IReadOnlyCollection<string> Methods, IReadOnlyCollection<string> Native) Walk(Type[] roots)
    {
        ArgumentNullException.ThrowIfNull(roots);
        var memoKey = string.Join("|", roots.Select(r => r.AssemblyQualifiedName).Order(StringComparer.Ordinal));
        return Memo.GetOrAdd(memoKey, _ => new Walker(roots).Run());
    }

    private sealed class Walker
    {
        private readonly Queue<MethodBase> pending = new();
        private readonly HashSet<string> seen = new(StringComparer.Ordinal);
        private readonly HashSet<Type> typesTouched = [];
        private readonly SortedSet<string> external = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> native = new(StringComparer.Ordinal);
        private readonly IReadOnlyList<Type> ownTypes;

        public Walker(Type[] roots)
        {
            // The project's assemblies the roots can reach: the roots' own and every Nvf.* assembly they reference, transitively.
            var assemblies = new Dictionary<string, Assembly>(StringComparer.Ordinal);
            var stack = new Stack<Assembly>(roots.Select(r => r.Assembly));
            while (stack.Count > 0)
            {
                var assembly = stack.Pop();
                if (!assemblies.TryAdd(assembly.GetName().Name!, assembly))
                    continue;
                foreach (var reference in assembly.GetReferencedAssemblies().Where(a => a.Name!.StartsWith(OwnPrefix, StringComparison.Ordinal)))
                    stack.Push(Assembly.Load(reference));
            }

            ownTypes = assemblies.Values.SelectMany(a => a.GetTypes()).ToList();
            foreach (var root in roots)
                Touch(root, includeAllMethods: true);
        }

        public (string, IReadOnlyCollection<string>, IReadOnlyCollection<string>) Run()
        {
            var bodies = new SortedDictionary<string, string>(StringComparer.Ordinal);
            while (pending.Count > 0)
            {
                var method = pending.Dequeue();
                if (method.Attributes.HasFlag(MethodAttributes.PinvokeImpl))
                    NoteLibrary(method);
                bodies[Name(method)] = Body(method);
            }

            var libraries = native.Values.Order(StringComparer.Ordinal).ToList();
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            foreach (var (name, body) in bodies)
                hash.AppendData(Encoding.UTF8.GetBytes(name + "\n" + body + "\n"));
            foreach (var call in external)
                hash.AppendData(Encoding.UTF8.GetBytes("external " + call + "\n"));
            foreach (var library in libraries)
                hash.AppendData(Encoding.UTF8.GetBytes("native " + library + "\n"));
            return (Convert.ToHexStringLower(hash.GetHashAndReset()), bodies.Keys.ToList(), libraries);
        }

        // The library a P/Invoke names: its file's digest when it lies beside the declaring assembly (as the build puts
        // the project's shims), else its name (a system library, resolved by the loader's search path).
        private void NoteLibrary(MethodBase method)
        {
            var name = method.GetCustomAttribute<System.Runtime.InteropServices.DllImportAttribute>()?.Value;
            if (name is null || native.ContainsKey(name))
                return;
            native[name] = LibraryIdentity(name, Path.GetDirectoryName(method.Module.Assembly.Location));
        }

        private bool IsOwn(Type? type) => type?.Assembly.GetName().Name?.StartsWith(OwnPrefix, StringComparison.Ordinal) == true;

        private void Reach(MethodBase method)
        {
            if (method is MethodInfo { IsGenericMethod: true, IsGenericMethodDefinition: false } generic)
                method = generic.GetGenericMethodDefinition();
            if (method.DeclaringType is { IsGenericType: true, IsGenericTypeDefinition: false } declaring)
                method = MethodBase.GetMethodFromHandle(method.MethodHandle, declaring.GetGenericTypeDefinition().TypeHandle) ?? method;
            if (!IsOwn(method.DeclaringType))
            {
                external.Add($"{method.DeclaringType?.FullName}::{method} [{method.DeclaringType?.Assembly.GetName().Version}]");
                return;
            }

            if (!seen.Add(Name(method)))
                return;
            pending.Enqueue(method);
            Touch(method.DeclaringType!, includeAllMethods: false);
            // Only slots the project declares fan out: an override of object.ToString is reached where it is named.
            if (method is MethodInfo { IsVirtual: true } virtualMethod && IsOwn(virtualMethod.GetBaseDefinition().DeclaringType))
            {
                foreach (var implementation in Implementations(virtualMethod))
                    Reach(implementation);
            }
        }

        // A type in use: its static constructor and the compiler-made types nested in it (lambdas, iterators, state machines).
        private void Touch(Type type, bool includeAllMethods)
        {
            if (type.IsGenericType && !type.IsGenericTypeDefinition)
                type = type.GetGenericTypeDefinition();
            if (!IsOwn(type) || (!typesTouched.Add(type) && !includeAllMethods))
                return;
            if (type.TypeInitializer is { } initializer)
                Reach(initializer);
            foreach (var nested in type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic).Where(n => n.Name.Contains('<', StringComparison.Ordinal)))
                Touch(nested, includeAllMethods: true);
            if (!includeAllMethods)
                return;
            foreach (var method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
                Reach(method);
        }

        // Every override of `method` and every implementation of it (when it is an interface method) among the project's types.
        private IEnumerable<MethodInfo> Implementations(MethodInfo method)
        {
            var declaring = method.DeclaringType!;
            foreach (var type in ownTypes.Where(t => t != declaring && !t.IsInterface && !t.IsGenericTypeDefinition && declaring.IsAssignableFrom(t)))
            {
                if (declaring.IsInterface)
                {
                    var map = type.GetInterfaceMap(declaring);
                    var at = Array.IndexOf(map.InterfaceMethods, method);
                    if (at >= 0 && map.TargetMethods[at] is { } target)
                        yield return target;
                }
                else
                {
                    foreach (var candidate in type.GetMethods(Everything).Where(m => m.IsVirtual && m.Name == method.Name))
                    {
                        if (candidate.GetBaseDefinition().MethodHandle == method.GetBaseDefinition().MethodHandle)
                            yield return candidate;
                    }
                }
            }
        }

        // The method's IL as text, reaching every method, field and type it names.
        private string Body(MethodBase method)
        {
            var (text, members) = Disassemble(method);
            foreach (var member in members)
            {
                if (member is MethodBase callee)
                    Reach(callee);
                else if (member is FieldInfo field)
                    Touch(field.DeclaringType!, includeAllMethods: false);
                else if (member is Type type)
                    Touch(type, includeAllMethods: false);
            }

            return text;
        }
    }

    // The method's IL with every token replaced by what it names, its locals and its exception clauses; and the members it names.
    private static (string Text, List<MemberInfo> Members) Disassemble(MethodBase method)
    {
        var members = new List<MemberInfo>();
        var body = method.GetMethodBody();
        if (body is null)
        {
            // Abstract, extern (P/Invoke: its import counts by signature and attributes) or runtime-implemented.
            return ("no body " + method.Attributes + " " + string.Join(",", method.GetCustomAttributesData().Select(a => a.ToString())), members);
        }

        var il = body.GetILAsByteArray() ?? [];
        var text = new StringBuilder();
        text.Append("locals ").AppendJoin(",", body.LocalVariables.Select(l => l.LocalType.FullName ?? l.LocalType.Name)).Append('\n');
        foreach (var clause in body.ExceptionHandlingClauses)
            text.Append($"clause {clause.Flags} {clause.TryOffset} {clause.TryLength} {clause.HandlerOffset} {clause.HandlerLength} {(clause.Flags == ExceptionHandlingClauseOptions.Clause ? clause.CatchType?.FullName : "")}\n");
        var module = method.Module;
        var typeArguments = method.DeclaringType is { IsGenericType: true } t ? t.GetGenericArguments() : null;
        var methodArguments = method is MethodInfo { IsGenericMethod: true } m ? m.GetGenericArguments() : null;
        var at = 0;
        while (at < il.Length)
        {
            short value = il[at++];
            if (value == 0xFE)
                value = (short)(0xFE00 | il[at++]);
            var op = OpCodesByValue[value];
            text.Append(op.Name);
            switch (op.OperandType)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    {
                        var token = BitConverter.ToInt32(il, at);
                        at += 4;
                        MemberInfo? member;
                        try
                        {
                            member = module.ResolveMember(token, typeArguments, methodArguments);
                        }
                        catch (ArgumentException)
                        {
                            member = null;
                        }

                        text.Append(' ').Append(member is null ? $"token {token:x8}" : Describe(member));
                        if (member is not null)
                            members.Add(member);
                        break;
                    }

                case OperandType.InlineString:
                    text.Append(' ').Append(module.ResolveString(BitConverter.ToInt32(il, at)));
                    at += 4;
                    break;
                case OperandType.InlineSig:
                    text.Append(" sig");
                    at += 4;
                    break;
                case OperandType.InlineSwitch:
                    {
                        var count = BitConverter.ToInt32(il, at);
                        text.Append(' ').Append(Convert.ToHexString(il, at, 4 + (4 * count)));
                        at += 4 + (4 * count);
                        break;
                    }

                default:
                    var size = OperandSize(op.OperandType);
                    if (size > 0)
                        text.Append(' ').Append(Convert.ToHexString(il, at, size));
                    at += size;
                    break;
            }

            text.Append('\n');
        }

        return (text.ToString(), members);
    }

    private static int OperandSize(OperandType type) => type switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };

    private static string Describe(MemberInfo member) => member switch
    {
        MethodBase method => Name(method),
        FieldInfo field => $"{field.DeclaringType?.FullName}::{field.Name}",
        Type type => type.FullName ?? type.Name,
        _ => member.ToString() ?? member.Name,
    };

    private static string Name(MethodBase method) => $"{method.DeclaringType?.FullName}::{method}";
}
