using KennisSite.Configuration;
using KennisSite.Content;

namespace KennisSite.Linking;

/// <summary>
/// Related practice examples: those whose function profile is closest and that share most themes.
/// Similarity = profile closeness (1 minus the mean absolute score difference, scaled to 0..1)
/// + theme overlap (shared themes divided by all themes of the two). Ties go to the alphabetically first slug.
/// </summary>
/// <remarks>
/// Not every pair is compared. Cards with the same set of themes form a group, and a card's theme overlap with a
/// group is one number, so no card of the group can score more than 1 + that overlap (an identical profile). Groups
/// are visited from the largest overlap down, and the visit stops at the first group whose best possible score is
/// below the weakest of the best found: on 20,000 cards with 1-3 of 20 themes most groups are never opened. Groups
/// that share no theme with the card are only opened when a score of 1 could still get in. Each card's search is its
/// own, so cards are searched in parallel; the result does not depend on how.
/// </remarks>
public static class RelatedCardsFinder
{
    public static IReadOnlyDictionary<string, IReadOnlyList<PracticeCard>> Find(IReadOnlyList<PracticeCard> cards, FunctionFramework framework, int count,
        int parallelism = 1)
    {
        // Flat arrays and theme bit sets keep the inner loop free of allocations.
        var ordered = cards.OrderBy(c => c.Slug, StringComparer.Ordinal).ToArray();
        var profiles = ordered.Select(c => c.Scores.Select(s => s.Score).ToArray()).ToArray();
        var themeIds = ordered.SelectMany(c => c.Themes.Select(t => t.Value)).Distinct().Order(StringComparer.Ordinal)
            .Select((slug, i) => (slug, i)).ToDictionary(x => x.slug, x => x.i, StringComparer.Ordinal);
        var themes = ordered.Select(c => ThemeSet.Of(c.Themes.Select(t => themeIds[t.Value]), themeIds.Count)).ToArray();
        var scale = (double)Math.Max(1, framework.Functions.Count) * Math.Max(1, framework.Max - framework.Min);

        // Groups of cards with the same themes (members in slug order), and which groups contain each theme.
        var groups = Enumerable.Range(0, ordered.Length).GroupBy(i => themes[i].Key, StringComparer.Ordinal)
            .Select(g => (Themes: themes[g.First()], Members: g.ToArray())).ToArray();
        var groupsWithTheme = Enumerable.Range(0, themeIds.Count)
            .Select(t => Enumerable.Range(0, groups.Length).Where(g => groups[g].Themes.Contains(t)).ToArray()).ToArray();

        var related = new IReadOnlyList<PracticeCard>[ordered.Length];
        Parallel.For(0, ordered.Length, new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            () => (Best: new (double Score, int Index)[count], Seen: new int[groups.Length], Order: new List<(double Overlap, int Group)>()),
            (i, _, local) =>
            {
                var (best, seen, order) = local;
                var found = 0;
                void Consider(int j)
                {
                    var score = Similarity(profiles[i], profiles[j], themes[i], themes[j], scale);
                    // Higher score first, then the alphabetically first slug: the same order whatever order candidates come in.
                    if (found < count) best[found++] = (score, j);
                    else if (score > best[count - 1].Score || score == best[count - 1].Score && j < best[count - 1].Index) best[count - 1] = (score, j);
                    else return;
                    for (var k = found - 1; k > 0 && (best[k].Score > best[k - 1].Score || best[k].Score == best[k - 1].Score && best[k].Index < best[k - 1].Index); k--)
                        (best[k], best[k - 1]) = (best[k - 1], best[k]);
                }
                // Computed as Similarity computes a score with an identical profile, so the bound compares exactly.
                double Bound(double overlap) => 1.0 - 0 / scale + overlap;
                bool MayGetIn(double bound) => found < count || bound >= best[count - 1].Score;

                order.Clear();
                var mark = i + 1; // marks groups already in the order for this card
                foreach (var theme in themes[i].Members())
                    foreach (var g in groupsWithTheme[theme])
                        if (seen[g] != mark)
                        {
                            seen[g] = mark;
                            order.Add((Overlap(themes[i], groups[g].Themes), g));
                        }
                order.Sort((a, b) => b.Overlap.CompareTo(a.Overlap));
                foreach (var (overlap, g) in order)
                {
                    if (!MayGetIn(Bound(overlap))) break;
                    foreach (var j in groups[g].Members)
                        if (j != i) Consider(j);
                }
                if (MayGetIn(Bound(0)))
                    for (var g = 0; g < groups.Length; g++)
                        if (seen[g] != mark)
                            foreach (var j in groups[g].Members)
                                if (j != i) Consider(j);
                related[i] = best.Take(found).Select(b => ordered[b.Index]).ToList();
                return local;
            }, _ => { });
        return Enumerable.Range(0, ordered.Length).ToDictionary(i => ordered[i].Slug, i => related[i], StringComparer.Ordinal);
    }

    public static double Similarity(PracticeCard a, PracticeCard b, FunctionFramework framework)
    {
        var ids = a.Themes.Concat(b.Themes).Select(t => t.Value).Distinct().Order(StringComparer.Ordinal).Select((slug, i) => (slug, i))
            .ToDictionary(x => x.slug, x => x.i, StringComparer.Ordinal);
        return Similarity(a.Scores.Select(s => s.Score).ToArray(), b.Scores.Select(s => s.Score).ToArray(),
            ThemeSet.Of(a.Themes.Select(t => ids[t.Value]), ids.Count), ThemeSet.Of(b.Themes.Select(t => ids[t.Value]), ids.Count),
            (double)Math.Max(1, framework.Functions.Count) * Math.Max(1, framework.Max - framework.Min));
    }

    private static double Similarity(int[] a, int[] b, ThemeSet themesA, ThemeSet themesB, double scale)
    {
        var distance = 0;
        for (var f = 0; f < a.Length; f++) distance += Math.Abs(a[f] - b[f]);
        return 1.0 - distance / scale + Overlap(themesA, themesB);
    }

    private static double Overlap(ThemeSet a, ThemeSet b)
    {
        var union = a.UnionCount(b);
        return union == 0 ? 0 : (double)a.IntersectionCount(b) / union;
    }

    /// <summary>A set of theme numbers as bits.</summary>
    private readonly struct ThemeSet(ulong[] bits)
    {
        public static ThemeSet Of(IEnumerable<int> ids, int themeCount)
        {
            var bits = new ulong[Math.Max(1, (themeCount + 63) / 64)];
            foreach (var id in ids) bits[id / 64] |= 1UL << (id % 64);
            return new ThemeSet(bits);
        }

        public int IntersectionCount(ThemeSet other)
        {
            var n = 0;
            for (var i = 0; i < bits.Length; i++) n += System.Numerics.BitOperations.PopCount(bits[i] & other.Bits[i]);
            return n;
        }

        public int UnionCount(ThemeSet other)
        {
            var n = 0;
            for (var i = 0; i < bits.Length; i++) n += System.Numerics.BitOperations.PopCount(bits[i] | other.Bits[i]);
            return n;
        }

        public bool Contains(int id) => (bits[id / 64] & 1UL << (id % 64)) != 0;

        public IEnumerable<int> Members()
        {
            for (var id = 0; id < bits.Length * 64; id++)
                if (Contains(id)) yield return id;
        }

        /// <summary>The bits as text, to group equal sets.</summary>
        public string Key => string.Join(',', bits);

        private ulong[] Bits => bits;
    }
}
