namespace Nvf.Core.Provenance;

/// <summary>Generated data a run used: which generator, its seed and its parameters (e.g. a spec record's text).</summary>
/// <param name="Name">Generator name, e.g. "ArticleCorpusGenerator".</param>
/// <param name="Seed">The seed it was given.</param>
/// <param name="Parameters">Its parameters in readable form, e.g. "Articles = 1000, Dimension = 768".</param>
public sealed record GeneratorInfo(string Name, ulong Seed, string Parameters);
