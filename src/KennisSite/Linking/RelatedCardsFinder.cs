using KennisSite.Configuration;
using KennisSite.Content;

namespace KennisSite.Linking;

/// <summary>
/// Related practice examples: those whose function profile is closest and that share most themes.
/// Similarity = profile closeness (1 minus the mean absolute score difference, scaled to 0..1)
/// + theme overlap (shared themes divided by all themes of the two). Ties go to the alphabetically first slug.
/// Only cards that share a theme are compared, unless those leave room for one that shares none (see below).
/// </summary>
public static class RelatedCardsFinder
{
    public static IReadOnlyDictionary<string, IReadOnlyList<PracticeCard>> Find(IReadOnlyList<PracticeCard> cards, FunctionFramework framework, int count)
    {
        // Flat arrays and theme bit sets keep the pairwise loop free of allocations.
        var ordered = cards.OrderBy(c => c.Slug, StringComparer.Ordinal).ToArray();
        var profiles = ordered.Select(c => c.Scores.Select(s => s.Score).ToArray()).ToArray();
        var themeIds = ordered.SelectMany(c => c.Themes.Select(t => t.Value)).Distinct().Order(StringComparer.Ordinal)
            .Select((slug, i) => (slug, i)).ToDictionary(x => x.slug, x => x.i, StringComparer.Ordinal);
        var themes = ordered.Select(c => ThemeSet.Of(c.Themes.Select(t => themeIds[t.Value]), themeIds.Count)).ToArray();
        var scale = (double)Math.Max(1, framework.Functions.Count) * Math.Max(1, framework.Max - framework.Min);

        var result = new Dictionary<string, IReadOnlyList<PracticeCard>>(StringComparer.Ordinal);
        var byTheme = Enumerable.Range(0, themeIds.Count).Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < ordered.Length; i++)
            foreach (var theme in ordered[i].Themes.Select(t => themeIds[t.Value]).Distinct())
                byTheme[theme].Add(i);
        var seenBy = new int[ordered.Length];
        Array.Fill(seenBy, -1);
        var best = new (double Score, int Index)[count];
        for (var i = 0; i < ordered.Length; i++)
        {
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
            // First the cards that share a theme. A card that shares none scores at most 1 (profile closeness only), so once
            // the weakest of the best scores above 1 the others cannot get in, and are not compared at all.
            seenBy[i] = i;
            foreach (var theme in ordered[i].Themes.Select(t => themeIds[t.Value]).Distinct())
                foreach (var j in byTheme[theme])
                    if (seenBy[j] != i)
                    {
                        seenBy[j] = i;
                        Consider(j);
                    }
            if (found < count || best[count - 1].Score <= 1.0)
                for (var j = 0; j < ordered.Length; j++)
                    if (seenBy[j] != i) Consider(j);
            result[ordered[i].Slug] = best.Take(found).Select(b => ordered[b.Index]).ToList();
        }
        return result;
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
        var union = themesA.UnionCount(themesB);
        var overlap = union == 0 ? 0 : (double)themesA.IntersectionCount(themesB) / union;
        return 1.0 - distance / scale + overlap;
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

        private ulong[] Bits => bits;
    }
}
