@teacher @stores @gate
Feature: The vector database as NVF's teacher (Task 2, option A)
  "Spin up Qdrant locally, index a corpus, log query/result pairs, train NVF on logged data."
  The store indexes the seed's clustered corpus (row i under id i) and answers three query sets:
  soft attention's training queries, the reranker's, and held-out queries. Its answers go to
  query-log files (format nvf-query-log v1: queries, top-10 ids, scores), which are read back:
  NVF's labels are the store's top-1 answers, not the generator's.
  Criterion (seed: "similar accuracy on clustered data"): NVF trained from the store's logs agrees
  with the store, on the held-out queries, within 2 points of NVF trained with the same configs on
  the same queries labelled by the generator; 2 points is DESIGN.md's reproduction tolerance.
  CI budget: soft attention 20,000 queries x 20 epochs, the improved reranker 20,000 queries x at
  most 10 epochs (the seed: 50,000 x 50 and 100,000 x 20; DESIGN.md measured 69.7 / 97.6 and 90.8
  with them on this corpus). Measured here with FAISS flat (n = 5,000 held-out queries): agreement
  soft attention Top-1 49.2% [47.8, 50.6], Top-5 87.6% [86.7, 88.5], pipeline Top-1 87.6% [86.7, 88.5]
  (the improved reranker kept its initial exact-cosine state, its best on validation), equal to the
  generator-label figures: FAISS flat's top-1 was the exact nearest neighbour for all 45,000 logged
  queries, so both trainings saw the same labels. A store with other answers (an approximate index)
  shows its label errors in the log table and here. Qdrant is not one at this size: 1,000 x 128
  floats is 500 KB, under its default indexing_threshold of 10,000 KB, so it builds no HNSW index
  and scans exhaustively whatever exact and hnsw_ef say (the store's description names the search
  that ran). Cost: about 30 s of CPU per store.
  The 99.9% label check allows float32 rounding to swap a near-tie once in 1,000; measured: never.

  Scenario Outline: NVF learns from the <store> store's query log
    Given a clustered corpus of 100 clusters x 10 documents of dimension 128, noise 0.2 per dimension, seed 42
    And the <store> store
    When the corpus is indexed into the store and its answers are logged as the teacher config "teacher-clustered.json" says, for the NVF configs "teacher-soft-attention.json" and "teacher-reranker.json" with the "improved" reranker
    Then the store's top-1 is the exact nearest neighbour for at least 99.9% of the logged queries
    When NVF is trained from the logs and its agreement with the store is measured on the held-out log
    Then agreement with the store is within 2 points of NVF trained on generator labels, for soft attention Top-1, Top-5 and pipeline Top-1

    Examples:
      | store  |
      | faiss  |
      | qdrant |
