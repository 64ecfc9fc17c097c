using KennisSite.Diagnostics;
using KennisSite.Tests.Infrastructure;

namespace KennisSite.Tests.Content;

public class CardValidationTests
{
    private static string Site(string card, string extraFiles = "") => $"""
        -- site.yml --
        {TestSite.StandardConfig}
        -- content/themas/buurtgerichte-zorg.md --
        ---
        titel: Buurtgerichte zorg
        groep: onderwerp
        ---
        Zorg dicht bij huis.
        -- content/praktijkvoorbeelden/zorgzame-straten.yml --
        {card}
        {extraFiles}
        """;

    private const string ValidHead = """
        titel: Zorgzame Straten
        plaats: Antwerpen
        organisatie: Burgerinitiatief
        wat: Bewoners zorgen voor elkaar in hun straat.
        themas: [buurtgerichte-zorg]
        """;

    private static IReadOnlyList<string> Errors(string card)
    {
        using var site = TestSite.Create(Site(card));
        return site.Check().Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.ToString()).ToList();
    }

    [Fact]
    public void Valid_card_has_no_diagnostics()
    {
        using var site = TestSite.Create(Site(ValidHead + "\n" + TestSite.Scores()));
        Assert.Empty(site.Check().Diagnostics);
    }

    [Fact]
    public void Unknown_key_is_reported_at_the_key_with_a_hint()
    {
        var errors = Errors(ValidHead + "\nleerpunt:\n  - Start klein.\n" + TestSite.Scores());
        var error = Assert.Single(errors);
        Assert.StartsWith("content/praktijkvoorbeelden/zorgzame-straten.yml(6,1): error KS2003:", error);
        Assert.Contains("Bedoelde je 'leerpunten'?", error);
    }

    [Fact]
    public void Score_outside_the_scale_names_key_value_and_range()
    {
        var errors = Errors(ValidHead + "\n" + TestSite.Scores(toeleiding: 5));
        var error = Assert.Single(errors);
        Assert.StartsWith("content/praktijkvoorbeelden/zorgzame-straten.yml(13,15): error KS2007:", error);
        Assert.Contains("'toeleiding'", error);
        Assert.Contains("'5'", error);
        Assert.Contains("0 tot 3", error);
    }

    [Fact]
    public void Non_integer_score_is_an_error()
    {
        var error = Assert.Single(Errors(ValidHead + "\n" + TestSite.Scores().Replace("detectie: 1", "detectie: veel")));
        Assert.StartsWith("content/praktijkvoorbeelden/zorgzame-straten.yml(12,13): error KS2007:", error);
    }

    [Fact]
    public void Missing_function_is_reported_at_the_functies_key()
    {
        var error = Assert.Single(Errors(ValidHead + "\n" + TestSite.Scores().Replace("\n  beleidsadvies: 0", "")));
        Assert.StartsWith("content/praktijkvoorbeelden/zorgzame-straten.yml(6,1): error KS2006:", error);
        Assert.Contains("'beleidsadvies'", error);
    }

    [Fact]
    public void Unknown_function_key_suggests_the_closest()
    {
        var error = Assert.Single(Errors(ValidHead + "\n" + TestSite.Scores() + "\n  toeleidingen: 1\n"));
        Assert.StartsWith("content/praktijkvoorbeelden/zorgzame-straten.yml(15,3): error KS2005:", error);
        Assert.Contains("Bedoelde je 'toeleiding'?", error);
    }

    [Fact]
    public void Unknown_theme_is_reported_at_the_list_item()
    {
        var error = Assert.Single(Errors(ValidHead.Replace("[buurtgerichte-zorg]", "[buurtgerichte-zorg, vrijwilligers]") + "\n" + TestSite.Scores()));
        Assert.StartsWith("content/praktijkvoorbeelden/zorgzame-straten.yml(5,30): error KS2004:", error);
        Assert.Contains("'vrijwilligers'", error);
    }

    [Fact]
    public void Missing_required_fields_are_all_reported()
    {
        var errors = Errors("titel: Alleen een titel\n" + TestSite.Scores());
        Assert.Equal(4, errors.Count(e => e.Contains("KS2001")));
        Assert.All(errors.Where(e => e.Contains("KS2001")), e => Assert.StartsWith("content/praktijkvoorbeelden/zorgzame-straten.yml(1,1):", e));
        Assert.Contains(errors, e => e.Contains("'plaats'"));
        Assert.Contains(errors, e => e.Contains("'themas'"));
    }

    [Fact]
    public void Yaml_syntax_error_points_at_its_line()
    {
        var error = Assert.Single(Errors(ValidHead + "\nwaar: \"niet afgesloten\n" + TestSite.Scores()));
        Assert.Contains("error KS1002:", error);
        Assert.StartsWith("content/praktijkvoorbeelden/zorgzame-straten.yml(6,", error);
    }

    [Fact]
    public void Website_must_be_http_and_email_must_look_like_one()
    {
        var errors = Errors(ValidHead + "\ncontact:\n  website: javascript:alert(1)\n  email: geen-adres\n" + TestSite.Scores());
        Assert.Contains(errors, e => e.StartsWith("content/praktijkvoorbeelden/zorgzame-straten.yml(7,12): error KS2012:"));
        Assert.Contains(errors, e => e.StartsWith("content/praktijkvoorbeelden/zorgzame-straten.yml(8,10): error KS2014:"));
    }

    [Fact]
    public void Unknown_cahier_reference_is_an_error()
    {
        var error = Assert.Single(Errors(ValidHead + "\ncahier: bestaat-niet\n" + TestSite.Scores()));
        Assert.StartsWith("content/praktijkvoorbeelden/zorgzame-straten.yml(6,9): error KS2011:", error);
    }

    [Fact]
    public void End_year_before_start_year_is_an_error()
    {
        var error = Assert.Single(Errors(ValidHead + "\ngestart: 2020\neinde: 2018\n" + TestSite.Scores()));
        Assert.StartsWith("content/praktijkvoorbeelden/zorgzame-straten.yml(7,8): error KS2008:", error);
    }

    [Fact]
    public void Yaml_aliases_are_rejected()
    {
        var error = Assert.Single(Errors(ValidHead + "\nleerpunten: &a [een, twee]\nsteun: *a\n" + TestSite.Scores()));
        Assert.Contains("error KS1005:", error);
    }

    [Fact]
    public void Slug_with_capitals_and_spaces_suggests_a_corrected_name()
    {
        using var site = TestSite.Create(Site(ValidHead + "\n" + TestSite.Scores(), $"-- content/praktijkvoorbeelden/Zorgzame Wijk.yml --\n{ValidHead}\n{TestSite.Scores()}"));
        var error = Assert.Single(site.Check().Diagnostics);
        Assert.Equal("content/praktijkvoorbeelden/Zorgzame Wijk.yml: error KS2009: De naam 'Zorgzame Wijk' mag alleen kleine letters a-z, cijfers en '-' bevatten (geen spaties, hoofdletters of accenten). Hernoem naar 'zorgzame-wijk'.", error.ToString());
    }
}
