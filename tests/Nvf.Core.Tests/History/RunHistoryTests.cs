using FluentAssertions;
using Nvf.Core.History;
using Nvf.Core.Tests.Data;
using Xunit;

namespace Nvf.Core.Tests.History;

public sealed class RunHistoryTests
{
    static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void A_recorded_run_reads_back_equal_with_its_provenance_and_metrics()
    {
        using var temp = new TempFolder();
        var history = new RunHistory(temp.Path);
        var run = SampleRuns.Run("20261123-093000-aaaaaa", Monday, SampleRuns.Top1(0.68, 0.667, 0.693));

        history.Record(run);
        var back = history.Find(null);

        back.Should().BeEquivalentTo(run);
        back.Provenance.Git.Commit.Should().Be(run.Provenance.Git.Commit);
        back.Metric("nvf.top1")!.Low.Should().Be(0.667);
    }

    [Fact]
    public void Runs_list_oldest_first_and_find_takes_ids_prefixes_and_latest()
    {
        using var temp = new TempFolder();
        var history = new RunHistory(temp.Path);
        history.Record(SampleRuns.Run("20261123-110000-bbbbbb", Monday.AddHours(2)));
        history.Record(SampleRuns.Run("20261123-093000-aaaaaa", Monday));

        history.List().Runs.Select(r => r.RunId).Should().Equal("20261123-093000-aaaaaa", "20261123-110000-bbbbbb");
        history.Find("latest").RunId.Should().Be("20261123-110000-bbbbbb");
        history.Find("20261123-09").RunId.Should().Be("20261123-093000-aaaaaa");
        history.Invoking(h => h.Find("20261123")).Should().Throw<RunNotFoundException>().WithMessage("*names 2 runs*");
        history.Invoking(h => h.Find("2025")).Should().Throw<RunNotFoundException>().WithMessage("*No run '2025'*20261123-110000-bbbbbb*");
    }

    [Fact]
    public void A_crashed_run_and_a_corrupt_record_leave_earlier_runs_readable()
    {
        using var temp = new TempFolder();
        var history = new RunHistory(temp.Path);
        history.Record(SampleRuns.Run("20261123-093000-aaaaaa", Monday));
        // A run that died before recording: reports written, no run.json; and a half-written temporary file.
        Directory.CreateDirectory(history.RunDirectory("20261123-100000-cccccc"));
        File.WriteAllText(Path.Combine(history.RunDirectory("20261123-100000-cccccc"), ".run.json.0123.tmp"), "{\"runId\": \"2026");
        // A record damaged by hand.
        Directory.CreateDirectory(history.RunDirectory("20261123-103000-dddddd"));
        File.WriteAllText(Path.Combine(history.RunDirectory("20261123-103000-dddddd"), RunHistory.RecordFileName), "{\"runId\": ");

        var listing = history.List();

        listing.Runs.Select(r => r.RunId).Should().Equal("20261123-093000-aaaaaa");
        listing.Problems.Should().ContainSingle().Which.Should().Contain("20261123-103000-dddddd");
    }

    [Fact]
    public void Recording_replaces_the_file_atomically_and_leaves_no_temporary_file()
    {
        using var temp = new TempFolder();
        var history = new RunHistory(temp.Path);
        var run = SampleRuns.Run("20261123-093000-aaaaaa", Monday);
        history.Record(run);
        history.Record(run with { Passed = false });

        Directory.GetFiles(history.RunDirectory(run.RunId)).Select(Path.GetFileName).Should().Equal(RunHistory.RecordFileName);
        history.Find(null).Passed.Should().BeFalse();
    }

    [Fact]
    public void An_empty_history_and_a_path_like_run_id_are_refused_with_clear_messages()
    {
        using var temp = new TempFolder();
        var history = new RunHistory(Path.Combine(temp.Path, "missing"));

        history.List().Runs.Should().BeEmpty();
        history.Invoking(h => h.Find(null)).Should().Throw<RunNotFoundException>().WithMessage("No run recorded in *; run `nvf gate` first.");
        history.Invoking(h => h.RunDirectory("../etc")).Should().Throw<ArgumentException>().WithMessage("*not a plain folder name*");
    }

    [Fact]
    public void New_run_ids_sort_by_start_time_and_differ_within_a_second()
    {
        var a = RunHistory.NewRunId(Monday);
        var b = RunHistory.NewRunId(Monday);
        var later = RunHistory.NewRunId(Monday.AddSeconds(1));

        a.Should().MatchRegex(@"^20261123-093000-[0-9a-f]{6}$");
        a.Should().NotBe(b);
        string.CompareOrdinal(later, a).Should().BePositive();
    }
}
