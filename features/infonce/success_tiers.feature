@infonce @gate
Feature: Success criteria of epoch 1
  Minimum: R@5 > 0% and delta > 0.05. Good: R@5 >= 5% and delta >= 0.10.
  Strong: R@5 >= 10% and delta >= 0.15.

  Scenario Outline: The tier reached for R@5 <r5> and delta <delta>
    When the success tier is judged for R@5 <r5> and delta <delta>
    Then the tier reached is "<tier>"

    Examples:
      | r5    | delta | tier    |
      | 0%    | 0.30  | none    |
      | 0.1%  | 0.05  | none    |
      | 0.1%  | 0.051 | minimum |
      | 4.9%  | 0.30  | minimum |
      | 5%    | 0.10  | good    |
      | 9.9%  | 0.30  | good    |
      | 10%   | 0.149 | good    |
      | 10%   | 0.15  | strong  |
      | 50%   | 0.60  | strong  |
