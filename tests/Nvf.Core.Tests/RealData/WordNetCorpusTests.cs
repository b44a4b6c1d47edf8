using FluentAssertions;
using Nvf.Core.Artifacts;
using Nvf.Core.RealData;
using Xunit;

namespace Nvf.Core.Tests.RealData;

/// <summary>WordNet as Debian's wordnet-base installs it, and a database file that is not WordNet.</summary>
public sealed class WordNetCorpusTests
{
    [Fact]
    public void Reads_every_synset_its_examples_and_the_45_lexicographer_files()
    {
        if (!File.Exists(Path.Combine(WordNetCorpus.DefaultFolder, "data.noun")))
        {
            Assert.Fail($"{WordNetCorpus.DefaultFolder} is missing: scripts/setup.sh installs wordnet-base");
        }

        var wordnet = WordNetCorpus.Load();

        wordnet.Synsets.Should().HaveCount(117_659, "WordNet 3.0's synset count");
        wordnet.Synsets.Sum(s => s.Examples.Count).Should().Be(48_339);
        wordnet.TopicNames.Should().HaveCount(45).And.Contain("noun.animal").And.Contain("verb.motion");
        wordnet.TopicNames[5].Should().Be("noun.animal");
        var dog = wordnet.Synsets.Single(s => s.Key == "n.02084071");
        dog.Lemmas.Should().Equal("dog", "domestic dog", "Canis familiaris");
        dog.Definition.Should().StartWith("a member of the genus Canis").And.NotContain("\"");
        dog.Examples.Should().Equal("the dog barked all night");
        wordnet.TopicNames[dog.Topic].Should().Be("noun.animal");
        wordnet.ReplacedCharacters.Should().Be(0);
    }

    [Fact]
    public void A_line_that_is_not_a_synset_is_named_with_its_file_and_line()
    {
        var folder = Directory.CreateTempSubdirectory("nvf-wordnet-");
        try
        {
            foreach (var name in new[] { "data.noun", "data.verb", "data.adj", "data.adv" })
                File.WriteAllText(Path.Combine(folder.FullName, name), "  license header line\n");
            File.AppendAllText(Path.Combine(folder.FullName, "data.verb"), "00001740 03 v 01 breathe 0 | draw air; \"she breathes\"\nthis is not a synset\n");

            var load = () => WordNetCorpus.Load(folder.FullName);

            load.Should().Throw<ArtifactException>().WithMessage("*data.verb: line 3 is not a synset in wndb(5WN) format*");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_missing_database_says_which_package_to_install()
    {
        var load = () => WordNetCorpus.Load("/nonexistent/wordnet");

        load.Should().Throw<ArtifactException>().WithMessage("WordNet is not installed: /nonexistent/wordnet/data.noun*install Debian's wordnet-base*");
    }
}
