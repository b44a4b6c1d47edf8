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
  control 97.4%. The seed's designs do not clear 90% with margin (this harness: 34.8% and 89.3%).
  The "improved" design does, by learning: score = w·[q*c, r] + b + MLP([q*c, r]), r being soft
  attention's logit minus its row maximum. The linear head over q*c is a diagonal bilinear form
  qᵀ diag(w) c that can express the cosine (w = s·1) but starts, like the MLP, at PyTorch's default
  random initialisation; nothing encodes the cosine. Adam 1e-3, up to 15 epochs, early stopping
  with patience 3 (the random initial state is validated as epoch 0). Measured here: validation
  accuracy 1.5% untrained (epoch 0, below the 20% of a random pick: the random head happens to
  anti-rank) -> 97.9% at the kept epoch 7 of 10; pipeline Top-1 95.0% [94.4, 95.6] (97.7% given
  the Top-5), beside the control's 97.3%. The control is the ceiling here: the labels are exact
  nearest neighbours, so the exact cosine is right whenever the label is in the Top-5; the learned
  model stays 2.3 points under it. At Adam 1e-4 the same model took 39 epochs to reach 98.5%
  validation (pipeline 95.9%) for about six times the training time.
  The learning check below asks for 50 points between epoch 0 and the kept state (measured: 96.4).

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

  Scenario: The improved reranker learns to meet the seed's 90% target
    When the "improved" reranker is trained with the config "nvf-reranker.improved.json"
    Then training lifted its validation accuracy by at least 50 points above the untrained state (epoch 0)
    When the pipeline is evaluated on 5000 fresh queries
    Then the report shows pipeline Top-1, Top-5 coverage and accuracy given Top-5 beside the control
    And pipeline Top-1 is at least 90% (stretch 95%)
    And pipeline Top-5 is at least 97%

  Scenario: The 3% the reranker cannot help
    # "If the correct answer isn't in Top-5 (3% of cases), reranker can't help."
    When the "improved" reranker is trained with the config "nvf-reranker.improved.json"
    And the pipeline is evaluated on 5000 fresh queries
    Then no query whose answer is outside the Top-5 is answered correctly
