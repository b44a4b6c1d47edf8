using FluentAssertions;
using Nvf.Cli.Tests.Support;
using Xunit;

namespace Nvf.Cli.Tests;

/// <summary>
/// The decision-gate table shows paths, not every boundary case of a pure function (issue "Answers first"): passing
/// Examples rows that record nothing become one row saying how many passed; a failing row and a scenario that took a
/// path keep their own rows; a passing check without a path is left to the Answers section.
/// </summary>
public sealed class DecisionGatesTests : IDisposable
{
    readonly TempRepository repository = new();

    [Fact]
    public void Passing_boundary_rows_are_one_row_a_failing_row_and_a_path_keep_their_own_and_a_pathless_check_is_left_out()
    {
        repository.Write("gate.json", "{ \"features\": \"features\", \"reportName\": \"acceptance\" }");
        repository.Write("features/boundaries.feature", """
            @sample @gate
            Feature: Boundaries
              Scenario Outline: the tree at <x>
                Given the sample passes

                Examples:
                  | x |
                  | 1 |
                  | 2 |
                  | 3 |

              Scenario Outline: the tier at <y>
                Given the sample <outcome>

                Examples:
                  | y | outcome                      |
                  | 4 | passes                       |
                  | 5 | fails because "a wrong tier" |

              Scenario: an experiment
                Given the sample records "sample.accuracy" = 0.5, higher is better

              Scenario: a decision
                Given the sample takes the path "train: 1 epoch → decision: continue training"
            """);

        var (exitCode, output, error) = NvfProcess.Run(repository.Root, "gate", "--config", "gate.json", "--out", "out");
        var markdown = File.ReadAllText(repository.PathOf("out/acceptance.md"));
        var gates = markdown[markdown.IndexOf("### Decision gates", StringComparison.Ordinal)..];
        gates = gates[..(gates.IndexOf("\n### ", 5, StringComparison.Ordinal) is var end and > 0 ? end : gates.Length)];

        exitCode.Should().Be(1, output + error);
        gates.Should().Contain("Boundaries › 3 Examples rows (x) | 3 boundary rows passed")
            .And.Contain("Boundaries › 1 Examples row (y, outcome) | 1 boundary row passed")
            .And.Contain("the tier at 5").And.Contain("a wrong tier")
            .And.Contain("Boundaries › a decision | train: 1 epoch → decision: continue training")
            .And.NotContain("the tree at 1")
            .And.NotContain("an experiment", "a passing check without a path is answered in Answers, not listed as a decision");
    }

    public void Dispose() => repository.Dispose();
}
