using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace KennisSite.Rendering;

/// <summary>
/// Reuses what a partial wrote when it is called again with the same item and the same values of everything else it
/// reads. A site of 2,000 cards writes each card's summary on the catalogue, its themes' pages and the pages of related
/// cards: the same Scriban work several times over. Nothing has to be declared: what a partial reads and writes is read
/// from its syntax tree, and a call is only reused when that is certain. A partial that assigns to members, declares
/// functions, uses `this`, `with`, `capture`, `import`, local variables or a partial name that is not a literal is
/// always evaluated, and so is a call where a variable the partial assigns already exists outside it (its first value
/// may be the caller's) or where a variable it reads is not defined (Scriban must report that). The context writes
/// without <see cref="TemplateContext.AutoIndent"/>, so what a partial writes does not depend on where it is called.
/// A call made while a partial that will be kept is written (the wheel inside a card) is not kept on its own: it is
/// found again through the outer partial (see TemplateSet.RenderPartial).
/// </summary>
internal sealed class PartialReuse
{
    private static readonly HashSet<string> LoopVariables = new(StringComparer.Ordinal) { "for", "while", "tablerow" };

    private readonly bool _enabled;
    private readonly Dictionary<string, Shape?> _shapes;
    private readonly ConcurrentDictionary<Key, Reused> _reused = new();
    private readonly ConcurrentDictionary<int, bool> _called = new();

    /// <param name="partials">Every valid partial by its path (partials/x.html).</param>
    /// <param name="constants">Names that mean the same on every page: Scriban's builtins and KennisSite's functions.</param>
    /// <param name="enabled">False evaluates every call, for the test that reuse changes nothing.</param>
    public PartialReuse(IReadOnlyDictionary<string, Template> partials, ScriptObject constants, bool enabled)
    {
        _enabled = enabled;
        var own = partials.ToDictionary(p => p.Key, p => Read(p.Value.Page, constants), StringComparer.Ordinal);
        _shapes = own.Keys.ToDictionary(path => path, path => Close(path, own, []), StringComparer.Ordinal);
    }

    /// <summary>What a partial wrote, and the templates that took part (itself and the partials it called).</summary>
    public sealed record Reused(TrustedHtml Html, IReadOnlyCollection<string> TemplatesUsed);

    /// <summary>The key of this call, or null when the call must be evaluated.</summary>
    public Key? KeyFor(string path, object? item, EscapingTemplateContext context)
    {
        if (!_enabled || _shapes.GetValueOrDefault(path) is not { } shape) return null;
        foreach (var variable in shape.Writes)
            if (context.TryGetDefined(variable, out _)) return null;
        var values = new object?[shape.Reads.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (!context.TryGetDefined(shape.Reads[i], out values[i])) return null;
        }
        return new Key(path, item, values);
    }

    public bool TryGet(Key key, out Reused reused) => _reused.TryGetValue(key, out reused!);

    /// <summary>
    /// Whether a call with this key is worth keeping: only from its second call on. Many calls are made once: the
    /// large wheel of each card's own page, each card on the catalogue. Kept at their first call, the site of 20,000
    /// cards held 62,000 partials (0.43 GB) at the end of its pages, of which 42,000 were never used again.
    /// </summary>
    /// <remarks>Only the key's hash is remembered: a collision keeps one call too early, which costs memory, never output.</remarks>
    public bool CalledBefore(Key key) => !_called.TryAdd(key.GetHashCode(), true);

    public void Keep(Key key, Reused reused) => _reused.TryAdd(key, reused);

    public void Forget()
    {
        _reused.Clear();
        _called.Clear();
    }

    /// <summary>What one partial reads and writes by itself, and which partials it calls; null when it cannot be reused.</summary>
    private sealed record OwnShape(HashSet<string> Reads, HashSet<string> Writes, HashSet<string> Calls);

    /// <summary>Reads are variables whose values come from outside the partial (not `it`, not its own variables).</summary>
    private sealed record Shape(ScriptVariableGlobal[] Reads, ScriptVariableGlobal[] Writes);

