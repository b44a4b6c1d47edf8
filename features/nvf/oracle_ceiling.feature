@nvf @gate
Feature: Targets are judged against the oracle ceiling
  The seed's reranker script draws a different query distribution: a database vector plus
  Gaussian noise 0.3, labelled with the source vector. There exact search itself finds the source
  only about half the time (PyTorch here: 51%; soft attention's Top-5 covers 72% and the reranked
  pipeline lands near 50%), so a 90% target is above the ceiling. The gate says so instead of
  failing mysteriously: the pipeline trained on the seed's own distribution is evaluated here, and
  its 90% target is reported UNREACHABLE, not missed. Measured here: exact search 51.8%
  [50.4, 53.2], soft attention's Top-5 covers 72.9%, the pipeline with the improved reranker 51.8%.

  Background:
    Given a database of 1000 random unit vectors of dimension 128 drawn with seed 42
    And queries made as a database vector plus Gaussian noise 0.3, labelled with the source vector

  Scenario: The 90% target is unreachable on the noisy-source distribution
    When the oracle ceiling is measured by exact search on 5000 such queries
    Then the oracle ceiling for Top-1 is about 51% within 3 points
    And a Top-1 target of 90% is reported as unreachable on this distribution
    Given a soft attention model trained with the config "nvf-soft-attention.seed.json", then frozen
    And the "improved" reranker is trained with the config "nvf-reranker.improved.json"
    When the pipeline is evaluated on 5000 fresh queries
    Then a pipeline Top-1 target of 90% is reported as unreachable there, not as missed
