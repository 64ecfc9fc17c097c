using System.Text.Json;
using KennisSite.Cli;
using KennisSite.Tests.Infrastructure;
using NJsonSchema;
using YamlDotNet.Serialization;

namespace KennisSite.Tests.Cli;

/// <summary>The schema editors get in VS Code agrees with the generator: it accepts every sample card and rejects what the build rejects.</summary>
public class CardSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
    {
        var copy = Directory.CreateTempSubdirectory("kennissite-schema-").FullName;
        try
        {
            File.Copy(Path.Combine(RepoPaths.Root, "site.yml"), Path.Combine(copy, "site.yml"));
            RepoPaths.CopyDirectory(Path.Combine(RepoPaths.Root, "content"), Path.Combine(copy, "content"));
            Assert.Equal(CommandLine.Success, CommandLine.Run(["schema", "--site", copy], new StringWriter(), new StringWriter()));
            return JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(copy, ".kennissite", "praktijkvoorbeeld.schema.json"))).GetAwaiter().GetResult();
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    });

    /// <summary>What yaml-language-server does: YAML read with its plain scalars typed (numbers, booleans), then checked as JSON.</summary>
    private static ICollection<NJsonSchema.Validation.ValidationError> Validate(string yaml)
    {
        var data = new DeserializerBuilder().WithAttemptingUnquotedStringTypeDeserialization().Build().Deserialize<object>(yaml);
        return Schema.Value.Validate(JsonSerializer.Serialize(data));
    }

    public static TheoryData<string> SampleCards() =>
        new(Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "content", "praktijkvoorbeelden"), "*.yml").Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(SampleCards))]
    public void Every_sample_card_passes_the_schema(string file)
    {
        var errors = Validate(File.ReadAllText(Path.Combine(RepoPaths.Root, "content", "praktijkvoorbeelden", file)));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    private static string Card(string extra = "", string themes = "[ouderen]", string scores = "detectie: 1") => $"""
        titel: Test
        plaats: Brussel
        organisatie: Vzw
        wat: Een project.
        themas: {themes}
        {extra}
        functies:
          buurtanalyse: 1
          samenwerking: 2
          informeren: 1
          sociale-netwerken: 3
          kracht-talenten: 2
          {scores}
          toeleiding: 1
          beleidsadvies: 0
        """;

    [Fact]
    public void A_card_like_the_generator_accepts_passes() => Assert.Empty(Validate(Card()));

    [Theory]
    [InlineData("unknown key", "leerpunt: [Start klein.]", "[ouderen]", "detectie: 1")]
    [InlineData("score out of range", "", "[ouderen]", "detectie: 5")]
    [InlineData("score not a number", "", "[ouderen]", "detectie: veel")]
    [InlineData("missing function", "", "[ouderen]", "detectie_weg: 1")]
    [InlineData("unknown theme", "", "[vrijwilligers]", "detectie: 1")]
    [InlineData("no theme", "", "[]", "detectie: 1")]
    [InlineData("website not http", "contact: {website: 'javascript:alert(1)'}", "[ouderen]", "detectie: 1")]
    [InlineData("unknown cahier", "cahier: bestaat-niet", "[ouderen]", "detectie: 1")]
    [InlineData("year not a number", "gestart: ooit", "[ouderen]", "detectie: 1")]
    public void What_the_generator_rejects_the_schema_rejects(string errorClass, string extra, string themes, string scores)
    {
        Assert.True(Validate(Card(extra, themes, scores)).Count > 0, $"the schema accepted a card with {errorClass}");
    }

    [Fact]
    public void A_missing_required_field_is_rejected() =>
        Assert.NotEmpty(Validate(Card().Replace("plaats: Brussel\n", "")));
}
