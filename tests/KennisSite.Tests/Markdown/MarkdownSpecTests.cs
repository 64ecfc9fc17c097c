using System.Text.RegularExpressions;
using KennisSite.Markdown;
using KennisSite.Tests.Infrastructure;

namespace KennisSite.Tests.Markdown;

/// <summary>Markdig-style spec files: each example's Markdown must render to exactly the HTML that follows it.</summary>
public partial class MarkdownSpecTests
{
    private const string Fence = "````````````````````````````````";

    [GeneratedRegex(@"^## (.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    public static TheoryData<string, string, string> Examples()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "tests", "KennisSite.Tests", "Markdown", "Specs"), "*.md").Order())
        {
            var text = File.ReadAllText(file).Replace("\r\n", "\n");
            var title = "";
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (Heading().Match(lines[i]) is { Success: true } heading) title = heading.Groups[1].Value;
                if (lines[i] != Fence + " example") continue;
                var end = Array.IndexOf(lines, Fence, i + 1);
                var body = lines[(i + 1)..end];
                var dot = Array.IndexOf(body, ".");
                data.Add(title, string.Join("\n", body[..dot]) + "\n", string.Join("\n", body[(dot + 1)..]) + "\n");
                i = end;
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Markdown_renders_as_specified(string example, string markdown, string expectedHtml)
    {
        var parser = new MarkdownParser();
        var html = MarkdownHtml.Render(parser.Parse(markdown), parser.Pipeline, url => url);
        Assert.True(expectedHtml == html, $"{example}\nexpected:\n{expectedHtml}\nactual:\n{html}");
    }
}
