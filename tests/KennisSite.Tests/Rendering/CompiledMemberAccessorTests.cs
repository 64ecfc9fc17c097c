using KennisSite.Rendering;
using Scriban.Runtime;
using Scriban.Runtime.Accessors;

namespace KennisSite.Tests.Rendering;

/// <summary>
/// Templates read .NET objects through delegates instead of Scriban's reflection. They must see exactly what Scriban
/// would show: the same names, the same values, and Scriban's choice wherever two members share a name.
/// </summary>
public sealed class CompiledMemberAccessorTests
{
    private class Base
    {
        public string Shared => "basis";
        public virtual string Overridden => "basis";
        public string Hidden => "basis";
        public int BaseNumber => 7;
    }

    private sealed class Item : Base
    {
        public string Title { get; init; } = "Titel";
        public int? Missing => null;
        public int? Present => 3;
        public double Ratio => 0.5;
        public bool Flag => true;
        public IReadOnlyList<string> Labels => ["a", "b"];
#pragma warning disable CA1051, IDE1006 // a public field, and one named as the template sees it, are what this test is about
        public string Field = "veld";
        public string two_names = "veld";
#pragma warning restore CA1051, IDE1006
        public string TwoNames => "eigenschap";
        public override string Overridden => "afgeleid";
        public new string Hidden => "afgeleid";
        [ScriptMemberIgnore] public string Secret => "geheim";
        public string this[int index] => "index";
        public static string Static => "statisch";
    }

    private sealed record View(string Title, int Size, IReadOnlyList<string> Labels, bool ShowNumbers);

    private static (IObjectAccessor Scriban, IObjectAccessor Compiled) Accessors(Type type)
    {
        var scriban = new TypedObjectAccessor(type, null, StandardMemberRenamer.Default);
        return (scriban, CompiledMemberAccessor.Wrap(scriban, type, StandardMemberRenamer.Default)!);
    }

    public static TheoryData<object> Objects => [new Item(), new View("Wiel", 88, ["x"], ShowNumbers: true)];

    [Theory]
    [MemberData(nameof(Objects))]
    public void Every_member_reads_as_Scriban_reads_it(object target)
    {
        var (scriban, compiled) = Accessors(target.GetType());
        Assert.Equal(scriban.GetMembers(null!, default, target), compiled.GetMembers(null!, default, target));
        foreach (var member in scriban.GetMembers(null!, default, target))
        {
            Assert.True(scriban.TryGetValue(null!, default, target, member, out var expected));
            Assert.True(compiled.TryGetValue(null!, default, target, member, out var actual));
            Assert.Equal(expected, actual);
        }
        Assert.False(compiled.TryGetValue(null!, default, target, "bestaat_niet", out _));
    }

    [Fact]
    public void Properties_are_compiled_and_shared_names_left_to_Scriban()
    {
        var (_, compiled) = Accessors(typeof(Item));
        var members = Assert.IsType<CompiledMemberAccessor>(compiled).CompiledMembers.Order(StringComparer.Ordinal);
        // two_names is a field and a property: Scriban takes the field, and so does the template. Secret is ignored,
        // the indexer and the static property are no members, and fields are read by Scriban.
        Assert.Equal(["base_number", "flag", "hidden", "labels", "missing", "overridden", "present", "ratio", "shared", "title"], members);
        Assert.True(compiled.TryGetValue(null!, default, new Item(), "two_names", out var value));
        Assert.Equal("veld", value);
    }

    [Fact]
    public void Positional_records_are_compiled()
    {
        var (_, compiled) = Accessors(typeof(View));
        Assert.Equal(["labels", "show_numbers", "size", "title"], Assert.IsType<CompiledMemberAccessor>(compiled).CompiledMembers.Order(StringComparer.Ordinal));
    }
}
