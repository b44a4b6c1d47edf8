@infonce @gate @predictions
Feature: The researcher's own predictions
  The sanity report's pending rows (pos/neg separation, R@5 through IVF nprobe 64, the decision gate)
  are questions about the researcher's epoch-1 checkpoint: "Waiting for epoch 1 completion for
  retrieval test", "When epoch 1 completes, run the auto-evaluation". The gate answers them for a
  predictions file: a float32 or float64 .npy (M, D) whose row i is the model's output for eval row
  i, named by NVF_PREDICTIONS or by `nvf evaluate --predictions P.npy`. It measures separation over
  in-batch negatives (batches of 1,024, as the seed trains), R@5 and Contain@50 through the IVF
  index at nprobe 64, the tier (Minimum: R@5 > 0% and delta > 0.05; Good: R@5 >= 5% and delta
  >= 0.10; Strong: R@5 >= 10% and delta >= 0.15) and the decision. It runs the flat ablation itself
  when the tree says "check the flat index"; "train 1-2 more epochs" and "pivot to two-tower" are
  the verdict, with the numbers behind it. The seed evaluates on a 91.5%-leaked eval set: the
  leakage is shown beside R@5 when the training set is known.
  Without a researcher's file the gate writes the epoch-1 predictions of its own attention model on
  the generated data to such a file and evaluates the file: that must reproduce the in-process
  measurement exactly.

  Scenario: A predictions file fills every row of the summary table
    Given the payload and eval set of the run configuration "infonce-generated.json"
    And an IVF-Flat inner-product index over the payload, nprobe 64
    And the predictions file of the run
    When the predictions are evaluated
    Then the report shows pos/neg cosine, delta, AUC and the cosine histogram over in-batch negatives
    And the report shows R@5 and Contain@50 through the IVF index beside the eval set's leakage
    And the report states the success tier, the decision and its action
    And every row of the seed's summary table is filled

  Scenario: Evaluating a file reproduces the in-process measurement of the same model
    Given the payload and eval set of the run configuration "infonce-generated.json"
    And the "attention" model's epoch-1 predictions of "pure-infonce" written to a predictions file
    When the predictions are evaluated
    Then delta, AUC, R@5 and Contain@50 equal the in-process measurement of the same model
