
namespace Nvf.Gherkin.Model;

/// <summary>
/// A step's table argument. The first row is the header; <see cref="Rows"/> are the rows below it.
/// </summary>
public sealed class DataTable
{
    /// <summary>Creates a table from its rows of cells, header first; every row must have the header's width.</summary>
    /// <param name="cells">Rows of cells, header first (at least one row).</param>
    /// <param name="line">1-based line of the first row in its file (0 when built in code).</param>
    public DataTable(IReadOnlyList<IReadOnlyList<string>> cells, int line = 0)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Count == 0)
        {
            throw new ArgumentException("A data table needs at least one row (its header); got none.", nameof(cells));
        }

        var width = cells[0].Count;
        for (var i = 1; i < cells.Count; i++)
        {
            if (cells[i].Count != width)
            {
                throw new ArgumentException($"Row {i} has {cells[i].Count} cells; expected {width} like the header.", nameof(cells));
            }
        }

        AllRows = cells;
        Line = line;
    }

    /// <summary>Every row including the header, as written.</summary>
    public IReadOnlyList<IReadOnlyList<string>> AllRows { get; }

    /// <summary>The header row's cells.</summary>
    public IReadOnlyList<string> Header => AllRows[0];

    /// <summary>The rows below the header.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows => AllRows.Skip(1).ToList();

    /// <summary>1-based line of the first row in its file (0 when built in code).</summary>
    public int Line { get; }


    /// <summary>Each row below the header as a dictionary from header cell to cell.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> ToDictionaries() =>
        Rows.Select(r => (IReadOnlyDictionary<string, string>)Header.Zip(r).ToDictionary(p => p.First, p => p.Second)).ToList();
}
