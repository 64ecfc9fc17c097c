using KennisSite.Diagnostics;
using KennisSite.Rendering;
using KennisSite.Tests.Infrastructure;
using Scriban.Runtime;

namespace KennisSite.Tests.Rendering;

/// <summary>
/// A partial called again with the same item and the same values around it is written from what it wrote before.
/// These are the calls where that would be wrong, and the templates a reused call must still report.
/// </summary>
public sealed class PartialReuseTests
{
    /// <summary>A page that calls a partial reading the page's variable 'titel'.</summary>
    private const string TitlePartial = """
        -- templates/layout.html --
        {{ content }}
        -- templates/p.html --
        {{ partial 'kop' 'x' }}
        -- templates/partials/kop.html --
        {{ it }}:{{ titel }}
        """;

    [Fact]
    public void A_partial_that_starts_from_a_variable_of_its_caller_before_assigning_its_own_sees_each_value()
    {
        using var site = TestSite.Create("""
            -- templates/layout.html --
            {{ content }}
            -- templates/p.html --
            {{ n = 1 }}{{ partial 'plus' 1 }} {{ n = 5 }}{{ partial 'plus' 1 }} {{ n }}
            -- templates/partials/plus.html --
            {{ n = n + it }}{{ n -}}
            """);
        Assert.Equal("2 6 5", TestSite.Render(site.Templates(), "p.html").Trim());
    }

    [Fact]
    public void A_partial_that_reads_a_loop_variable_of_its_caller_sees_each_value()
    {
        using var site = TestSite.Create("""
            -- templates/layout.html --
            {{ content }}
            -- templates/p.html --
            {{ for c in [1, 2, 3] }}{{ partial 'toon' null }}{{ end }}
            -- templates/partials/toon.html --
            {{ c -}}
            """);
        Assert.Equal("123", TestSite.Render(site.Templates(), "p.html").Trim());
    }

    [Fact]
    public void A_partial_that_reads_a_page_variable_is_written_anew_for_each_value()
    {
        using var site = TestSite.Create(TitlePartial);
        var templates = site.Templates();
        Assert.Equal("x:een", TestSite.Render(templates, "p.html", ("titel", "een")).Trim());
        Assert.Equal("x:twee", TestSite.Render(templates, "p.html", ("titel", "twee")).Trim());
        Assert.Equal("x:een", TestSite.Render(templates, "p.html", ("titel", "een")).Trim());
    }

    [Fact]
    public void A_variable_a_partial_reads_that_is_missing_on_a_later_page_is_still_an_error_there()
    {
        using var site = TestSite.Create(TitlePartial);
        var templates = site.Templates();
        Assert.Equal("x:", TestSite.Render(templates, "p.html", ("titel", null!)).Trim());
        var diagnostics = new DiagnosticBag();
        Assert.Null(templates.RenderPage("p.html", new ScriptObject(), "pagina.html", diagnostics));
        Assert.Contains(diagnostics.ToSortedList(), d => d.Code == DiagnosticCodes.TemplateRuntime && d.Location!.Path == "templates/partials/kop.html");
    }

    [Fact]
    public void A_partial_inside_an_expression_gives_its_text_where_a_partial_on_its_own_writes_it_in_place()
    {
        using var site = TestSite.Create("""
            -- templates/layout.html --
            {{ content }}
            -- templates/p.html --
            {{ for i in [1, 2] }}<{{ partial 'b' i }}|{{ x = partial 'b' i }}{{ x | string.upcase }}|{{ partial 'b' i | string.size }}|{{ capture c }}{{ partial 'b' i }}{{ end }}[{{ c }}]>{{ end }}
            -- templates/partials/b.html --
            b{{ it -}}
            """);
        foreach (var reuse in new[] { true, false })
            Assert.Equal("<b1|B1|2|[b1]><b2|B2|2|[b2]>", TestSite.Render(site.Templates(reuse), "p.html").Trim());
    }

    [Fact]
    public void A_reused_partial_still_reports_the_partials_it_called_so_serve_redraws_the_page_when_they_change()
    {
        using var site = TestSite.Create("""
            -- templates/layout.html --
            {{ content }}
            -- templates/p.html --
            {{ partial 'kaart' 'k' }}
            -- templates/partials/kaart.html --
            [{{ partial 'wiel' it }}]
            -- templates/partials/wiel.html --
            ({{ it }})
            """);
        var templates = site.Templates();
        var diagnostics = new DiagnosticBag();
        var first = templates.RenderPage("p.html", new ScriptObject(), "een.html", diagnostics)!;
        var second = templates.RenderPage("p.html", new ScriptObject(), "twee.html", diagnostics)!;
        Assert.Equal(first.Html, second.Html);
        Assert.Equal(["layout.html", "p.html", "partials/kaart.html", "partials/wiel.html"], second.TemplatesUsed);
    }
}
