@gate @regression @run-last
Feature: No metric regresses against the accepted baseline
  Every run records its metrics (the steps publish them with a direction: higher or lower is better)
  and compares them with the last accepted baseline, fixtures/baselines/gate.json. Each metric there
  carries its accepted value and a tolerance (absolute, relative, or its 95% interval); a run fails
  with a table of only the offending metrics: obtained, expected, difference. Updating the baseline
  is explicit (`nvf baseline accept`); CI never does it. This feature runs last (@run-last) so that
  it sees every metric of the run.

  Scenario: This run's metrics hold against the accepted baseline
    Given the accepted baseline "gate"
    When this run's metrics are compared with it
    Then no metric is worse than its tolerance allows
