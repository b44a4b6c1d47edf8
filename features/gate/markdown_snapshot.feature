@gate-self
Feature: The Markdown summary is approved as a snapshot
  The summary a CI job shows is compared with an approved copy by Verify (its core: a committed
  *.verified.md; a run that differs writes *.received.md beside it, ignored by git, and fails).
  Timestamps, run ids, durations and absolute paths are scrubbed first, so only a change in what the
  summary says (verdicts, counts, scenarios, metrics, reasons) needs a new approval.

  Scenario: A sample run's summary matches its approved snapshot
    Given a sample suite
      """gherkin
      @sample
      Feature: Sample
        Scenario: records a metric
          Given the sample records "sample.accuracy" = 0.68, higher is better
        Scenario: lacks a precondition
          Given the sample skips because "no Qdrant server reachable at /tmp/qdrant.sock"
        Scenario: is not written yet
          Given a step nobody wrote
      """
    When the sample suite runs
    Then its Markdown summary matches the approved snapshot "sample-summary.verified.md"
