using System.Reflection;
using Nvf.Gherkin.Model;

namespace Nvf.Gherkin.Bindings;

/// <summary>Builds objects from table rows: header cells name constructor parameters or settable properties.</summary>
internal static class TableConverter
{
    public static IReadOnlyList<object> ToRecords(DataTable table, Type type) =>
        table.Rows.Select(row => Build(type, table.Header, row)).ToList();

    public static object ToVerticalRecord(DataTable table, Type type)
    {
        if (table.Header.Count != 2)
        {
            throw new FormatException($"a vertical table for {type.Name} needs 2 columns (field | value); got {table.Header.Count}.");
        }

        return Build(type, table.AllRows.Select(r => r[0]).ToList(), table.AllRows.Select(r => r[1]).ToList());
    }

    static object Build(Type type, IReadOnlyList<string> names, IReadOnlyList<string> values)
    {
        var cells = names.Select(Key).Zip(values).ToDictionary(p => p.First, p => p.Second);
        var constructor = type.GetConstructors()
            .OrderByDescending(c => c.GetParameters().Length)
            .FirstOrDefault(c => c.GetParameters().All(p => cells.ContainsKey(Key(p.Name!)) || p.HasDefaultValue));
        if (constructor is null)
        {
            throw new FormatException($"no public constructor of {type.Name} takes the columns {string.Join(", ", names)}; expected parameters named like the header (case and spaces ignored).");
        }

        var used = new HashSet<string>();
        var arguments = constructor.GetParameters().Select(p =>
        {
            var key = Key(p.Name!);
            if (!cells.TryGetValue(key, out var text))
            {
                return p.DefaultValue;
            }

            used.Add(key);
            return StepArgumentConverter.Convert(text, p.ParameterType);
        }).ToArray();
        var instance = constructor.Invoke(arguments);
        foreach (var (key, text) in cells.Where(c => !used.Contains(c.Key)))
        {
            var property = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).FirstOrDefault(p => Key(p.Name) == key && p.CanWrite)
                ?? throw new FormatException($"{type.Name} has no constructor parameter or settable property for column '{names.First(n => Key(n) == key)}'.");
            property.SetValue(instance, StepArgumentConverter.Convert(text, property.PropertyType));
        }

        return instance;
    }

    static string Key(string name) => new string(name.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
}
