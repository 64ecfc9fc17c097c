using KennisSite.Diagnostics;
using KennisSite.Output;

namespace KennisSite;

public sealed record BuildResult(IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<OutputFile> Files, int PageCount, string? OutputFolder, TimeSpan Elapsed)
{
    /// <summary>How long each stage took, in build order.</summary>
    public IReadOnlyList<StageTiming> Timings { get; init; } = [];

    public bool Succeeded => !Diagnostics.Any(d => d.Severity == Severity.Error);
    public int ErrorCount => Diagnostics.Count(d => d.Severity == Severity.Error);
    public int WarningCount => Diagnostics.Count(d => d.Severity == Severity.Warning);

    public OutputFile? File(string path) => Files.FirstOrDefault(f => f.Path == path);

    public string Text(string path) =>
        File(path) is { } file ? System.Text.Encoding.UTF8.GetString(file.Content) : throw new FileNotFoundException($"'{path}' is not in the build output.");
}

/// <param name="Processor">Processor time of the whole process during the stage, on all cores (the garbage collector's included).</param>
public sealed record StageTiming(string Stage, TimeSpan Elapsed, TimeSpan Processor);
