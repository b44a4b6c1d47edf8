@gate-self
Feature: How a run is compared with a baseline
  The regression check reports only the offending metrics, in the baseline's order, each with what
  was obtained, what was expected and the difference. A metric may move in its good direction freely
  and in its bad direction by its tolerance: the largest of an absolute amount, a fraction of the
  expected value, and the distance to the bad end of the accepted 95% interval. Metrics the run did
  not measure (a tag-filtered run) are named, not failed.

  Scenario: Only metrics worse than their tolerance are reported
    Given a baseline with the metrics
      | metric        | expected | better | tolerance    | low   | high  |
      | nvf.top1      | 0.68     | higher | ±0.02        |       |       |
      | nvf.top5      | 0.974    | higher | 95% interval | 0.969 | 0.978 |
      | train.loss    | 2.0      | lower  | ±5%          |       |       |
      | oracle.recall | 1.0      | higher | exact        |       |       |
    When a run obtains
      | metric        | value |
      | nvf.top1      | 0.65  |
      | nvf.top5      | 0.970 |
      | train.loss    | 2.2   |
      | oracle.recall | 1.0   |
    Then the offending metrics are
      | metric     | obtained | expected | difference |
      | nvf.top1   | 0.65     | 0.68     | -0.03      |
      | train.loss | 2.2      | 2        | +0.2       |

  Scenario: Improvements and unmeasured metrics are not regressions
    Given a baseline with the metrics
      | metric     | expected | better | tolerance |
      | nvf.top1   | 0.68     | higher | exact     |
      | train.loss | 2.0      | lower  | exact     |
      | faiss.r5   | 0.95     | higher | ±0.01     |
    When a run obtains
      | metric     | value |
      | nvf.top1   | 0.93  |
      | train.loss | 0.5   |
    Then no metric is worse than its tolerance allows
    And the metrics not measured are "faiss.r5"
