namespace KennisSite.Rendering;

// What templates see. URLs are hrefs from the output root; templates write {{ root }}{{ x.url }} so links stay relative.

public sealed record SiteView(
    string Title,
    string Language,
    string FrameworkName,
    IReadOnlyList<FunctionView> Functions,
    IReadOnlyList<LevelView> Levels,
    IReadOnlyList<LinkView> Pages,
    string HomeUrl,
    string CahiersUrl,
    string CatalogueUrl,
    string ThemesUrl,
    string FunctionsUrl,
    string SearchUrl,
    string FeedUrl);

/// <summary>The page being written: where it is, what it is called, and how to get back to the root.</summary>
public sealed record PageMeta(string Kind, string Title, string Description, string Path, string Root, string? Canonical, string Section);

public sealed record LinkView(string Title, string Url);

public sealed record LevelView(int Value, string Label, string Fill);

public sealed record FunctionView(string Key, string Name, string Description, string Url);

public sealed record ScoreView(string Key, string Name, string Url, int Score, string Label);

public sealed record WheelSegment(string Path, string Fill, string TextColor, string LabelX, string LabelY, string FunctionName, int Score, string Label);

/// <summary>The function profile: one equal segment per function, darker the more the project invests in it.</summary>
/// <remarks>The rim's centre and radii and the highest score come ready to write: each sum in a template is evaluated again for every card.</remarks>
public sealed record WheelView(string Id, int Size, IReadOnlyList<WheelSegment> Segments, IReadOnlyList<ScoreView> Scores, bool ShowNumbers,
    string Center, string OuterRadius, string InnerRadius, int MaxScore);

public sealed record ThemeRef(string Slug, string Title, string Url);

public sealed record CardSummary(
    string Slug, string Title, string Url, string Place, string Organisation, string What,
    int? Started, int? Ended, IReadOnlyList<ThemeRef> Themes, IReadOnlyList<string> TargetGroups,
    WheelView Wheel, string DataScores, string DataThemes, string DataGroups, string DataYear);

public sealed record CahierSummary(string Slug, string Title, string Url, string Series, string? Number, string Date, string IsoDate,
    IReadOnlyList<string> Authors, string Summary, IReadOnlyList<ThemeRef> Themes);

public sealed record RankedCard(CardSummary Card, int Score, string Label);

/// <summary>The cards that score one level on a function, in title order.</summary>
public sealed record LevelGroup(LevelView Level, IReadOnlyList<RankedCard> Cards);

public sealed record ThemeOverlapView(ThemeRef Theme, int Count, string AnchorId, IReadOnlyList<CahierSummary> Cahiers, IReadOnlyList<CardSummary> Cards);

public sealed record ThemeGroupView(string Key, string Name, IReadOnlyList<ThemeCount> Themes);

public sealed record ThemeCount(ThemeRef Theme, int Cahiers, int Cards);

public sealed record MatrixCell(int Count, string? Url, string Label);

public sealed record MatrixRow(ThemeRef Theme, IReadOnlyList<MatrixCell> Cells);

public sealed record FilterOption(string Value, string Label, int Count);

public sealed record FilterGroup(string Key, string Label, string Kind, IReadOnlyList<FilterOption> Options);

/// <summary>The offline copy of the site, offered on the home and search pages.</summary>
public sealed record ZipView(string Name, string Url, string SizeText);
