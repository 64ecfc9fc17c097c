namespace KennisSite.Diagnostics;

/// <summary>
/// Codes are grouped by build stage (1xxx load, 2xxx validate, 3xxx link, 4xxx render, 5xxx index, 6xxx write)
/// so tests and editors' tools can rely on the code while the wording may improve.
/// </summary>
public static class DiagnosticCodes
{
    public const string FileUnreadable = "KS1001";
    public const string YamlSyntax = "KS1002";
    public const string FrontMatterMissing = "KS1003";
    public const string SiteConfigMissing = "KS1004";
    public const string YamlAliasNotAllowed = "KS1005";
    public const string UnexpectedFile = "KS1006";
    public const string MarkdownTooDeep = "KS1007";

    public const string RequiredFieldMissing = "KS2001";
    public const string WrongType = "KS2002";
    public const string UnknownKey = "KS2003";
    public const string UnknownTheme = "KS2004";
    public const string UnknownFunction = "KS2005";
    public const string FunctionScoreMissing = "KS2006";
    public const string ScoreOutOfRange = "KS2007";
    public const string InvalidDate = "KS2008";
    public const string InvalidSlug = "KS2009";
    public const string DuplicateSlug = "KS2010";
    public const string UnknownCahier = "KS2011";
    public const string InvalidUrl = "KS2012";
    public const string UnknownThemeGroup = "KS2013";
    public const string InvalidEmail = "KS2014";
    public const string EmptyList = "KS2015";
    public const string InvalidSiteSetting = "KS2016";
    public const string ReservedSlug = "KS2017";
    public const string DuplicateValue = "KS2018";

    public const string BrokenLink = "KS3001";
    public const string BrokenAnchor = "KS3002";
    public const string MissingImage = "KS3003";
    public const string LinkSchemeNotAllowed = "KS3004";
    public const string LinkOutsideSite = "KS3005";

    public const string TemplateSyntax = "KS4001";
    public const string TemplateRuntime = "KS4002";
    public const string TemplateMissing = "KS4003";

    public const string OutputWriteFailed = "KS6001";
    public const string OfflineZipTooLarge = "KS6002";
}
