@infonce @gate
Feature: The sanity report's summary table, filled in by the run
  The seed left three rows pending (separation, R@5, decision gate) while epoch 1 trained; the
  harness fills every row.

  Scenario: Summary table
    Given the payload and eval set of the run configuration "infonce-generated.json"
    When the auto-evaluation runs for the "attention" model after 1 epoch of "pure-infonce"
    Then the report shows the summary table with rows:
      | Check               |
      | Vector norm         |
      | FAISS metric        |
      | Oracle R@5          |
      | Eval alignment      |
      | Pos/neg separation  |
      | R@5 (IVF nprobe=64) |
      | Decision gate       |
    And no row is pending
