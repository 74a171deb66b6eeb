using System.Diagnostics.CodeAnalysis;

namespace LiveTrack.Alerting;

/// <summary>
/// The outcome of <see cref="AlertRuleParser.Parse(string, RuleValidationContext)"/>: either the rule
/// (<see cref="IsValid"/>) or every problem found, never both.
/// </summary>
public sealed class RuleParseResult
{
    internal RuleParseResult(AlertRule? rule, IReadOnlyList<RuleValidationError> errors)
    {
        Rule = errors.Count == 0 ? rule : null;
        Errors = errors;
    }

    /// <summary>The rule; null when <see cref="IsValid"/> is false.</summary>
    public AlertRule? Rule { get; }

    /// <summary>Every problem found, in document order (at most <see cref="AlertRuleParser.MaxErrors"/>).</summary>
    public IReadOnlyList<RuleValidationError> Errors { get; }

    /// <summary>True when the document had no errors.</summary>
    [MemberNotNullWhen(true, nameof(Rule))]
    public bool IsValid => Errors.Count == 0 && Rule is not null;

    /// <summary>
    /// The errors grouped by field, in the shape ASP.NET Core's <c>ValidationProblem</c> expects
    /// (<c>errors: { "trigger.kind": ["..."] }</c>).
    /// </summary>
    public IReadOnlyDictionary<string, string[]> ErrorsByField() => Errors
        .GroupBy(e => e.Field, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);
}
