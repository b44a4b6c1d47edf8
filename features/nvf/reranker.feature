@nvf @gate
Feature: The neural reranker (the fovea) lifts Top-1 from 68% to 90%+
  "97% Top-5 means the answer is there. We just can't pick it out from the crowd. This is a
  discrimination problem, not a retrieval problem."
  Query -> Soft Attention -> Top-5 Candidates -> Reranker -> Final Answer.
  Each reranker is trained separately on the frozen soft attention's Top-5 candidates of 100,000
  fresh queries with cross-entropy (5-way), hidden 128, dropout 0.1, 10% validation split, best
  state restored. Each learned stage is reported beside its non-learned control: re-scoring the
  Top-5 by exact cosine, which reaches the Top-5 coverage by construction.
  PyTorch here, 20 epochs: concatenation [q, c] 35.9%, rich features [q, c, q-c, q*c] 89.7%,
  control 97.4%. The seed's designs do not clear 90% with margin (this harness: 35.4% and 89.5%);
  the "improved" design does: a bilinear scorer s (q W)·c with W initialised to the identity and a
  learnable scale s (from 10, learnt in log space), plus an MLP correction over
  [q*c, q·c, soft-attention logit] whose last layer starts at zero, so training starts exactly at
  the exact-cosine control; trained at Adam 1e-4 for up to 40 epochs with early stopping
  (patience 3, the initial state counting as epoch 0). Measured here: no trained epoch beat the
  initial state, so the state kept is epoch 0, the exact cosine itself: with exact-nearest-
  neighbour labels nothing learned can beat it (100% given Top-5), and the seed's 90% is met
  because the design makes the cosine available, not because training found it.
  DESIGN.md's hints (the cosine as a feature, a bilinear scorer, early stopping) made one model.

  Background:
    Given a database of 1000 random unit vectors of dimension 128 drawn with seed 42
    And queries drawn uniformly on the unit sphere, labelled with their exact nearest neighbour
    And a soft attention model trained with the config "nvf-soft-attention.seed.json", then frozen

  Scenario Outline: The seed's reranker designs, beside the exact-cosine control
    When the "<design>" reranker is trained with the config "nvf-reranker.seed.json"
    And the pipeline is evaluated on 5000 fresh queries
    Then the report shows pipeline Top-1, Top-5 coverage and accuracy given Top-5 beside the control
    And pipeline Top-1 is at most the Top-5 coverage
    And pipeline Top-1 is <relation> the soft attention's Top-1

    Examples:
      | design        | relation |
      | concatenation | below    |
      | rich-features | above    |

  Scenario: The improved reranker meets the seed's 90% target
    When the "improved" reranker is trained with the config "nvf-reranker.improved.json"
    And the pipeline is evaluated on 5000 fresh queries
    Then pipeline Top-1 is at least 90% (stretch 95%)
    And pipeline Top-5 is at least 97%

  Scenario: The 3% the reranker cannot help
    # "If the correct answer isn't in Top-5 (3% of cases), reranker can't help."
    When the "improved" reranker is trained with the config "nvf-reranker.improved.json"
    And the pipeline is evaluated on 5000 fresh queries
    Then no query whose answer is outside the Top-5 is answered correctly
