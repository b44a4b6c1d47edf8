using System.Diagnostics;
using FluentAssertions;
using Nvf.Core.Provenance;
using Nvf.Core.Tests.Data;
using Xunit;

namespace Nvf.Core.Tests.Provenance;

public sealed class GitRevisionTests
{
    private const string Commit = "0123456789abcdef0123456789abcdef01234567";

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    [Fact]
    public void Loose_branch_ref_is_read_from_the_files()
    {
        using var temp = new TempFolder();
        Write(temp.File(".git/HEAD"), "ref: refs/heads/main\n");
        Write(temp.File(".git/refs/heads/main"), Commit + "\n");
        Directory.CreateDirectory(temp.File("src/deep"));
        GitRevision.Read(temp.File("src/deep")).Should().Be(new GitRevision(Commit, "main", "git files", null));
    }

    [Fact]
    public void Packed_ref_and_detached_head_are_read()
    {
        using var temp = new TempFolder();
        Write(temp.File(".git/HEAD"), "ref: refs/heads/topic\n");
        Write(temp.File(".git/packed-refs"), $"# pack-refs with: peeled fully-peeled sorted\n{Commit} refs/heads/topic\n");
        GitRevision.Read(temp.Path).Commit.Should().Be(Commit);

        Write(temp.File(".git/HEAD"), Commit.Replace('0', 'f') + "\n");
        GitRevision.Read(temp.Path).Should().Be(new GitRevision(Commit.Replace('0', 'f'), null, "git files", null));
    }

    [Fact]
    public void Worktree_gitdir_file_and_commondir_are_followed()
    {
        using var temp = new TempFolder();
        Write(temp.File("main/.git/refs/heads/feature"), Commit);
        Write(temp.File("main/.git/worktrees/wt/HEAD"), "ref: refs/heads/feature");
        Write(temp.File("main/.git/worktrees/wt/commondir"), "../..");
        Write(temp.File("wt/.git"), $"gitdir: {temp.File("main/.git/worktrees/wt")}\n");
        GitRevision.Read(temp.File("wt")).Should().Be(new GitRevision(Commit, "feature", "git files", null));
    }

    [Fact]
    public void Outside_any_repository_the_commit_is_unknown_with_the_reasons()
    {
        using var temp = new TempFolder();
        var revision = GitRevision.Read(temp.Path);
        revision.Commit.Should().Be(GitRevision.Unknown);
        revision.Reason.Should().Contain("no .git above").And.Contain("git");
    }

    [Fact]
    public void This_repository_agrees_with_git_rev_parse()
    {
        var info = new ProcessStartInfo("git", "rev-parse HEAD") { WorkingDirectory = RepositoryRoot.Path, RedirectStandardOutput = true };
        using var git = Process.Start(info)!;
        var expected = git.StandardOutput.ReadToEnd().Trim();
        git.WaitForExit();
        GitRevision.Read(RepositoryRoot.Path).Commit.Should().Be(expected);
    }
}
