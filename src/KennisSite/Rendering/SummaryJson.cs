using System.Text.Json.Serialization;

namespace KennisSite.Rendering;

/// <summary>
/// The JSON a card summary carries for the catalogue's filters (scores, themes, target groups), generated at compile
/// time: the CLI is compiled ahead of time and has no reflection-based serializer.
/// </summary>
[JsonSerializable(typeof(Dictionary<string, int>))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class SummaryJson : JsonSerializerContext;
