using Nvf.Gherkin.Bindings;
using Nvf.Gherkin.Model;

namespace Nvf.Gherkin.Running;

/// <summary>Builds a binding's argument list: captures converted to the parameter types, then the table or DocString.</summary>
internal static class StepArguments
{
    public static object?[] Build(StepBinding binding, IReadOnlyList<string> captures, StepInfo step)
    {
        var parameters = binding.Method.GetParameters();
        var hasArgument = step.Table is not null || step.DocString is not null;
        var expected = captures.Count + (hasArgument ? 1 : 0);
        if (parameters.Length != expected)
        {
            var argument = step.Table is not null ? " and a table" : step.DocString is not null ? " and a DocString" : "";
            throw new InvalidOperationException(
                $"{binding.Location} takes {parameters.Length} parameters, but the step supplies {captures.Count} captured value(s){argument}; expected the method to take {expected}.");
        }

        var arguments = new object?[parameters.Length];
        for (var i = 0; i < captures.Count; i++)
        {
            arguments[i] = StepArgumentConverter.Convert(captures[i], parameters[i].ParameterType);
        }

        if (hasArgument)
        {
            var target = parameters[^1].ParameterType;
            arguments[^1] = step.Table is not null ? FromTable(step.Table, target) : FromDocString(step.DocString!, target);
        }

        return arguments;
    }

    static object? FromDocString(DocString docString, Type target) =>
        target == typeof(DocString) ? docString : StepArgumentConverter.Convert(docString.Content, target);

    static object FromTable(DataTable table, Type target)
    {
        if (target == typeof(DataTable))
        {
            return table;
        }

        var element = target.IsArray ? target.GetElementType() : target.IsGenericType && target.GetGenericArguments().Length == 1 ? target.GetGenericArguments()[0] : null;
        if (element is null || target == typeof(string))
        {
            return TableConverter.ToVerticalRecord(table, target);
        }

        var records = TableConverter.ToRecords(table, element);
        var typed = Array.CreateInstance(element, records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            typed.SetValue(records[i], i);
        }

        if (target.IsAssignableFrom(typed.GetType()))
        {
            return typed;
        }

        var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
        foreach (var record in records)
        {
            list.Add(record);
        }

        return target.IsAssignableFrom(list.GetType())
            ? list
            : throw new InvalidOperationException($"cannot pass a table as {target.Name}; expected DataTable, T[], List<T>, IReadOnlyList<T>, IEnumerable<T> or a record (vertical table).");
    }
}
