using System.IO.Hashing;
using System.Runtime.InteropServices;
using KennisSite.Diagnostics;
using KennisSite.Input;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace KennisSite.Rendering;

/// <summary>
/// All Scriban templates of templates/, parsed once up front so every syntax error is reported before rendering.
/// Pages use a base layout (layout.html), one template per page kind, and partials (partials/*.html).
/// </summary>
public sealed class TemplateSet
{
    public const string Folder = "templates";
    public const string AssetFolder = "assets";
    public const string Layout = "layout.html";

    private readonly Dictionary<string, Template> _templates;
    private readonly Dictionary<string, UInt128> _versions;

    private TemplateSet(Dictionary<string, Template> templates, Dictionary<string, UInt128> versions, string root)
    {
        _templates = templates;
        _versions = versions;
        Root = root;
    }

    /// <summary>The templates folder on disk; its assets/ folder is copied to the output.</summary>
    public string Root { get; }

    public static TemplateSet Load(string siteRoot, DiagnosticBag diagnostics)
    {
        var root = Path.Combine(siteRoot, Folder);
        var templates = new Dictionary<string, Template>(StringComparer.Ordinal);
        var versions = new Dictionary<string, UInt128>(StringComparer.Ordinal);
        if (!Directory.Exists(root))
        {
            diagnostics.Error(DiagnosticCodes.TemplateMissing, "Er is geen map 'templates' met de sjablonen van de site.", null);
            return new TemplateSet(templates, versions, root);
        }
        var files = Directory.EnumerateFiles(root, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith(AssetFolder + "/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var name in files)
        {
            var sitePath = $"{Folder}/{name}";
            var text = SourceText.Read(Path.Combine(root, name), sitePath, diagnostics);
            if (text is null) continue;
            var template = Template.Parse(text, sitePath);
            foreach (var message in template.Messages.Where(m => m.Type == ParserMessageType.Error))
                diagnostics.Error(DiagnosticCodes.TemplateSyntax, $"Fout in het sjabloon: {message.Message}",
                    new SourceLocation(sitePath, message.Span.Start.Line + 1, message.Span.Start.Column + 1));
            if (!template.HasErrors)
            {
                templates[name] = template;
                versions[name] = XxHash128.HashToUInt128(MemoryMarshal.AsBytes(text.AsSpan()));
            }
        }
        return new TemplateSet(templates, versions, root);
    }

    public bool Has(string name) => _templates.ContainsKey(name);

    /// <summary>A fingerprint of a template's text; zero when there is no such (valid) template.</summary>
    public UInt128 VersionOf(string name) => _versions.GetValueOrDefault(name);

    /// <summary>Renders a page template inside the layout. Template mistakes become diagnostics naming the template line and the page.</summary>
    public RenderedPage? RenderPage(string templateName, ScriptObject globals, string outputPath, DiagnosticBag diagnostics)
    {
        if (!_templates.TryGetValue(templateName, out var template) || !_templates.TryGetValue(Layout, out var layout))
        {
            var missing = _templates.ContainsKey(templateName) ? Layout : templateName;
            diagnostics.Error(DiagnosticCodes.TemplateMissing, $"Het sjabloon '{missing}' ontbreekt in templates/ (nodig voor {outputPath}).",
                new SourceLocation($"{Folder}/{missing}"));
            return null;
        }
        var context = NewContext(globals);
        context.TemplatesUsed.Add(templateName);
        context.TemplatesUsed.Add(Layout);
        try
        {
            var body = Evaluate(context, template);
            context.SetValue(new ScriptVariableGlobal("content"), new TrustedHtml(body));
            return new RenderedPage(Evaluate(context, layout), context.TemplatesUsed.ToList());
        }
        catch (ScriptRuntimeException e)
        {
            diagnostics.Error(DiagnosticCodes.TemplateRuntime, $"{e.OriginalMessage} (bij het maken van {outputPath})",
                new SourceLocation(e.Span.FileName ?? $"{Folder}/{templateName}", e.Span.Start.Line + 1, e.Span.Start.Column + 1));
            return null;
        }
    }

    private EscapingTemplateContext NewContext(ScriptObject globals)
    {
        var context = new EscapingTemplateContext
        {
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
            NewLine = "\n",
            LoopLimit = 0,
            RecursiveLimit = 64,
            // Scriban silently truncates output past 1 MB by default; a catalogue of thousands of cards is larger.
            LimitToString = 0,
            OutputLimit = 0,
        };
        var functions = new ScriptObject();
        functions.Import("partial", new Func<TemplateContext, string, object?, TrustedHtml>(RenderPartial));
        context.PushGlobal(functions);
        context.PushGlobal(globals);
        return context;
    }

    /// <summary>`{{ partial 'kaart' item }}`: renders partials/kaart.html with `it` set to the item; its output is trusted like the template itself.</summary>
    private TrustedHtml RenderPartial(TemplateContext context, string name, object? item)
    {
        var path = $"partials/{name}.html";
        ((EscapingTemplateContext)context).TemplatesUsed.Add(path);
        if (!_templates.TryGetValue(path, out var partial))
            throw new ScriptRuntimeException(context.CurrentSpan, $"Het deelsjabloon '{path}' bestaat niet.");
        var locals = new ScriptObject { ["it"] = item };
        context.PushGlobal(locals);
        try
        {
            return new TrustedHtml(Evaluate(context, partial));
        }
        finally
        {
            context.PopGlobal();
        }
    }

    private static string Evaluate(TemplateContext context, Template template)
    {
        context.PushOutput();
        if (template.Page is not null) context.Evaluate(template.Page);
        return context.PopOutput().ToString() ?? "";
    }
}

/// <summary>A page's HTML and the templates (page, layout, partials) it was made with.</summary>
public sealed record RenderedPage(string Html, IReadOnlyList<string> TemplatesUsed);
