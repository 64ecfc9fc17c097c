using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Runtime.Accessors;

namespace KennisSite.Rendering;

/// <summary>
/// Reads the properties of a .NET object for templates through a delegate made once per property, where Scriban's own
/// accessor calls <see cref="PropertyInfo.GetValue(object)"/> on every <c>{{ x.y }}</c>: a card page reads a few hundred
/// properties, and reflection without generated code (the CLI runs without it, see KennisSite.Cli.csproj) is the slow
/// kind. Everything else, and any member this cannot read the same way, is left to Scriban's accessor.
/// </summary>
internal sealed class CompiledMemberAccessor : IObjectAccessor
{
    private static readonly MethodInfo MakeGetterMethod =
        typeof(CompiledMemberAccessor).GetMethod(nameof(MakeGetter), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly IObjectAccessor _scriban;
    private readonly FrozenDictionary<string, Func<object, object?>> _getters;

    private CompiledMemberAccessor(IObjectAccessor scriban, FrozenDictionary<string, Func<object, object?>> getters)
    {
        _scriban = scriban;
        _getters = getters;
    }

    /// <summary>The accessor Scriban made for <paramref name="type"/>, with faster reads where Scriban would read a property.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = KeptWhole)]
    public static IObjectAccessor? Wrap(IObjectAccessor? scriban, Type type, MemberRenamerDelegate renamer)
    {
        if (scriban is not TypedObjectAccessor || type.IsValueType) return scriban;
        var members = type.GetMembers(BindingFlags.Instance | BindingFlags.Public).Where(m => m is FieldInfo or PropertyInfo).ToList();
        var getters = new Dictionary<string, Func<object, object?>>(StringComparer.Ordinal);
        // Only a name that one property alone can have: where a field, an indexer or a hidden base property shares it,
        // which member Scriban picks is Scriban's business.
        foreach (var group in members.GroupBy(m => Rename(renamer, m), StringComparer.Ordinal))
        {
            // TypedObjectAccessor answers HasMember from its own list, whatever the context and target.
            if (group.Count() != 1 || group.Single() is not PropertyInfo property || !scriban.HasMember(null!, default, null!, group.Key)) continue;
            if (property.GetIndexParameters().Length == 0 && Getter(property) is { } getter) getters[group.Key] = getter;
        }
        return getters.Count == 0 ? scriban : new CompiledMemberAccessor(scriban, getters.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private static string Rename(MemberRenamerDelegate renamer, MemberInfo member) => renamer(member) is { Length: > 0 } name ? name : member.Name;

    [UnconditionalSuppressMessage("Trimming", "IL2060", Justification = KeptWhole)]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "A getter whose code was not compiled ahead of time is not made: Scriban's accessor reads that property.")]
    private static Func<object, object?>? Getter(PropertyInfo property)
    {
        if (property.GetMethod is not { IsPublic: true, IsStatic: false } get || property.DeclaringType is not { IsValueType: false } owner) return null;
        try
        {
            return (Func<object, object?>)MakeGetterMethod.MakeGenericMethod(owner, property.PropertyType).Invoke(null, [get])!;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            // A type that cannot be a generic argument (a pointer, a ref struct), or, in the CLI compiled ahead of time,
            // a value type for which no getter was compiled (see ValueTypesCompiledAhead): reflection reads it.
            return null;
        }
    }

    private const string KeptWhole = "Templates read KennisSite's view records and Scriban's and .NET's collections; the CLI keeps KennisSite and Scriban whole (TrimmerRootAssembly in KennisSite.Cli.csproj).";

    /// <summary>
    /// The CLI is compiled ahead of time: <see cref="MakeGetter{TOwner, TValue}"/> exists there for any class as owner and
    /// value (the code is shared), but for a value type only when that instantiation was compiled. These are the value
    /// types the view records have. Never read: naming them here is what makes the compiler build them (without the
    /// list, templates read every int and bool through reflection, docs/snelheid.md).
    /// </summary>
    internal static readonly Func<MethodInfo, Func<object, object?>>[] ValueTypesCompiledAhead =
    [
        MakeGetter<object, int>, MakeGetter<object, int?>, MakeGetter<object, bool>, MakeGetter<object, DateOnly>,
        MakeGetter<object, UInt128>,
    ];

    private static Func<object, object?> MakeGetter<TOwner, TValue>(MethodInfo get)
    {
        var typed = get.CreateDelegate<Func<TOwner, TValue>>();
        return target => typed((TOwner)target);
    }

    /// <summary>The members read through a delegate; the others go to Scriban's accessor.</summary>
    internal IEnumerable<string> CompiledMembers => _getters.Keys;

    public bool TryGetValue(TemplateContext context, SourceSpan span, object target, string member, out object? value)
    {
        if (_getters.TryGetValue(member, out var getter))
        {
            value = getter(target);
            return true;
        }
        return _scriban.TryGetValue(context, span, target, member, out value);
    }

    public int GetMemberCount(TemplateContext context, SourceSpan span, object target) => _scriban.GetMemberCount(context, span, target);
    public IEnumerable<string> GetMembers(TemplateContext context, SourceSpan span, object target) => _scriban.GetMembers(context, span, target);
    public bool HasMember(TemplateContext context, SourceSpan span, object target, string member) => _scriban.HasMember(context, span, target, member);
    public bool TrySetValue(TemplateContext context, SourceSpan span, object target, string member, object? value) => _scriban.TrySetValue(context, span, target, member, value);
    public bool TryGetItem(TemplateContext context, SourceSpan span, object target, object index, out object? value) => _scriban.TryGetItem(context, span, target, index, out value);
    public bool TrySetItem(TemplateContext context, SourceSpan span, object target, object index, object? value) => _scriban.TrySetItem(context, span, target, index, value);
    public bool HasIndexer => _scriban.HasIndexer;
    public Type? IndexType => _scriban.IndexType;
}
