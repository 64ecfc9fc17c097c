using KennisSite.Configuration;
using KennisSite.Content;
using KennisSite.Linking;
using KennisSite.Yaml;

namespace KennisSite.Tests.Linking;

/// <summary>The related examples are exactly those a plain comparison of every card with every other card would pick.</summary>
public class RelatedCardsTests
{
    private static readonly FunctionFramework Framework = new("Functies", 0, 3, ["niet", "beperkt", "duidelijk", "sterk"],
        Enumerable.Range(0, 8).Select(i => new FunctionDefinition($"f{i}", $"F{i}", "")).ToList());

    private static PracticeCard Card(string slug, int[] scores, string[] themes) =>
        new(slug, $"content/praktijkvoorbeelden/{slug}.yml", slug, "Brussel", "Vzw", "Wat.", null, null, [], null, null, [], [], [], null, [],
            scores.Select((s, i) => new FunctionScore($"f{i}", s)).ToList(), null,
            themes.Select(t => new Positioned<string>(t, new KennisSite.Diagnostics.SourceLocation("x"))).ToList(), null);

    /// <summary>The reference: score every pair, sort by score then slug.</summary>
    private static IReadOnlyList<string> AllPairs(PracticeCard card, IReadOnlyList<PracticeCard> cards, int count) =>
        cards.Where(o => o.Slug != card.Slug)
            .Select(o => (o.Slug, Score: RelatedCardsFinder.Similarity(card, o, Framework)))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Slug, StringComparer.Ordinal)
            .Take(count).Select(x => x.Slug).ToList();

    [Theory]
    [InlineData(1, 40, 6, 3)]
    [InlineData(2, 200, 12, 2)]
    [InlineData(3, 300, 3, 1)]
    [InlineData(4, 150, 30, 4)]
    [InlineData(5, 5, 2, 1)]
    public void Related_examples_equal_the_all_pairs_reference(int seed, int cardCount, int themeCount, int maxThemes)
    {
        var random = new Random(seed);
        // Few distinct profiles and themes on purpose: many equal scores test the tie-break.
        var cards = Enumerable.Range(0, cardCount).Select(i => Card(
            $"kaart-{random.Next(100000):00000}-{i}",
            Enumerable.Range(0, 8).Select(_ => random.Next(2) == 0 ? 0 : random.Next(4)).ToArray(),
            Enumerable.Range(0, random.Next(1, maxThemes + 1)).Select(_ => $"t{random.Next(themeCount)}").Distinct().ToArray())).ToList();

        var related = RelatedCardsFinder.Find(cards, Framework, 4, parallelism: 4);

        foreach (var card in cards)
            Assert.Equal(AllPairs(card, cards, 4), related[card.Slug].Select(c => c.Slug).ToList());
    }

    [Fact]
    public void A_card_that_can_only_tie_with_the_weakest_found_so_far_still_wins_on_its_slug()
    {
        // For m, z scores 1.5 (same themes, half the profile apart); a scores 1.5 too (identical profile, half the
        // themes), which is also the most any card with a's themes can score. The tie goes to the first slug.
        var cards = new[]
        {
            Card("m", [3, 3, 3, 3, 0, 0, 0, 0], ["x"]),
            Card("z", [0, 0, 0, 0, 0, 0, 0, 0], ["x"]),
            Card("a", [3, 3, 3, 3, 0, 0, 0, 0], ["x", "y"]),
        };
        Assert.Equal(["a"], RelatedCardsFinder.Find(cards, Framework, 1)["m"].Select(c => c.Slug));
    }

    [Fact]
    public void A_card_that_shares_no_theme_still_gets_the_closest_profiles()
    {
        var cards = new[]
        {
            Card("a", [3, 3, 3, 3, 3, 3, 3, 3], ["eigen"]),
            Card("b", [3, 3, 3, 3, 3, 3, 3, 2], ["x"]),
            Card("c", [0, 0, 0, 0, 0, 0, 0, 0], ["x"]),
            Card("d", [3, 3, 3, 3, 3, 3, 2, 2], ["y"]),
        };
        Assert.Equal(["b", "d", "c"], RelatedCardsFinder.Find(cards, Framework, 4)["a"].Select(c => c.Slug));
    }
}
