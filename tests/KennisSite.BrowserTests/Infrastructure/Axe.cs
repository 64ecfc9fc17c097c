using System.Text;
using System.Text.Json;

namespace KennisSite.BrowserTests.Infrastructure;

/// <summary>axe-core (node_modules/axe-core, pinned in package.json) injected into the page, limited to the WCAG 2.0 and 2.1 A and AA rules.</summary>
public static class Axe
{
    public static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    public sealed record Violation(string Id, string? Impact, string Help, string HelpUrl, IReadOnlyList<Node> Nodes);

    public sealed record Node(IReadOnlyList<string> Target, string Html, string FailureSummary);

    /// <summary>
    /// Runs the rules on the whole document. axe reads the stylesheets again with XMLHttpRequest for one rule (css-orientation-lock);
    /// a file:// page may not do that, so from disk that preload is off (the stylesheet is the same one the HTTP run checks).
    /// </summary>
    public static async Task<IReadOnlyList<Violation>> RunAsync(IPage page, bool fromDisk)
    {
        if (!File.Exists(RepoPaths.AxeScript))
            throw new InvalidOperationException($"{RepoPaths.AxeScript} is missing: run `npm ci` in the repository (tests/run.sh does).");
        await page.AddScriptTagAsync(new() { Path = RepoPaths.AxeScript });
        var json = await page.EvaluateAsync<string>(
            """
            async ([tags, preload]) => {
              const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'], preload });
              return JSON.stringify(result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({ target: n.target.map(t => Array.isArray(t) ? t.join(' >>> ') : String(t)), html: n.html, failureSummary: n.failureSummary || '' }))
              })));
            }
            """, new object[] { WcagTags, !fromDisk });
        return JsonSerializer.Deserialize<List<Violation>>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    /// <summary>One readable block per violation: rule, impact, what it asks, and each element by selector.</summary>
    public static string Describe(IReadOnlyList<Violation> violations)
    {
        var text = new StringBuilder();
        foreach (var v in violations)
        {
            text.Append($"\n[{v.Id}] ({v.Impact ?? "?"}) {v.Help}\n    {v.HelpUrl}\n");
            foreach (var node in v.Nodes.Take(8))
            {
                text.Append($"    - {string.Join(" ", node.Target)}\n      {Shorten(node.Html)}\n");
                foreach (var line in node.FailureSummary.Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(4))
                    text.Append($"      {line.Trim()}\n");
            }
            if (v.Nodes.Count > 8) text.Append($"    … and {v.Nodes.Count - 8} more\n");
        }
        return text.ToString();
    }

    private static string Shorten(string html) => html.Length <= 160 ? html : html[..157] + "...";
}
