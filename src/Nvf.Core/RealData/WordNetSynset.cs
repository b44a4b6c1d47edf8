namespace Nvf.Core.RealData;

/// <summary>One WordNet synset: its gloss split into the definition (a document) and the usage examples (queries).</summary>
/// <param name="Key">"n.02084071": part of speech and byte offset in its data file, unique across WordNet.</param>
/// <param name="Topic">Lexicographer file number, 0 to 44 (<see cref="WordNetCorpus.TopicNames"/>).</param>
/// <param name="Lemmas">Its words, underscores as spaces ("domestic dog").</param>
/// <param name="Definition">The gloss without its examples, e.g. "a member of the genus Canis ... since prehistoric times".</param>
/// <param name="Examples">Usage examples the lexicographers wrote, without quotes ("the dog barked all night").</param>
public sealed record WordNetSynset(string Key, int Topic, IReadOnlyList<string> Lemmas, string Definition, IReadOnlyList<string> Examples);
