using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace LiveTrack.JsonShapes;

/// <summary>
/// A serializer error (unknown member, duplicate member, wrong value type, missing or unknown type discriminator)
/// located in the document: the field as a JSON path relative to the root with the members' declared names
/// (<c>trigger.kind</c>, <c>filter.icao[2]</c>; <c>$</c> for the root), what the document type expected there and
/// what the document holds there. Made by <see cref="ShapeErrors.Locate"/>.
/// </summary>
/// <param name="Field">Where the problem is; for a discriminator problem, the discriminator's own path.</param>
/// <param name="Pattern">
/// <paramref name="Field"/> with every array index written <c>[]</c> (<c>filter.icao[]</c>), for looking up
/// field-specific wording.
/// </param>
/// <param name="Kind">What went wrong.</param>
/// <param name="Expected">
/// The contract of the value at the field (for an unknown or duplicate member, of the object holding it; for a
/// discriminator problem, of the polymorphic base type). Null when the path leaves the contract.
/// </param>
/// <param name="Found">
/// The value the document holds at the field (for a missing discriminator, the object without it), when there is one.
/// </param>
/// <param name="Name">The member name as the document wrote it (unknown or duplicate members).</param>
/// <param name="KnownNames">The member names the object accepts, discriminator first (unknown members).</param>
/// <param name="KnownKinds">The discriminator values of a polymorphic type (discriminator problems).</param>
public sealed record ShapeError(
    string Field,
    string Pattern,
    ShapeErrorKind Kind,
    JsonTypeInfo? Expected,
    JsonElement? Found,
    string? Name,
    IReadOnlyList<string> KnownNames,
    IReadOnlyList<string> KnownKinds)
{
    /// <summary>The path of the object holding <see cref="Field"/> (<c>$</c> for the root).</summary>
    public string Parent => Field.LastIndexOfAny(['.', '[']) is var i and > 0 ? Field[..i] : "$";

    /// <summary>
    /// A short default wording: <c>must be a string</c>, <c>must be an array</c>,
    /// <c>unknown property "x": expected a, b</c>, <c>given more than once</c>, …
    /// </summary>
    public string DefaultMessage => Kind switch
    {
        ShapeErrorKind.UnknownProperty => $"unknown property \"{Name}\": expected {string.Join(", ", KnownNames)}",
        ShapeErrorKind.DuplicateProperty => "given more than once",
        ShapeErrorKind.MissingDiscriminator => $"required: {string.Join(", ", KnownKinds)}",
        ShapeErrorKind.UnknownDiscriminator => $"unknown kind {ShapeErrors.Describe(Found)}: expected {string.Join(", ", KnownKinds)}",
        _ => "must be " + ShapeErrors.Expectation(Expected),
    };
}
