namespace KennisSite;

/// <param name="SiteRoot">The folder with site.yml, content/ and templates/.</param>
/// <param name="OutputFolder">Overrides site.yml's 'uitvoer'; relative paths are taken from the site root.</param>
/// <param name="IncludeDrafts">Also publish items marked 'concept: true'.</param>
/// <param name="Strict">Treat warnings as errors, for CI.</param>
/// <param name="WriteOutput">False for 'check' and for tests that only look at the files in memory.</param>
/// <param name="Parallelism">How many pages are rendered at once; null: one per processor. The output is the same for any value.</param>
public sealed record BuildOptions(string SiteRoot, string? OutputFolder = null, bool IncludeDrafts = false, bool Strict = false, bool WriteOutput = true,
    int? Parallelism = null)
{
    /// <summary>False evaluates every partial call again; only for the test that reusing them changes no byte.</summary>
    internal bool ReusePartials { get; init; } = true;
}
