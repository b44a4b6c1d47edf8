@smoke
Feature: Acceptance run smoke check
  The acceptance run finds its features folder and every feature file in it compiles,
  so a broken file fails here with its file:line:column instead of silently dropping scenarios.

  Scenario: Every feature file under features/ compiles
    Given the features folder of this run
    Then it holds the feature file of this scenario
    And every feature file compiles
