@nvf @gate @researcher-models
Feature: The researcher's own soft attention and reranker
  The seed's targets (pipeline Top-1 90%+, stretch 95%; Top-5 97%+) are questions about the
  researcher's models on their database. The gate takes them as files, each ONNX (torch.onnx.export
  with a dynamic batch axis) or TorchScript (torch.jit.save): a soft attention model, queries float32
  (B, D) -> logits (B, N) over the database; a reranker, queries (B, D) and their Top-5 candidates
  (B, 5, D) -> 5 scores (B, 5), optionally taking soft attention's logits of the candidates (B, 5)
  as a third input. With them: the database (N, D), queries (Q, D) and labels (Q), the database row
  each query should find. Named by NVF_DATABASE, NVF_QUERIES, NVF_LABELS, NVF_ATTENTION_MODEL and
  NVF_RERANKER_MODEL (or `nvf evaluate-pipeline`). The gate runs soft attention in batches, keeps
  each query's Top-5, lets the reranker pick, and reports pipeline Top-1 and Top-5 beside the
  exact-cosine control and the oracle ceiling (exact search on the same queries): a target above
  the ceiling is reported unreachable, not missed.
  Without the researcher's files the same path runs the gate's own frozen soft attention and
  "improved" reranker (reranker.feature: pipeline Top-1 95.0% [94.4, 95.6] on 5,000 queries), and
  must reproduce the in-process evaluation of those models count for count.

  Background:
    Given the researcher's database, labelled queries, soft attention model and reranker

  Scenario: The researcher's pipeline beside the control and the oracle ceiling
    When the researcher's pipeline is evaluated
    Then the report shows pipeline Top-1 and Top-5 beside the control and the oracle ceiling
    And pipeline Top-1 is at most the Top-5 coverage
    And pipeline Top-1 is at least 90% (stretch 95%)
    And pipeline Top-5 is at least 97%

  Scenario: The model-file path counts exactly as the in-process evaluation
    Given the pipeline is the gate's own, which can also be evaluated in process
    When the researcher's pipeline is evaluated
    Then every figure equals the in-process evaluation of the same models on the same queries
