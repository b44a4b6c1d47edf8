@runner
Feature: Reports
  Every run ends with Cucumber JSON (valid against the cucumber-json schema), one HTML report
  and a Markdown summary; steps attach evidence such as the seeds' "Check | Result | Status" tables.

  Scenario: The three reports agree with the run
    Given a feature file:
      ```
      Feature: Mixed
        Scenario: Good
          Given the number 1
          Then the total is 1
        Scenario: Bad
          Given a step that fails
        Scenario: Unknown
          Given nothing binds this
      ```
    When the runner runs it
    Then scenario "Good" is passed
    And scenario "Bad" is failed
    And the reports agree with the run
