@infonce @plumbing @gate
Feature: Pure InfoNCE plumbing checks
  The sanity report's checks that must pass before any training result means anything: the index
  finds the payload, vectors are normalized, eval targets are the payload vectors, and we know where
  the eval set came from. Each check has a negative control that proves it can fail.
  Runs on generated data by default (584,000 x 768 payload of synthetic articles with topic
  structure and 2% exact duplicate chunks), or on a researcher's artifacts (NVF_PAYLOAD, NVF_EVAL,
  NVF_INDEX, NVF_PAYLOAD_KEYS, NVF_TRAIN, or a NVF_ARTIFACTS file naming them).
  The seed saw: oracle R@1 95.2%, R@5 100.0%, R@50 100.0%; norms 0.999999 to 1.000001;
  eval alignment mean = min cosine 1.000000, 100/100 aligned; eval set 91.5% leaked.

  Background:
    Given the payload and eval set of the run configuration "infonce-generated.json"

  Scenario: Oracle recall on the IVF index (index sanity)
    Given an IVF-Flat inner-product index over the payload, nprobe 64
    When 1000 random payload vectors are used as their own queries, top 50
    Then oracle R@1 is at least 95%
    And oracle R@5 is 100%
    And oracle R@50 is 100%
    And every R@1 miss is explained as a duplicate ranked first, not as a fault

  Scenario: Oracle recall control: ids shifted by one
    Given an IVF-Flat inner-product index over the first 50,000 payload vectors, nprobe 64, with ids shifted by one
    When 1000 random payload vectors are used as their own queries, top 50
    Then the oracle recall check fails

  Scenario: Oracle recall control: wrong metric on unnormalized payload
    Given an IVF-Flat inner-product index over the first 50,000 payload vectors scaled by random norms, nprobe 64
    When 1000 random payload vectors are used as their own queries, top 50
    Then the oracle recall check fails

  Scenario: Vector normalization
    When the payload norms are measured
    Then the mean, min and max norm are within 1e-5 of 1
    And the index metric is inner product

  Scenario: Vector normalization control: unnormalized payload
    Given the first 50,000 payload vectors scaled by random norms
    When the payload norms are measured
    Then the normalization check fails

  Scenario: Eval alignment
    When 100 random eval targets are compared with payload[truth_key]
    Then the mean cosine is 1.000000
    And the min cosine is 1.000000
    And 100% are aligned (cosine > 0.999)

  Scenario: Eval alignment control: keys off by one
    Given the eval truth keys shifted by one chunk
    When 100 random eval targets are compared with payload[truth_key]
    Then the eval alignment check fails

  Scenario: Eval provenance and leakage
    When the eval set's provenance is recorded
    Then the report shows the file, the shapes, the hash and when it was aligned
    And contexts have shape (N, 5, 768), targets (N, 768) and truth keys (N, 2)
    And the share of eval articles also seen in training is reported and flagged above 0%
