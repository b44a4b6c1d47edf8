@runner
Feature: Outlines, Background and step arguments
  Every row of an Examples table is its own test, named after its values, and
  a Background runs before each of them. Tables arrive as typed records
  (percentages as fractions) and DocStrings as text.

  Background:
    Given a fresh tally

  Scenario Outline: Tallies add up
    When I tally <a> and <b>
    Then the tally is <sum>
    But the tally is not <wrong>

    Examples: small numbers
      | a | b | sum | wrong |
      | 1 | 2 | 3   | 4     |
      | 5 | 8 | 13  | 12    |

  Scenario: A table becomes typed records
    When I tally these amounts:
      | label    | amount | share |
      | oracle   | 51     | 51%   |
      | reranker | 49     | 49%   |
    Then the tally is 100
    And the shares add up to 100%

  Scenario: A DocString arrives as text
    When I note:
      """
      Top-1 68.0%, Top-5 97.4%
      """
    Then the note mentions "97.4%"
    And this scenario's test is named "Outlines, Background and step arguments › A DocString arrives as text"
