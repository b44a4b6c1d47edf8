@runner @gate
Feature: Problems are reported, never passed
  A step nobody bound fails with a definition ready to paste; a step two bindings match fails
  listing both; a pending step fails; a scenario whose precondition cannot be met is skipped
  with its reason; a broken file is refused with file:line:column; a dry run binds without running.

  Scenario: An undefined step fails with a ready-to-paste snippet
    Given a feature file:
      ```
      Feature: F
        Scenario: Gap
          When the index holds 584000 vectors of "payload" at 0.952
      ```
    When the runner runs it
    Then scenario "Gap" is undefined
    And the failure of "Gap" contains:
      ```
      [When("the index holds {int} vectors of {string} at {float}")]
      public void WhenTheIndexHoldsVectorsOfAt(int p0, string payload1, Decimal p2)
      {
          throw new PendingStepException();
      }
      ```

  Scenario: Two matching bindings fail as ambiguous, listing both
    Given a feature file:
      ```
      Feature: F
        Scenario: Both
          Given an overlapping step 7
      ```
    When the runner runs it
    Then scenario "Both" is ambiguous
    And the failure of "Both" contains:
      ```
      Ambiguous step definitions found for step 'Given an overlapping step 7': Nvf.Gherkin.Tests:Nvf.Gherkin.Tests.Samples.ProblemSteps.OverlapInt(Int32), Nvf.Gherkin.Tests:Nvf.Gherkin.Tests.Samples.ProblemSteps.OverlapWord(String)
      ```

  Scenario: A pending step fails with its text
    Given a feature file:
      ```
      Feature: F
        Scenario: Later
          Given a step that is not written yet
      ```
    When the runner runs it
    Then scenario "Later" is pending
    And the failure of "Later" contains:
      ```
      pending: Given a step that is not written yet — measure the oracle ceiling
      ```

  Scenario: A missing precondition skips the scenario with its reason
    Given a feature file:
      ```
      Feature: F
        Scenario: Needs a server
          Given no sample server is reachable
          Then the total is 0
      ```
    When the runner runs it
    Then scenario "Needs a server" is skipped
    And the skip reason of "Needs a server" is "no sample server: SAMPLE_URL unset, no docker engine"

  Scenario: A syntax error is refused with file:line:column
    Given a feature file:
      ```
      Feature: Broken
        Scenario: one
          Given a step
        Oops, not a step
      ```
    When the runner parses it
    Then it is refused with:
      ```
      sample.feature:4:3: expected: #EOF, #TableRow, #DocStringSeparator, #StepLine, #TagLine, #ExamplesLine, #ScenarioLine, #RuleLine, #Comment, #Empty, got 'Oops, not a step'
      ```

  Scenario: Duplicate scenario names are refused
    Given a feature file:
      ```
      Feature: Twice
        Scenario: same
          Given a step that passes
        Scenario: same
          Given a step that passes
      ```
    When the runner parses it
    Then it is refused with:
      ```
      sample.feature:4:0: duplicate scenario name 'same' (first at line 2); expected every scenario and Examples row to have its own name
      ```

  Scenario: A dry run binds every step and runs nothing
    Given a feature file:
      ```
      Feature: F
        Scenario: Bound
          Given a step that fails
        Scenario: Unbound
          Given nothing binds this
      ```
    When the runner checks it in a dry run
    Then nothing ran
    And scenario "Bound" is passed
    And scenario "Unbound" is undefined
