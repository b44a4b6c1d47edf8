@nvf @gate
Feature: NVF soft attention reproduces the seed's current state
  NVF Phase 2 starts from "68% Top-1, 97% Top-5: the model knows the neighborhood but can't
  pinpoint the exact target". The harness retrains the seed's Phase 1 set-up (1,000 unit vectors,
  dim 128, seed 42; query MLP 128-128-128 plus a learnable temperature; 50 epochs on 50,000 random
  unit queries labelled with their exact nearest neighbour; Adam 1e-3, batch 256) and must land
  within 2 points of that state (PyTorch 1.13 measured 68.0% / 97.4% on this machine kind).
  Every accuracy is reported with its Wilson 95% interval and with the oracle ceiling: exact
  search on the same query distribution.

  Background:
    Given a database of 1000 random unit vectors of dimension 128 drawn with seed 42
    And queries drawn uniformly on the unit sphere, labelled with their exact nearest neighbour

  Scenario: Soft attention reproduces 68% Top-1 and 97% Top-5
    When the soft attention model is trained with the config "nvf-soft-attention.seed.json"
    And it is evaluated on 5000 fresh queries
    Then Top-1 accuracy is 68% within 2 points
    And Top-5 accuracy is 97% within 2 points
    And the oracle ceiling for Top-1 is 100%

  Scenario: Cross-entropy on logits matches the seed's log(softmax + 1e-10) loss
    # DESIGN.md: 67.9 / 97.4 with cross-entropy on logits vs 68.0 / 97.4 with the seed's loss.
    When the soft attention model is trained with the config "nvf-soft-attention.seed.json" and the seed's loss log(softmax + 1e-10)
    And it is evaluated on 5000 fresh queries
    Then Top-1 accuracy differs from the cross-entropy model's by at most 2 points
