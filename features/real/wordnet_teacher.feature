@real @wordnet @teacher @gate
Feature: Task 2 option A on real text: WordNet, all-MiniLM-L6-v2, and the store as NVF's teacher
  NVF Phase 2, "Connect to real Qdrant": synthetic vectors lack what real data has (semantic structure, a
  non-uniform distribution, real embeddings from actual content). Option A: index a small real corpus, embed it
  with sentence-transformers, log query/result pairs, train NVF on the logged data; option B (clustered synthetic
  data) only "to test the principle, then option A for validation".
  Here the corpus is WordNet 3.0 (Debian wordnet-base): 4,000 synset definitions embedded by all-MiniLM-L6-v2
  (384-d) are the store's documents, and the lexicographers' usage examples are the queries (never the definition
  itself). The store's answers to the training examples are logged to query-log files and read back as NVF's labels;
  held-out examples (never trained on) measure NVF against the store, and against WordNet's own truth (the synset
  the example belongs to), so the report tells "NVF imitates the store" from "the store answers the query".
  Target: the seed's Task 2 asks for accuracy similar to Task 1's, i.e. its 90% pipeline Top-1, here as agreement
  with the store. That verdict (met, missed or unreachable) is the scenario's answer, not its pass/fail: measured
  here it is MISSED (about 72%), because soft attention fitted to a log of ~8,400 real queries covers the store's
  answer in its Top-5 only ~77% of the time (it covered 97% of fresh random queries after 50,000 in Phase 1).
  What must hold for that answer to be trusted is checked: the store is exact, nothing is answered from outside
  the Top-5 (the seed: "if the correct answer isn't in Top-5, reranker can't help"), and the learned reranker does
  its own job, picking the store's answer out of the Top-5 at the seed's 90%.
  The cluster bonus uses WordNet's 45 lexicographer files (noun.animal, verb.motion, ...) as topics.
  Nothing here is a fact of generated data: counts and dimensions are read from the corpus and the model.

  Background:
    Given WordNet embedded by all-MiniLM-L6-v2 as the real-data config "real-wordnet.json" says

  Scenario Outline: NVF learns from the <store> store's answers to real queries
    Given the <store> store
    When the definitions are indexed into the store, its answers to the usage examples are logged, and NVF is trained from the training log with the configs "real-soft-attention.json" and "real-reranker.json" and the "improved" reranker
    Then the store's top-1 is the exact nearest neighbour for at least 99% of the held-out usage examples (the oracle ceiling of imitating it)
    And pipeline Top-1 agreement with the store on the held-out usage examples is judged against the seed's 90% target, beside soft attention's Top-5 and the exact-cosine control
    And no held-out example is answered right from outside soft attention's Top-5
    And given the store's answer among soft attention's Top-5, the learned reranker picks it at least 90% of the time
    And how often the store itself answers with the example's own synset is reported beside NVF's answers, and is above chance (1 in N)
    And soft attention's wrong answers land in the store answer's lexicographer topic more often than chance from the real topic sizes
    And the real definitions' intra- and inter-topic cosine is reported beside the seed's generator at noise 0.2 and 0.05 per dimension

    Examples:
      | store  |
      | faiss  |
      | qdrant |
