using System.Text;
using KennisSite.Diagnostics;

namespace KennisSite.Input;

/// <summary>Reads editors' text files: strict UTF-8, BOM dropped, line endings made LF so columns and output never depend on the editor's platform.</summary>
public static class SourceText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string? Read(string fullPath, string relativePath, DiagnosticBag diagnostics)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.FileUnreadable, $"Het bestand kan niet gelezen worden: {e.Message}", new SourceLocation(relativePath));
            return null;
        }
        return Decode(bytes, relativePath, diagnostics);
    }

    public static string? Decode(byte[] bytes, string relativePath, DiagnosticBag diagnostics)
    {
        var start = bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }) ? 3 : 0;
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException e)
        {
            var (line, column) = LocateByte(bytes, start, e.Index < 0 ? 0 : e.Index);
            diagnostics.Error(DiagnosticCodes.FileUnreadable,
                "Het bestand is geen geldige UTF-8-tekst. Bewaar het opnieuw als UTF-8 (in de meeste tekstverwerkers: 'Opslaan als', codering UTF-8).",
                new SourceLocation(relativePath, line, column));
            return null;
        }
        if (text.Contains('\0'))
        {
            diagnostics.Error(DiagnosticCodes.FileUnreadable, "Het bestand bevat binaire gegevens (nul-tekens) en is geen tekstbestand.", new SourceLocation(relativePath));
            return null;
        }
        return text.TrimStart('\uFEFF').Replace("\r\n", "\n").Replace('\r', '\n');
    }

    private static (int Line, int Column) LocateByte(byte[] bytes, int start, int badIndex)
    {
        int line = 1, column = 1;
        var end = Math.Min(bytes.Length, start + badIndex);
        for (var i = start; i < end; i++)
        {
            if (bytes[i] == (byte)'\n') { line++; column = 1; }
            else if ((bytes[i] & 0xC0) != 0x80) column++;
        }
        return (line, column);
    }
}
