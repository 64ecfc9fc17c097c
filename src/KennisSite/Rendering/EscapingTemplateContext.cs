using System.Collections.Concurrent;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace KennisSite.Rendering;

/// <summary>
/// Scriban writes values as they are; this context HTML-escapes every {{ value }} unless it is <see cref="TrustedHtml"/>,
/// so a template author cannot forget to escape an editor's text.
/// </summary>
internal sealed class EscapingTemplateContext : TemplateContext
{
    private readonly ConcurrentDictionary<Type, IObjectAccessor?> _accessors;
    // The page's variables and the `it` of each partial being rendered, innermost last.
    private readonly List<ScriptObject> _scopes = [];
    private readonly Action<string, int, int> _writePart;

    /// <param name="accessors">How to read each .NET type, shared by the contexts of all pages.</param>
    public EscapingTemplateContext(ScriptObject builtins, ConcurrentDictionary<Type, IObjectAccessor?> accessors) : base(builtins)
    {
        _accessors = accessors;
        _writePart = (text, start, count) => Write(text, start, count);
    }

    /// <summary>The templates this page was made with, so `serve` knows which pages a template edit touches.</summary>
    public SortedSet<string> TemplatesUsed { get; set; } = new(StringComparer.Ordinal);

    /// <summary>True while a partial whose output will be kept for reuse is written: what it calls is kept as part of it.</summary>
    public bool InsideKeptPartial { get; set; }

    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        switch (textAsObject)
        {
            case null: break;
            case TrustedHtml trusted: Write(trusted.Html); break;
            case PageBody body when Output is StringBuilderOutput output: body.WriteTo(output.Builder); break;
            case PageBody body when Output is TextWriterOutput output: body.WriteTo(output.Writer); break;
            case PageBody body: Write(body.ToString()); break;
            default: HtmlText.Encode(ObjectToString(textAsObject) ?? "", _writePart); break;
        }
        return this;
    }

    /// <summary>
    /// Scriban caches how to read a type per context, and each page has a context of its own: every page paid for the
    /// reflection over every view type again (0.5 s of processor time on 2,000 cards). An accessor depends only on
    /// the type and does not change once made, so all pages share them.
    /// </summary>
    protected override IObjectAccessor? GetMemberAccessorImpl(object target) =>
        _accessors.TryGetValue(target.GetType(), out var known)
            ? known
            : _accessors.GetOrAdd(target.GetType(), CompiledMemberAccessor.Wrap(base.GetMemberAccessorImpl(target), target.GetType(), MemberRenamer));

    /// <summary>Ready for the next page: Scriban's own state, and what this context kept of the last page.</summary>
    public override void Reset()
    {
        base.Reset();
        _scopes.Clear();
        TemplatesUsed.Clear();
        InsideKeptPartial = false;
    }

    public void PushScope(ScriptObject scope)
    {
        PushGlobal(scope);
        _scopes.Add(scope);
    }

    public void PopScope()
    {
        PopGlobal();
        _scopes.RemoveAt(_scopes.Count - 1);
    }

    /// <summary>The value of a variable as the template would see it, and whether the variable exists at all.</summary>
    public bool TryGetDefined(ScriptVariableGlobal variable, out object? value)
    {
        // Not strict for the look-up: an undefined variable is an answer here, not an error.
        var strict = StrictVariables;
        StrictVariables = false;
        try
        {
            value = GetValue(variable);
        }
        finally
        {
            StrictVariables = strict;
        }
        // A loop variable lives outside the scopes; it is defined when it has a value.
        return value is not null || IsInAScope(variable.Name);
    }

    private bool IsInAScope(string name)
    {
        foreach (var scope in _scopes)
            if (scope.ContainsKey(name)) return true;
        return false;
    }
}
