using Nvf.Core.Decision;
using Nvf.Core.Retrieval;
namespace Nvf.Core.InfoNce;

/// <summary>A titled table of text cells, ready for a report (the seed's "Metric | Result | Status" tables).</summary>
/// <param name="Title">Caption.</param>
/// <param name="Headers">Column names.</param>
/// <param name="Rows">Rows, each as wide as the headers.</param>
public sealed record Table(string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);
