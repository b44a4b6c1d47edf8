@infonce @gate
Feature: Success criteria of epoch 1
  Minimum: R@5 > 0% and delta > 0.05. Good: R@5 >= 5% and delta >= 0.10.
  Strong: R@5 >= 10% and delta >= 0.15.

  Rule: Minimum needs R@5 above 0% and delta above 0.05

    Scenario Outline: Minimum or below for R@5 <r5> and delta <delta>
      When the success tier is judged for R@5 <r5> and delta <delta>
      Then the tier reached is "<tier>"

      Examples:
        | r5    | delta | tier    |
        | 0%    | 0.30  | none    |
        | 0.1%  | 0.05  | none    |
        | 0.1%  | 0.051 | minimum |
        | 4.9%  | 0.30  | minimum |

  Rule: Good needs R@5 of at least 5% and delta of at least 0.10

    Scenario Outline: Good for R@5 <r5> and delta <delta>
      When the success tier is judged for R@5 <r5> and delta <delta>
      Then the tier reached is "<tier>"

      Examples:
        | r5    | delta | tier    |
        | 5%    | 0.10  | good    |
        | 9.9%  | 0.30  | good    |
        | 10%   | 0.149 | good    |

  Rule: Strong needs R@5 of at least 10% and delta of at least 0.15

    Scenario Outline: Strong for R@5 <r5> and delta <delta>
      When the success tier is judged for R@5 <r5> and delta <delta>
      Then the tier reached is "<tier>"

      Examples:
        | r5    | delta | tier    |
        | 10%   | 0.15  | strong  |
        | 50%   | 0.60  | strong  |
