@nvf @gate @clustered
Feature: NVF on a clustered corpus (Task 2, option B)
  "Real data has semantic structure (similar documents cluster)." The seed's generator makes
  100 clusters x 10 documents, each normalize(centroid + noise per dimension). At dim 128 the seed's
  noise 0.2 has norm ~2.3, larger than the unit centroid: the clusters are loose (intra-cluster
  cosine ~0.16). The gate measures how clustered the data really is and runs both spreads.
  PyTorch here (rich-features reranker): pipeline 90.8% at 0.2, 88.5% at 0.05; 23% of soft
  attention's errors in-cluster with tight clusters, where chance is 9/999 (under 1%).
  Both stages are retrained on each corpus; the second stage is the "improved" reranker (see
  reranker.feature), which has to learn the cosine again from a random start on each corpus.
  Measured here: at 0.2, intra-cluster cosine 0.164, soft attention 70.5% Top-1, pipeline 95.2%
  [94.5, 95.7]; at 0.05, intra-cluster cosine 0.759, soft attention 66.1%, pipeline 92.4%
  [91.7, 93.1] (the tight spread is harder: neighbours in a cluster are close). Soft attention's
  errors land in the right cluster 3.1% [2.3, 4.1] of the time at 0.2 (loose clusters: about 3
  times chance) and 22.6% [20.7, 24.7] at 0.05 (about 25 times chance, as PyTorch's 23%). The
  thresholds below sit under those intervals: 2 times chance for the loose spread, 10 times
  chance for the tight one.

  Scenario Outline: Both stages retrained on a clustered corpus at spread <noise>
    Given a clustered corpus of 100 clusters x 10 documents of dimension 128, noise <noise> per dimension, seed 42
    And queries drawn uniformly on the unit sphere, labelled with their exact nearest neighbour
    When the clustering of the corpus is measured
    Then the mean intra-cluster cosine is about <intra> within 0.05
    And it exceeds the mean inter-cluster cosine
    When the soft attention model is trained with the config "nvf-soft-attention.seed.json"
    And the "improved" reranker is trained with the config "nvf-reranker.improved.json"
    And the pipeline is evaluated on 5000 fresh queries
    Then pipeline Top-1 is at least 88% (stretch 93%)
    And the share of soft attention's wrong answers in the right cluster is above chance of 9/999: its 95% interval lies above <factor> times chance

    Examples:
      | noise | intra | factor |
      | 0.2   | 0.16  | 2      |
      | 0.05  | 0.76  | 10     |
