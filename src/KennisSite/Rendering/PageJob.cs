namespace KennisSite.Rendering;

/// <summary>One page to write: where, with which template, and what the template sees as `model`.</summary>
/// <param name="MakeModel">
/// Builds the model each time it is called, and nothing keeps it: the list of 21,000 jobs would otherwise hold every
/// page's model until the end of the build.
/// </param>
public sealed record PageJob(string OutputPath, string Template, PageMeta Meta, Func<object> MakeModel);
