namespace LiveTrack.JsonShapes;

/// <summary>Why the serializer refused a document (see <see cref="ShapeError"/>).</summary>
public enum ShapeErrorKind
{
    /// <summary>A member the document type does not have (<c>JsonUnmappedMemberHandling.Disallow</c>).</summary>
    UnknownProperty,

    /// <summary>A member given twice (<c>AllowDuplicateProperties = false</c>; names compared as the serializer compares them).</summary>
    DuplicateProperty,

    /// <summary>A value of the wrong JSON kind: a string where a number belongs, an object where an array does, …</summary>
    WrongType,

    /// <summary>A polymorphic object without its type discriminator (e.g. a trigger without <c>kind</c>).</summary>
    MissingDiscriminator,

    /// <summary>A polymorphic object whose discriminator names no known type.</summary>
    UnknownDiscriminator,
}
