using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
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

    public const string PartialFunction = "partial";

    private readonly ScriptObject _builtins;
    private readonly ConcurrentDictionary<Type, IObjectAccessor?> _accessors = new();
    private readonly PartialReuse _partials;
    // A bag keeps each thread's buffers on that thread, so a thread that grew one for a theme page finds it again (a
    // shared stack allocated 65 MiB more on 20,000 cards). Contexts are all alike, and a second bag made the fuzz test
    // (3,000 small builds) four times slower.
    private readonly ConcurrentBag<StringBuilder> _builders = [];
    private readonly ConcurrentStack<EscapingTemplateContext> _contexts = [];

    private TemplateSet(Dictionary<string, Template> templates, Dictionary<string, UInt128> versions, string root, bool reusePartials)
    {
        _templates = templates;
        _versions = versions;
        Root = root;
        // One set of builtins for every page: Scriban would otherwise copy its whole function library per page.
        _builtins = TemplateContext.GetDefaultBuiltinObject();
        _builtins.SetValue(PartialFunction, new PartialCall(this), true);
        _builtins.SetValue("string", TruncateWords.InStringFunctions((ScriptObject)_builtins["string"]!), true);
        _builtins.IsReadOnly = true;
        _partials = new PartialReuse(templates.Where(t => t.Key.StartsWith("partials/", StringComparison.Ordinal)).ToDictionary(), _builtins, reusePartials);
    }

    /// <summary>
    /// Lets go of the partials kept for reuse and of the output buffers once the pages are made: on a site of 20,000
    /// cards they are hundreds of megabytes, and the search index and the zip come after.
    /// </summary>
    public void ForgetPageMemory()
    {
        _partials.Forget();
        _builders.Clear();
    }

    public static string PartialPath(string name) => $"partials/{name}.html";

    /// <summary>The templates folder on disk; its assets/ folder is copied to the output.</summary>
    public string Root { get; }

    /// <param name="reusePartials">False evaluates every partial call (see <see cref="PartialReuse"/>), to test that reuse changes nothing.</param>
    public static TemplateSet Load(string siteRoot, DiagnosticBag diagnostics, bool reusePartials = true)
    {
        var root = Path.Combine(siteRoot, Folder);
        var templates = new Dictionary<string, Template>(StringComparer.Ordinal);
        var versions = new Dictionary<string, UInt128>(StringComparer.Ordinal);
        if (!Directory.Exists(root))
        {
            diagnostics.Error(DiagnosticCodes.TemplateMissing, "Er is geen map 'templates' met de sjablonen van de site.", null);
            return new TemplateSet(templates, versions, root, reusePartials);
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
        return new TemplateSet(templates, versions, root, reusePartials);
    }

    public bool Has(string name) => _templates.ContainsKey(name);

    /// <summary>A fingerprint of a template's text; zero when there is no such (valid) template.</summary>
    public UInt128 VersionOf(string name) => _versions.GetValueOrDefault(name);

    /// <summary>Renders a page template inside the layout. Template mistakes become diagnostics naming the template line and the page.</summary>
    public RenderedPage? RenderPage(string templateName, ScriptObject globals, string outputPath, DiagnosticBag diagnostics)
    {
        byte[]? html = null;
        var used = Render(templateName, globals, outputPath, diagnostics, (context, layout) => html = EvaluateToUtf8(context, layout));
        return used is null ? null : new RenderedPage(html!, used);
    }

    /// <summary>
    /// Renders a page straight into a stream as UTF-8, without the page's text or bytes whole in memory: the catalogue of
    /// a site of 20,000 cards is 66 MB of HTML. Returns the templates used, or null after a mistake (what was written
    /// by then stays in the stream).
    /// </summary>
    public IReadOnlyList<string>? RenderPage(string templateName, ScriptObject globals, string outputPath, DiagnosticBag diagnostics, Stream into) =>
        Render(templateName, globals, outputPath, diagnostics, (context, layout) =>
        {
            using var writer = new Utf8StreamWriter(into);
            EvaluateTo(context, layout, new TextWriterOutput(writer));
        });

    private IReadOnlyList<string>? Render(string templateName, ScriptObject globals, string outputPath, DiagnosticBag diagnostics,
        Action<EscapingTemplateContext, Template> writeLayout)
    {
        if (!_templates.TryGetValue(templateName, out var template) || !_templates.TryGetValue(Layout, out var layout))
        {
            var missing = _templates.ContainsKey(templateName) ? Layout : templateName;
            diagnostics.Error(DiagnosticCodes.TemplateMissing, $"Het sjabloon '{missing}' ontbreekt in templates/ (nodig voor {outputPath}).",
                new SourceLocation($"{Folder}/{missing}"));
            return null;
        }
        var context = _contexts.TryPop(out var kept) ? kept : NewContext();
        context.PushScope(globals);
        context.TemplatesUsed.Add(templateName);
        context.TemplatesUsed.Add(Layout);
        try
        {
            var body = EvaluateInto(context, template);
            try
            {
                context.SetValue(new ScriptVariableGlobal("content"), new PageBody(body));
                writeLayout(context, layout);
                var used = context.TemplatesUsed.ToList();
                // Only after a page that went well: a mistake can leave a context halfway through a template.
                context.Reset();
                _contexts.Push(context);
                return used;
            }
            finally
            {
                Return(body);
            }
        }
        catch (ScriptRuntimeException e)
        {
            diagnostics.Error(DiagnosticCodes.TemplateRuntime, $"{e.OriginalMessage} (bij het maken van {outputPath})",
                new SourceLocation(e.Span.FileName ?? $"{Folder}/{templateName}", e.Span.Start.Line + 1, e.Span.Start.Column + 1));
            return null;
        }
    }

    /// <summary>
    /// A context for pages, used again page after page: Scriban gives every new context 65 argument arrays, 17 KB,
    /// which on a site of 20,000 cards came to 0.35 GB.
    /// </summary>
    private EscapingTemplateContext NewContext() =>
        new(_builtins, _accessors)
        {
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
            NewLine = "\n",
            AutoIndent = false,
            LoopLimit = 0,
            RecursiveLimit = 64,
            // Scriban silently truncates output past 1 MB by default; a catalogue of thousands of cards is larger.
            LimitToString = 0,
            OutputLimit = 0,
        };

    /// <summary>
    /// `{{ partial 'kaart' item }}`: renders partials/kaart.html with `it` set to the item; its output is trusted like
    /// the template itself. Returns null after writing straight into the caller's output when <paramref name="writeInPlace"/>.
    /// </summary>
    private TrustedHtml? RenderPartial(EscapingTemplateContext context, string name, object? item, bool writeInPlace)
    {
        var path = PartialPath(name);
        context.TemplatesUsed.Add(path);
        if (!_templates.TryGetValue(path, out var partial))
            throw new ScriptRuntimeException(context.CurrentSpan, $"Het deelsjabloon '{path}' bestaat niet.");
        var key = _partials.KeyFor(path, item, context);
        if (key is not null && _partials.TryGet(key, out var reused))
        {
            context.TemplatesUsed.UnionWith(reused.TemplatesUsed);
            return reused.Html;
        }
        var caller = context.TemplatesUsed;
        context.TemplatesUsed = new SortedSet<string>(StringComparer.Ordinal) { path };
        context.PushScope(new ScriptObject { ["it"] = item });
        // A card's wheel inside a card that is kept would only be found again through the card: keeping both took
        // more memory than all the cards (600 MB at 20,000 cards).
        var insideKept = context.InsideKeptPartial;
        var keep = key is not null && !insideKept && _partials.CalledBefore(key);
        context.InsideKeptPartial = insideKept || keep;
        try
        {
            if (writeInPlace && !keep)
            {
                if (partial.Page is not null) context.Evaluate(partial.Page);
                return null;
            }
            var html = new TrustedHtml(Evaluate(context, partial));
            if (keep) _partials.Keep(key!, new PartialReuse.Reused(html, context.TemplatesUsed));
            return html;
        }
        finally
        {
            context.InsideKeptPartial = insideKept;
            context.PopScope();
            caller.UnionWith(context.TemplatesUsed);
            context.TemplatesUsed = caller;
        }
    }

    /// <summary>
    /// The `partial` function. A call that is a statement of its own, `{{ partial 'kaart' r }}`, writes the partial
    /// straight into the page instead of returning it as text to be copied there: on a site of 20,000 cards those
    /// texts were 0.66 of the 8.0 GiB the build allocated. A call inside an expression (an assignment, a pipe) returns
    /// its text as before.
    /// </summary>
    private sealed class PartialCall(TemplateSet templates) : IScriptCustomFunction
    {
        private static readonly ScriptParameterInfo Name = new(typeof(string), "name");
        private static readonly ScriptParameterInfo Item = new(typeof(object), "item");

        public int RequiredParameterCount => 2;
        public int ParameterCount => 2;
        public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;
        public Type ReturnType => typeof(TrustedHtml);
        public ScriptParameterInfo GetParameterInfo(int index) => index == 0 ? Name : Item;

        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
        {
            // The block writes what such a statement returns, unless output is off: then nothing may be written.
            var isStatement = callerContext is ScriptFunctionCall { Parent: ScriptExpressionStatement { Parent.Parent: ScriptBlockStatement } }
                && context.EnableOutput;
            return templates.RenderPartial((EscapingTemplateContext)context, (string)arguments[0]!, arguments[1], isStatement);
        }

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            new(Invoke(context, callerContext, arguments, blockStatement));
    }

    private string Evaluate(TemplateContext context, Template template)
    {
        var output = EvaluateInto(context, template);
        var html = output.ToString();
        Return(output);
        return html;
    }

    /// <summary>The layout goes straight from Scriban's buffer to the bytes of the file, without a page-sized string in between.</summary>
    private byte[] EvaluateToUtf8(TemplateContext context, Template template)
    {
        var output = EvaluateInto(context, template);
        var bytes = Utf8Text.Encode(output);
        Return(output);
        return bytes;
    }

    // Output buffers are reused between pages: growing a fresh one for each page and partial was a third of what the
    // build allocated.
    private StringBuilder EvaluateInto(TemplateContext context, Template template)
    {
        var output = _builders.TryTake(out var kept) ? kept : new StringBuilder(16 * 1024);
        EvaluateTo(context, template, new StringBuilderOutput(output));
        return output;
    }

    private static void EvaluateTo(TemplateContext context, Template template, IScriptOutput output)
    {
        context.PushOutput(output);
        try
        {
            if (template.Page is not null) context.Evaluate(template.Page);
        }
        finally
        {
            context.PopOutput();
        }
    }

    private void Return(StringBuilder output)
    {
        // A buffer that held a catalogue of thousands of cards is not worth keeping for pages of a few kilobytes. One
        // that held a theme page is: the next theme page fits in it, where a new buffer would grow to that size again.
        if (output.Capacity > 16 * 1024 * 1024) return;
        output.Clear();
        _builders.Add(output);
    }
}

/// <summary>A page's HTML and the templates (page, layout, partials) it was made with.</summary>
public sealed record RenderedPage(byte[] Html, IReadOnlyList<string> TemplatesUsed);
