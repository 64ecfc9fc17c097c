using System.Globalization;
using KennisSite.Configuration;
using KennisSite.Content;

namespace KennisSite.Rendering;

/// <summary>Geometry of the function profile; the template draws it, so wording and markup stay in templates.</summary>
public static class FunctionWheel
{
    // Light to dark, as in the printed cahiers; each step also differs in the number written in the segment and in the table.
    private static readonly string[] Shades = ["#f4f7f8", "#b7d5e2", "#4f8fae", "#17465d"];

    /// <summary>
    /// A wheel of this size for every card: the geometry depends only on the size and the number of functions, and
    /// writing its numbers was a tenth of the time spent on the pages.
    /// </summary>
    public static Shape ShapeOf(int size, FunctionFramework framework)
    {
        var count = framework.Functions.Count;
        var center = size / 2.0;
        var outer = center - 1;
        var inner = size * 0.14;
        var labelRadius = (outer + inner) / 2;
        var segments = new SegmentShape[count];
        for (var i = 0; i < count; i++)
        {
            var start = -Math.PI / 2 + 2 * Math.PI * i / count;
            var end = -Math.PI / 2 + 2 * Math.PI * (i + 1) / count;
            var middle = (start + end) / 2;
            segments[i] = new SegmentShape(Sector(center, inner, outer, start, end),
                F(center + labelRadius * Math.Cos(middle)), F(center + labelRadius * Math.Sin(middle)));
        }
        return new Shape(size, framework, segments, F(center), F(outer), F(inner));
    }

    public static WheelView Build(string id, PracticeCard card, Shape shape, bool showNumbers, Func<string, string> functionUrl)
    {
        var framework = shape.Framework;
        var segments = new WheelSegment[shape.Segments.Length];
        var scores = new ScoreView[shape.Segments.Length];
        for (var i = 0; i < segments.Length; i++)
        {
            var function = framework.Functions[i];
            var score = card.ScoreOf(function.Key);
            var label = framework.LabelFor(score);
            var shade = ShadeIndex(score, framework);
            var geometry = shape.Segments[i];
            segments[i] = new WheelSegment(geometry.Path, Shades[shade], shade >= 2 ? "#ffffff" : "#17232b", geometry.LabelX, geometry.LabelY,
                function.Name, score, label);
            scores[i] = new ScoreView(function.Key, function.Name, functionUrl(function.Key), score, label);
        }
        return new WheelView(id, shape.Size, segments, scores, showNumbers, shape.Center, shape.OuterRadius, shape.InnerRadius, framework.Max);
    }

    /// <param name="Center">The centre's coordinate (both x and y), and the radii of the rim and the hole, as the template writes them.</param>
    public sealed record Shape(int Size, FunctionFramework Framework, SegmentShape[] Segments, string Center, string OuterRadius, string InnerRadius);

    public sealed record SegmentShape(string Path, string LabelX, string LabelY);

    /// <summary>The colour of a level, for legends and swatches that must match the wheel.</summary>
    public static string ShadeFor(int score, FunctionFramework framework) => Shades[ShadeIndex(score, framework)];

    private static int ShadeIndex(int score, FunctionFramework framework)
    {
        var range = Math.Max(1, framework.Max - framework.Min);
        return (int)Math.Round((double)(score - framework.Min) / range * (Shades.Length - 1), MidpointRounding.AwayFromZero);
    }

    private static string Sector(double c, double r0, double r1, double a0, double a1)
    {
        var large = a1 - a0 > Math.PI ? 1 : 0;
        return string.Create(CultureInfo.InvariantCulture,
            $"M{F(c + r1 * Math.Cos(a0))} {F(c + r1 * Math.Sin(a0))}A{F(r1)} {F(r1)} 0 {large} 1 {F(c + r1 * Math.Cos(a1))} {F(c + r1 * Math.Sin(a1))}" +
            $"L{F(c + r0 * Math.Cos(a1))} {F(c + r0 * Math.Sin(a1))}A{F(r0)} {F(r0)} 0 {large} 0 {F(c + r0 * Math.Cos(a0))} {F(c + r0 * Math.Sin(a0))}Z");
    }

    private static string F(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
}
