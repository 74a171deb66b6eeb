using System.Collections.Concurrent;
using System.Text.Json;
using MessagePack;
using MessagePack.Formatters;
using MessagePack.Resolvers;

namespace LiveTrack.Server.Tracking;

/// <summary>
/// MessagePack for the hub, shaped by the JSON contract: primitives use MessagePack's own formatters; every other
/// type (frames, snapshots, events, alerts) is written as the MessagePack map, array, string, number, boolean and nil
/// values of its JSON form (camelCase names, enums and times as the same strings). A frame therefore carries exactly
/// the same content over both protocols, and a generic MessagePack decoder (the official JavaScript client's)
/// yields the objects a JSON client gets.
/// </summary>
public sealed class JsonMessagePackResolver(JsonSerializerOptions json) : IFormatterResolver
{
    private readonly ConcurrentDictionary<Type, object?> formatters = new();

    /// <summary>The hub's MessagePack options: this resolver over <paramref name="json"/>, hardened for untrusted input.</summary>
    public static MessagePackSerializerOptions Options(JsonSerializerOptions json) =>
        MessagePackSerializerOptions.Standard.WithResolver(new JsonMessagePackResolver(json)).WithSecurity(MessagePackSecurity.UntrustedData);

    public IMessagePackFormatter<T>? GetFormatter<T>() =>
        (IMessagePackFormatter<T>?)formatters.GetOrAdd(typeof(T), _ => (object?)BuiltinResolver.Instance.GetFormatter<T>() ?? new JsonShapedFormatter<T>(json));

    private sealed class JsonShapedFormatter<T>(JsonSerializerOptions json) : IMessagePackFormatter<T>
    {
        private const int MaxDepth = 64;

        public void Serialize(ref MessagePackWriter writer, T value, MessagePackSerializerOptions options)
        {
            var element = JsonSerializer.SerializeToElement(value, json.GetTypeInfo(typeof(T)));
            Write(ref writer, element);
        }

        public T Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                Read(ref reader, writer, 0);
            }

            return (T)JsonSerializer.Deserialize(buffer.WrittenSpan, json.GetTypeInfo(typeof(T)))!;
        }

        private static void Write(ref MessagePackWriter writer, JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var count = 0;
                    foreach (var _ in element.EnumerateObject())
                    {
                        count++;
                    }

                    writer.WriteMapHeader(count);
                    foreach (var property in element.EnumerateObject())
                    {
                        writer.Write(property.Name);
                        Write(ref writer, property.Value);
                    }

                    break;
                case JsonValueKind.Array:
                    writer.WriteArrayHeader(element.GetArrayLength());
                    foreach (var item in element.EnumerateArray())
                    {
                        Write(ref writer, item);
                    }

                    break;
                case JsonValueKind.String:
                    writer.Write(element.GetString());
                    break;
                case JsonValueKind.Number when element.TryGetInt64(out var integer):
                    writer.Write(integer);
                    break;
                case JsonValueKind.Number:
                    writer.Write(element.GetDouble());
                    break;
                case JsonValueKind.True:
                    writer.Write(true);
                    break;
                case JsonValueKind.False:
                    writer.Write(false);
                    break;
                default:
                    writer.WriteNil();
                    break;
            }
        }

        private static void Read(ref MessagePackReader reader, Utf8JsonWriter writer, int depth)
        {
            if (depth > MaxDepth)
            {
                throw new MessagePackSerializationException($"Nested deeper than {MaxDepth} levels.");
            }

            switch (reader.NextMessagePackType)
            {
                case MessagePackType.Map:
                    var properties = reader.ReadMapHeader();
                    writer.WriteStartObject();
                    for (var i = 0; i < properties; i++)
                    {
                        writer.WritePropertyName(reader.ReadString() ?? throw new MessagePackSerializationException("A map key is nil."));
                        Read(ref reader, writer, depth + 1);
                    }

                    writer.WriteEndObject();
                    break;
                case MessagePackType.Array:
                    var items = reader.ReadArrayHeader();
                    writer.WriteStartArray();
                    for (var i = 0; i < items; i++)
                    {
                        Read(ref reader, writer, depth + 1);
                    }

                    writer.WriteEndArray();
                    break;
                case MessagePackType.String:
                    writer.WriteStringValue(reader.ReadString());
                    break;
                case MessagePackType.Integer when reader.NextCode == MessagePackCode.UInt64:
                    writer.WriteNumberValue(reader.ReadUInt64());
                    break;
                case MessagePackType.Integer:
                    writer.WriteNumberValue(reader.ReadInt64());
                    break;
                case MessagePackType.Float:
                    writer.WriteNumberValue(reader.ReadDouble());
                    break;
                case MessagePackType.Boolean:
                    writer.WriteBooleanValue(reader.ReadBoolean());
                    break;
                case MessagePackType.Nil:
                    reader.ReadNil();
                    writer.WriteNullValue();
                    break;
                default:
                    throw new MessagePackSerializationException($"A {reader.NextMessagePackType} value has no JSON form.");
            }
        }
    }
}
