namespace KennisSite.Rendering;

/// <summary>One page to write: where, with which template, and what the template sees as `model`.</summary>
public sealed record PageJob(string OutputPath, string Template, PageMeta Meta, Lazy<object> Model);
