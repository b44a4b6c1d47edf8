@runner
Feature: Hooks and context injection
  Hooks run in a fixed order around the run, each feature, each scenario and each step.
  Lower Order runs first; a tag filter selects the scenarios a hook applies to; after-hooks
  run even when a scenario failed, and context objects are disposed when their scenario ends.

  Scenario: Hooks run in order, filtered by tag
    Given a feature file:
      ```
      Feature: Hooked
        Scenario: Quick
          Given a step that passes
        @slow
        Scenario: Slow
          Given a step that passes
      ```
    When the runner runs it with the recording hooks
    Then the run log is:
      ```
      before run
      before feature Hooked
      before scenario Quick (order 1)
      before scenario Quick (order 2)
      before step
      step passes
      after step
      after scenario Quick
      before scenario Slow (order 1)
      before scenario Slow (order 2)
      before @slow scenario Slow
      before step
      step passes
      after step
      after scenario Slow
      after feature Hooked
      after run
      ```

  Scenario: After-hooks and disposal run after a failure
    Given a feature file:
      ```
      Feature: F
        Scenario: Breaks
          Given the number 2
          And a step that fails
          Then the total is 2
      ```
    When the runner runs it with the recording hooks
    Then scenario "Breaks" is failed
    And the run log ends with:
      ```
      before step
      after step
      after scenario Breaks
      dispose Calculator(2)
      after feature F
      after run
      ```
