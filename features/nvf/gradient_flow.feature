@nvf @gate
Feature: Gradients flow through the pipeline
  Success metric of Task 1: "Constraint: Must still have gradients flowing".

  Background:
    Given a database of 1000 random unit vectors of dimension 128 drawn with seed 42
    And queries drawn uniformly on the unit sphere, labelled with their exact nearest neighbour
    And a soft attention model trained with the config "nvf-soft-attention.seed.json", then frozen
    And the "rich-features" reranker is trained with the config "nvf-reranker.seed.json"

  Scenario: The loss on the final answer reaches the query and the candidates
    When the loss on the reranked output is back-propagated for a batch of 256 queries
    Then the gradient with respect to the queries is non-zero
    And the gradient with respect to the candidate vectors is non-zero

  Scenario Outline: A differentiable Top-5 carries gradients into soft attention
    When the pipeline uses a <method> Top-5 and the loss on the final answer is back-propagated for a batch of 256 queries
    Then every parameter of the soft attention model receives a non-zero gradient

    Examples:
      | method           |
      | straight-through |
      | gumbel-softmax   |
