using System.Reflection;
using FluentAssertions;
using Nvf.Core.Artifacts;
using Nvf.Core.Data;
using Nvf.Core.Pipeline;
using Nvf.Core.Provenance;
using Nvf.Core.Training;
using Xunit;

namespace Nvf.Core.Tests.Provenance;

public sealed class CodeFingerprintTests
{
    [Fact]
    public void The_payload_generator_covers_what_makes_the_data_and_nothing_of_training()
    {
        var reached = CodeFingerprint.Reached(typeof(GeneratedGateData));

        reached.Should().Contain(m => m.StartsWith("Nvf.Core.Data.ArticleCorpusGenerator::", StringComparison.Ordinal) && m.Contains(" Generate(", StringComparison.Ordinal), "the generator is called");
        reached.Should().Contain(m => m.StartsWith("Nvf.Core.Data.ArticleCorpusGenerator+<>c__DisplayClass", StringComparison.Ordinal), "the lambda Parallel.For runs is reached through its delegate");
        reached.Should().Contain(m => m.StartsWith("Nvf.Core.Data.SeededRandom::", StringComparison.Ordinal), "the random streams decide the data");
        reached.Should().Contain(m => m.StartsWith("Nvf.Core.Data.NumPy.NpyRowFile::", StringComparison.Ordinal) && m.Contains("CopyRows", StringComparison.Ordinal),
            "a call through the IVectorRows interface reaches every implementation in the project");
        reached.Should().NotContain(m => m.StartsWith("Nvf.Core.Pipeline.", StringComparison.Ordinal), "training code does not make the payload");
        reached.Should().NotContain(m => m.StartsWith("Nvf.Core.History.", StringComparison.Ordinal) || m.StartsWith("Nvf.Core.Answers.", StringComparison.Ordinal), "run history and answers do not make the payload");
    }

    [Fact]
    public void An_abstract_call_reaches_every_override_and_the_digest_is_stable()
    {
        var reached = CodeFingerprint.Reached(typeof(RerankerTrainer));

        foreach (var design in new[] { typeof(ConcatenationReranker), typeof(RichFeatureReranker), typeof(ImprovedReranker) })
            reached.Should().Contain(m => m.StartsWith(design.FullName + "::", StringComparison.Ordinal) && m.Contains(" Score(", StringComparison.Ordinal), $"Reranker.Score is abstract: {design.Name}'s override runs");
        CodeFingerprint.Of(typeof(RerankerTrainer)).Should().MatchRegex("^[0-9a-f]{64}$").And.Be(CodeFingerprint.Of(typeof(RerankerTrainer)));
        CodeFingerprint.Of(typeof(RerankerTrainer)).Should().NotBe(CodeFingerprint.Of(typeof(SoftAttentionTrainer)));
    }

    [Fact]
    public void The_training_code_covers_the_native_shims_by_their_files_and_libc_by_name()
    {
        var libraries = CodeFingerprint.NativeLibraries([.. TrainedModelStore.TrainingCode]);

        libraries.Should().Contain(l => l.StartsWith("libnvftorch.so sha256 ", StringComparison.Ordinal), "the trainers run libtorch through the shim the build compiles");
        libraries.Should().Contain(l => l.StartsWith("libnvf_faiss.so sha256 ", StringComparison.Ordinal), "InfoNCE's index runs through the FAISS shim");
        libraries.Should().Contain(l => l.StartsWith("libc", StringComparison.Ordinal) && l.EndsWith(" (system library)", StringComparison.Ordinal));
        CodeFingerprint.NativeLibraries(typeof(GeneratedGateData)).Should().BeEmpty("the payload is made in managed code");
    }

    [Fact]
    public void A_library_beside_the_assembly_counts_by_its_bytes()
    {
        var folder = Directory.CreateTempSubdirectory("nvf-fingerprint-").FullName;
        try
        {
            var library = Path.Combine(folder, "libshim.so");
            File.WriteAllBytes(library, [1, 2, 3]);
            var first = CodeFingerprint.LibraryIdentity("shim", folder);
            File.WriteAllBytes(library, [1, 2, 4]);

            first.Should().Be("libshim.so sha256 " + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData([1, 2, 3])));
            CodeFingerprint.LibraryIdentity("shim", folder).Should().NotBe(first, "a rebuilt shim changes what the caches are keyed by");
            CodeFingerprint.LibraryIdentity("m", folder).Should().Be("m (system library)");
            CodeFingerprint.LibraryIdentity("m", null).Should().Be("m (system library)");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_method_is_described_by_what_its_tokens_name()
    {
        var build = typeof(GeneratedGateData).GetMethod(nameof(GeneratedGateData.Build))!;

        var named = CodeFingerprint.NamedBy(build);

        named.OfType<MethodBase>().Should().Contain(m => m.Name == "CacheKey" && m.DeclaringType == typeof(GeneratedGateData));
        named.OfType<MethodBase>().Should().Contain(m => m.Name == "Open" && m.DeclaringType == typeof(global::Nvf.Core.Data.NumPy.NpyRowFile));
    }

    [Fact]
    public void Every_use_of_the_model_store_in_core_is_covered_by_the_training_code_identity()
    {
        // A trainer that stored models from outside TrainedModelStore.TrainingCode would keep serving them after its code changed.
        var storeMembers = typeof(TrainedModelStore).GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly).Where(m => m is MethodBase).ToHashSet();
        var users = typeof(TrainedModelStore).Assembly.GetTypes()
            .Where(t => t != typeof(TrainedModelStore) && t.DeclaringType != typeof(TrainedModelStore))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly).Cast<MethodBase>()
                .Concat(t.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)))
            .Where(m => m.GetMethodBody() is not null && !m.ContainsGenericParameters && CodeFingerprint.NamedBy(m).Any(storeMembers.Contains))
            .Select(m => $"{m.DeclaringType!.FullName}::{m}")
            .ToList();
        var covered = CodeFingerprint.Reached([.. TrainedModelStore.TrainingCode]);

        users.Should().NotBeEmpty("the trainers use the store");
        users.Should().OnlyContain(u => covered.Contains(u), "every method that reads or writes trained models is part of the code identity their keys hold");
        TrainedModelStore.CodeIdentity.Should().Contain("code " + CodeFingerprint.Of([.. TrainedModelStore.TrainingCode]));
        covered.Should().NotContain(m => m.StartsWith("Nvf.Core.History.", StringComparison.Ordinal) || m.StartsWith("Nvf.Core.Baselines.", StringComparison.Ordinal), "a change to run history or baselines keeps the trained models");
    }
}
