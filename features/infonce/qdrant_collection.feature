@infonce @qdrant @gate
Feature: The plumbing checks against a Qdrant collection
  When a corpus outgrows one machine, researchers keep the payload in a Qdrant cluster. The gate
  then reads that collection (NVF_QDRANT_URL, NVF_QDRANT_API_KEY, NVF_QDRANT_COLLECTION): every
  point by scroll with its vector, placed at the payload row its payload field names
  (NVF_QDRANT_ROW_FIELD, default "row"), and runs the seed's checks on it beside the FAISS path:
  the vectors equal the run's payload and are unit norm, the eval targets align with them at
  their truth keys (cosine > 0.999, the seed's check), oracle recall (1,000 payload rows as
  their own queries: R@5 = R@50 = 100%, the seed's cuts; R@1 100% once an identical copy counts as
  the vector itself, the gate's cut), and R@5 and Contain@50
  of the predictions beside FAISS's exact search over the same rows. Searches are exact unless
  NVF_QDRANT_SEARCH=hnsw; the report says which search ran, since Qdrant scans exhaustively
  below a collection's indexing_threshold (10,000 KB by default) whatever the request asks;
  reads carry NVF_QDRANT_CONSISTENCY in a cluster.
  Without a researcher's collection the feature runs against the project's Qdrant double (not
  Qdrant): rows 0 to 19,999 of the generated payload under shuffled point ids, created with 2
  shards x 2 replicas, write consistency 2, strong write ordering and majority reads.

  Background:
    Given the payload and eval set of the run configuration "infonce-generated.json"
    And the payload of the run in a Qdrant collection
    When the payload is read back from the collection by scroll

  Scenario: The collection holds the payload, unit norm, aligned with the eval set
    Then every payload row is in the collection once and equals the run's payload
    And the collection's vectors pass the normalization check
    And the eval targets align with the collection's vectors at their truth keys

  Scenario: Oracle recall through the collection
    When the oracle queries are searched in the collection, top 50
    Then oracle recall through the collection meets the seed's figures and the report says which search ran

  Scenario: The predictions' R@5 and Contain@50 through the collection, beside exact search
    Given the predictions file of the run
    When the predictions are searched in the collection and by exact search over the same rows
    Then R@5 and Contain@50 through the collection are reported beside exact search's, and equal them when the search is exact
