using System.Globalization;
using KennisSite.Diagnostics;
using KennisSite.Rendering;

namespace KennisSite.Serving;

/// <summary>
/// What the browser shows while the content has errors: every error with its file, line and column, over the last good
/// version of the page, so the editor sees what to fix without switching to the terminal.
/// </summary>
internal static class ErrorOverlay
{
    public static string Html(IReadOnlyList<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        var count = errors.Count == 1 ? "1 fout" : $"{errors.Count.ToString(CultureInfo.InvariantCulture)} fouten";
        var items = string.Concat(errors.Select(d =>
            $"<li><code>{HtmlText.Encode(Where(d))}</code> <span>{HtmlText.Encode(d.Code)}</span><br>{HtmlText.Encode(d.Message)}</li>"));
        return $"""
            <div id="kennissite-fouten" role="alertdialog" aria-modal="true" aria-labelledby="kennissite-fouten-titel" tabindex="-1"
              style="position:fixed;inset:0;z-index:2147483647;overflow:auto;background:#fff;color:#1a1a1a;padding:2rem;font:1rem/1.5 system-ui,sans-serif;border-top:.5rem solid #b00020">
            <h1 id="kennissite-fouten-titel" style="margin-top:0;font-size:1.5rem">De site kon niet opnieuw gemaakt worden: {count}</h1>
            <p>Pas de bestanden aan en bewaar ze; deze pagina laadt dan vanzelf opnieuw. Onder deze melding staat de laatste goede versie.</p>
            <ol style="padding-left:1.5rem">{items}</ol>
            </div>
            <script>document.getElementById('kennissite-fouten').focus();</script>
            """;
    }

    /// <summary>A page for when there is no good version yet to show underneath; <paramref name="script"/> reloads it once fixed.</summary>
    public static string Page(IReadOnlyList<Diagnostic> diagnostics, string script) =>
        $"<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Fouten in de inhoud</title></head><body>{Html(diagnostics)}{script}</body></html>\n";

    private static string Where(Diagnostic d) => d.Location?.ToString() ?? "site.yml";
}
