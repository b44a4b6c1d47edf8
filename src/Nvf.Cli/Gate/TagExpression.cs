using Nvf.Cli.CommandLine;

namespace Nvf.Cli.Gate;

/// <summary>
/// A Cucumber tag expression ("@nvf and not (@slow or @qdrant)"): tags, and, or, not and parentheses, with
/// not binding tighter than and, and tighter than or. Matches a scenario's tags (feature tags included).
/// </summary>
public sealed class TagExpression
{
    readonly Func<IReadOnlySet<string>, bool> matches;

    TagExpression(string text, Func<IReadOnlySet<string>, bool> matches)
    {
        Text = text;
        this.matches = matches;
    }

    /// <summary>The expression as written.</summary>
    public string Text { get; }

    /// <summary>True when a scenario with <paramref name="tags"/> (names without '@') is selected.</summary>
    /// <param name="tags">The scenario's tags.</param>
    public bool Matches(IEnumerable<string> tags) => matches(tags.Select(t => t.TrimStart('@')).ToHashSet(StringComparer.Ordinal));

    /// <summary>Parses <paramref name="text"/>; a <see cref="UsageException"/> says where it went wrong.</summary>
    /// <param name="text">The expression.</param>
    public static TagExpression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = text.Replace("(", " ( ", StringComparison.Ordinal).Replace(")", " ) ", StringComparison.Ordinal)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length == 0)
        {
            throw new UsageException("--tags is empty; expected a tag expression such as \"@nvf and not @slow\".");
        }

        var position = 0;
        var expression = Or(tokens, ref position, text);
        if (position < tokens.Length)
        {
            throw Error(text, $"unexpected '{tokens[position]}'");
        }

        return new TagExpression(text, expression);
    }

    static Func<IReadOnlySet<string>, bool> Or(string[] tokens, ref int position, string text)
    {
        var left = And(tokens, ref position, text);
        while (position < tokens.Length && tokens[position] == "or")
        {
            position++;
            var (l, r) = (left, And(tokens, ref position, text));
            left = tags => l(tags) || r(tags);
        }

        return left;
    }

    static Func<IReadOnlySet<string>, bool> And(string[] tokens, ref int position, string text)
    {
        var left = Not(tokens, ref position, text);
        while (position < tokens.Length && tokens[position] == "and")
        {
            position++;
            var (l, r) = (left, Not(tokens, ref position, text));
            left = tags => l(tags) && r(tags);
        }

        return left;
    }

    static Func<IReadOnlySet<string>, bool> Not(string[] tokens, ref int position, string text)
    {
        if (position >= tokens.Length)
        {
            throw Error(text, "it ends where a tag was expected");
        }

        var token = tokens[position++];
        switch (token)
        {
            case "not":
                var inner = Not(tokens, ref position, text);
                return tags => !inner(tags);
            case "(":
                var group = Or(tokens, ref position, text);
                if (position >= tokens.Length || tokens[position++] != ")")
                {
                    throw Error(text, "a '(' is not closed");
                }

                return group;
            default:
                if (!token.StartsWith('@') || token.Length == 1)
                {
                    throw Error(text, $"'{token}' is not a tag (tags start with '@')");
                }

                var name = token[1..];
                return tags => tags.Contains(name);
        }
    }

    static UsageException Error(string text, string problem) =>
        new($"--tags \"{text}\": {problem}; expected tags joined by and, or, not and parentheses, e.g. \"@nvf and not (@slow or @qdrant)\".");
}