    private static OwnShape? Read(ScriptNode? page, ScriptObject constants)
    {
        var shape = new OwnShape(new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal));
        return page is null || Walk(page, shape, constants, loopDepth: 0) ? shape : null;
    }

    private static bool Walk(ScriptNode node, OwnShape shape, ScriptObject constants, int loopDepth)
    {
        switch (node)
        {
            case ScriptVariableGlobal variable:
                if (LoopVariables.Contains(variable.Name)) return loopDepth > 0;
                if (!constants.ContainsKey(variable.Name)) shape.Reads.Add(variable.Name);
                return true;
            case ScriptVariable: // $local and $0 arguments
            case ScriptThisExpression or ScriptWithStatement or ScriptCaptureStatement or ScriptImportStatement:
            case ScriptFunction or ScriptWrapStatement or ScriptReadOnlyStatement:
                return false;
            case ScriptMemberExpression member:
                // The member's name is a ScriptVariableGlobal too, but it names a property, not a variable.
                return member.Target is null || Walk(member.Target, shape, constants, loopDepth);
            case ScriptAssignExpression assign:
                if (assign.Target is not ScriptVariableGlobal target || LoopVariables.Contains(target.Name)) return false;
                shape.Writes.Add(target.Name);
                return assign.Value is null || Walk(assign.Value, shape, constants, loopDepth);
            case ScriptForStatement loop:
                if (loop.Variable is ScriptVariableGlobal loopVariable) shape.Writes.Add(loopVariable.Name);
                else if (loop.Variable is not null) return false;
                foreach (var child in node.Children)
                    if (child is not null && child != loop.Variable && !Walk(child, shape, constants, loopDepth + 1)) return false;
                return true;
            case ScriptLoopStatementBase:
                return node.Children.All(child => child is null || Walk(child, shape, constants, loopDepth + 1));
            case ScriptFunctionCall call when call.Target is ScriptVariableGlobal { Name: TemplateSet.PartialFunction }:
                if (call.Arguments.Count == 0 || call.Arguments[0] is not ScriptLiteral { Value: string name }) return false;
                shape.Calls.Add(TemplateSet.PartialPath(name));
                return call.Arguments.Skip(1).All(argument => Walk(argument, shape, constants, loopDepth));
        }
        return node.Children.All(child => child is null || Walk(child, shape, constants, loopDepth));
    }

    /// <summary>A partial's shape with those of the partials it calls; their `it` is what the caller passed them.</summary>
    private static Shape? Close(string path, Dictionary<string, OwnShape?> own, HashSet<string> calling)
    {
        if (own.GetValueOrDefault(path) is not { } shape || !calling.Add(path)) return null; // missing, unreusable or recursive
        var reads = new HashSet<string>(shape.Reads.Where(r => r != "it"), StringComparer.Ordinal);
        var writes = new HashSet<string>(shape.Writes, StringComparer.Ordinal);
        foreach (var called in shape.Calls)
        {
            if (Close(called, own, calling) is not { } inner) return null;
            reads.UnionWith(inner.Reads.Select(v => v.Name));
            writes.UnionWith(inner.Writes.Select(v => v.Name));
        }
        calling.Remove(path);
        // A variable the partial assigns is its own (the call is only reused when it is not defined outside).
        reads.ExceptWith(writes);
        return new Shape([.. reads.Order(StringComparer.Ordinal).Select(r => new ScriptVariableGlobal(r))],
            [.. writes.Order(StringComparer.Ordinal).Select(w => new ScriptVariableGlobal(w))]);
    }

    /// <summary>A partial, its item and the values it reads; objects compare by identity, strings and numbers by value.</summary>
    public sealed class Key(string path, object? item, object?[] values) : IEquatable<Key>
    {
        private readonly string _path = path;
        private readonly object? _item = item;
        private readonly object?[] _values = values;
        private readonly int _hash = Hash(path, item, values);

        public bool Equals(Key? other) =>
            other is not null && _hash == other._hash && _path == other._path && Same(_item, other._item)
            && _values.Length == other._values.Length && _values.Zip(other._values).All(pair => Same(pair.First, pair.Second));

        public override bool Equals(object? obj) => Equals(obj as Key);

        public override int GetHashCode() => _hash;

        private static bool Same(object? a, object? b) => ReferenceEquals(a, b) || a is string or ValueType && a.Equals(b);

        private static int HashOf(object? value) =>
            value is null ? 0 : value is string or ValueType ? value.GetHashCode() : RuntimeHelpers.GetHashCode(value);

        private static int Hash(string path, object? item, object?[] values)
        {
            var hash = new HashCode();
            hash.Add(path);
            hash.Add(HashOf(item));
            foreach (var value in values) hash.Add(HashOf(value));
            return hash.ToHashCode();
        }
    }
}
