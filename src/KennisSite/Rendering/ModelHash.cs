using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.IO.Hashing;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.InteropServices;

namespace KennisSite.Rendering;

/// <summary>
/// A fingerprint of everything a template can see of a page: two models with the same fingerprint render the same HTML
/// with the same templates. This is what lets `serve` re-render only the pages a change touches without keeping a list
/// of which page depends on what, a list that would go stale the first time a template shows something new.
/// Objects shared between pages (a card's summary is on many listings) are fingerprinted once per build, also when pages
/// are fingerprinted in parallel.
/// </summary>
internal sealed class ModelHash
{
    private static readonly ConcurrentDictionary<Type, Func<object, object?>[]> Members = new();
    private readonly ConcurrentDictionary<object, UInt128> _known = new(ReferenceEqualityComparer.Instance);

    public UInt128 Of(params object?[] values)
    {
        var hash = new XxHash128();
        foreach (var value in values) Add(hash, value);
        return hash.GetCurrentHashAsUInt128();
    }

    private void Add(XxHash128 hash, object? value)
    {
        switch (value)
        {
            case null:
                AddTag(hash, 'n');
                return;
            case string text:
                AddText(hash, 's', text);
                return;
            case TrustedHtml html:
                AddText(hash, 'h', html.Html);
                return;
            case bool or int or long or double or decimal or DateOnly or DateTime or Enum:
                AddText(hash, 'v', Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
                return;
        }
        if (!_known.TryGetValue(value, out var own))
        {
            own = OfObject(value);
            _known[value] = own;
        }
        hash.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<UInt128>(in own)));
    }

    private UInt128 OfObject(object value)
    {
        var type = value.GetType();
        // Markdown syntax trees are rendered to TrustedHtml before they reach a template; one here would be a KennisSite bug.
        if (type.Namespace?.StartsWith("Markdig", StringComparison.Ordinal) == true)
            throw new InvalidOperationException($"A page model contains a {type.Name}; render it to TrustedHtml first.");
        var hash = new XxHash128();
        AddText(hash, 't', type.FullName ?? type.Name);
        if (value is IEnumerable items)
        {
            var count = 0;
            foreach (var item in items)
            {
                Add(hash, item);
                count++;
            }
            AddText(hash, 'c', count.ToString(CultureInfo.InvariantCulture));
        }
        else
            foreach (var member in Members.GetOrAdd(type, MembersOf))
                Add(hash, member(value));
        return hash.GetCurrentHashAsUInt128();
    }

    /// <summary>Public properties and fields: what Scriban lets a template read.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Page models are KennisSite's view records, which the CLI keeps whole (TrimmerRootAssembly in KennisSite.Cli.csproj).")]
    private static Func<object, object?>[] MembersOf(Type type)
    {
        var instance = Expression.Parameter(typeof(object));
        var typed = Expression.Convert(instance, type);
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .Select(p => (p.Name, Access: (Expression)Expression.Property(typed, p)));
        var fields = type.GetFields(BindingFlags.Public | BindingFlags.Instance).Select(f => (f.Name, Access: (Expression)Expression.Field(typed, f)));
        return properties.Concat(fields)
            .OrderBy(m => m.Name, StringComparer.Ordinal)
            .Select(m => Expression.Lambda<Func<object, object?>>(Expression.Convert(m.Access, typeof(object)), instance).Compile())
            .ToArray();
    }

    private static void AddTag(XxHash128 hash, char tag) => hash.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<char>(in tag)));

    private static void AddText(XxHash128 hash, char tag, string text)
    {
        AddTag(hash, tag);
        var length = text.Length;
        hash.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<int>(in length)));
        hash.Append(MemoryMarshal.AsBytes(text.AsSpan()));
    }
}
