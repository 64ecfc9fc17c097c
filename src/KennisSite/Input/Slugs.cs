using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace KennisSite.Input;

/// <summary>The one rule for names that become folders in the output: a-z, 0-9 and '-'.</summary>
public static partial class Slugs
{
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex ValidSlug();

    public static bool IsValid(string slug) => ValidSlug().IsMatch(slug);

    /// <summary>The slug an editor most likely meant: accents dropped, lower case, other characters become '-'.</summary>
    public static string Suggest(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in Accents.ToBaseLetters(text))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            var lower = char.ToLowerInvariant(c);
            builder.Append(lower is >= 'a' and <= 'z' or >= '0' and <= '9' ? lower : '-');
        }
        var slug = Regex.Replace(builder.ToString(), "-+", "-").Trim('-');
        return slug.Length == 0 ? "naam" : slug;
    }
}
