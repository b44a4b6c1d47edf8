using System.Globalization;
using Nvf.Core.Stores;

namespace Nvf.Core.Teacher;

/// <summary>
/// The content rules of a query log, checked when a log is made and when one is read: per query,
/// the found ids (>= 0, distinct) come first, best first, then -1 for missing results; found ids
/// have finite scores ordered by the metric (non-increasing similarity or non-decreasing distance),
/// missing ones NaN. A log breaking them was not written by a store.
/// </summary>
internal static class QueryLogContent
{
    /// <summary>The first broken rule as (field, problem), or null when the content is valid.</summary>
    public static (string Field, string Problem)? FirstProblem(long[] ids, float[] scores, int count, int k, VectorMetric metric)
    {
        bool higher = VectorScores.HigherIsCloser(metric);
        var seen = new HashSet<long>();
        for (int q = 0; q < count; q++)
        {
            seen.Clear();
            bool missing = false;
            for (int r = 0; r < k; r++)
            {
                long id = ids[q * k + r];
                float score = scores[q * k + r];
                string at = string.Create(CultureInfo.InvariantCulture, $"at query {q}, rank {r}");
                if (id == -1)
                {
                    missing = true;
                    if (!float.IsNaN(score))
                        return ("scores", $"{at} is {score:R} for a missing result (id -1); expected NaN");
                    continue;
                }

                if (id < -1)
                    return ("ids", $"{at} is {id}; expected an id >= 0, or -1 for a missing result");
                if (missing)
                    return ("ids", $"{at} is {id} after a missing result (-1); expected found results first");
                if (!seen.Add(id))
                    return ("ids", $"{at} repeats id {id}; expected distinct ids per query");
                if (!float.IsFinite(score))
                    return ("scores", $"{at} is {score:R} for id {id}; expected a finite score");
                if (r > 0 && ids[q * k + r - 1] >= 0)
                {
                    float previous = scores[q * k + r - 1];
                    if (higher ? score > previous : score < previous)
                        return ("scores", $"{at} is {score:R} after {previous:R}; expected best first ({(higher ? "non-increasing similarity" : "non-decreasing distance")} for {metric})");
                }
            }
        }

        return null;
    }
}
