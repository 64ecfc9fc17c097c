using KennisSite.Rendering;
using KennisSite.Tests.Infrastructure;
using Scriban;
using Scriban.Functions;
using Scriban.Runtime;

namespace KennisSite.Tests.Rendering;

/// <summary>`string.truncatewords` in templates is KennisSite's own; it must cut every text exactly where Scriban's does.</summary>
public sealed class TruncateWordsTests
{
    private static readonly string[] Words = ["zorg", "buurt", "één", "a", "Schaarbeek", "😀", "x-y", "", "'s"];
    private static readonly string[] Spaces = [" ", "  ", "\t", "\n", "\r\n", "\u00A0", "\u2028", "\u0085", " \n ", "\u3000"];

    [Theory]
    [InlineData("", 3, "…")]
    [InlineData("  a   b\n\tc ", 2, "…")]
    [InlineData(" a", 1, null)]
    [InlineData("a b c", 2, "")]
    [InlineData("a b", 0, "…")]
    [InlineData("a b ", 5, "…")]
    public void Cuts_where_scriban_cuts(string text, int count, string? ellipsis) =>
        Assert.Equal(StringFunctions.Truncatewords(text, count, ellipsis), TruncateWords.Of(text, count, ellipsis));

    [Fact]
    public void Cuts_thousands_of_generated_texts_where_scriban_cuts()
    {
        var random = new Random(7);
        for (var i = 0; i < 5_000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 12))
                .Select(_ => random.Next(3) == 0 ? Spaces[random.Next(Spaces.Length)] : Words[random.Next(Words.Length)]));
            var count = random.Next(-1, 10);
            var ellipsis = random.Next(3) switch { 0 => null, 1 => "", _ => "…" };
            Assert.Equal(StringFunctions.Truncatewords(text, count, ellipsis), TruncateWords.Of(text, count, ellipsis));
        }
    }

    [Fact]
    public void Replaces_scribans_own_in_the_string_functions()
    {
        var scribans = (ScriptObject)TemplateContext.GetDefaultBuiltinObject()["string"]!;
        var ours = TruncateWords.InStringFunctions(scribans);
        Assert.NotSame(scribans["truncatewords"], ours["truncatewords"]);
        Assert.Same(scribans["downcase"], ours["downcase"]);
    }

    [Fact]
    public void Templates_get_it_with_and_without_an_ellipsis_and_keep_the_other_string_functions()
    {
        using var site = TestSite.Create("""
            -- templates/layout.html --
            {{ content }}
            -- templates/p.html --
            {{ 'een twee drie' | string.truncatewords 2 '…' }}|{{ 'een twee drie' | string.truncatewords 1 }}|{{ 'Een' | string.downcase }}
            """);
        Assert.Equal("een twee…|een...|een", TestSite.Render(site.Templates(), "p.html").Trim());
    }
}
