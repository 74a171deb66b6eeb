using System.Text;

namespace LiveTrack.Server.Apis;

/// <summary>
/// Checks an id taken from a request path (fences, rules) before it reaches a catalog or a store: 1–64 characters of
/// <c>A–Z a–z 0–9 . _ ~ -</c>, not <c>.</c> or <c>..</c>. Anything else — a backslash, a percent-escape of invalid
/// UTF-8, 200 characters — is a 400 problem naming <c>id</c>, never a file-system question.
/// </summary>
public static class ResourceId
{
    public const int MaxLength = 64;

    public static bool IsValid(string? id) =>
        id is { Length: > 0 and <= MaxLength } and not ("." or "..")
        && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '~' or '-');

    /// <summary>The 400 problem for an invalid path id; the offending value is quoted (truncated, escaped).</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem Invalid(string? id, string field = "id") =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [field] = [$"'{Quote(id)}' is not an id: expected 1–{MaxLength} characters of A–Z a–z 0–9 . _ ~ -, not '.' or '..'."] },
            title: "The id is not valid");

    /// <summary>Shows at most 32 characters of a value, with anything outside printable ASCII escaped.</summary>
    public static string Quote(string? value)
    {
        if (value is null)
        {
            return "";
        }

        var shown = new StringBuilder();
        foreach (var c in value.Length <= 32 ? value : value[..32])
        {
            shown.Append(c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:x4}");
        }

        return value.Length <= 32 ? shown.ToString() : shown.Append('…').ToString();
    }
}
