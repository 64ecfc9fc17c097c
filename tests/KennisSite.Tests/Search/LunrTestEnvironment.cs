using System.Diagnostics;
using System.Text;
using System.Text.Json;
using KennisSite.Search;

namespace KennisSite.Tests.Search;

/// <summary>Locates the repository, the shared lunr test data and the reference lunr installation, and runs node.</summary>
internal static class LunrTestEnvironment
{
    public static string RepoRoot => Infrastructure.RepoPaths.Root;

    public static string SharedLunrDir => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "testdata", "lunr"));

    public static string NodeModules => Path.Combine(RepoRoot, "node_modules");

    public static string TestScriptsDir => Path.Combine(RepoRoot, "tests", "KennisSite.Tests", "Search");

    public static string SharedFile(string name)
    {
        string path = Path.Combine(SharedLunrDir, name);
        Assert.True(File.Exists(path), $"Shared test data file missing: {path}");
        return path;
    }

    /// <summary>Runs node and returns its stdout. Fails (never skips) when node or the lunr packages are missing.</summary>
    public static string RunNode(params string[] arguments)
    {
        foreach (string package in new[] { "lunr", "lunr-languages" })
        {
            Assert.True(Directory.Exists(Path.Combine(NodeModules, package)),
                $"{package} is not installed in {NodeModules}. Run 'npm ci' in {RepoRoot} before running the tests.");
        }

        var startInfo = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            UseShellExecute = false,
        };
        foreach (string argument in arguments) startInfo.ArgumentList.Add(argument);

        Process process;
        try
        {
            process = Process.Start(startInfo) ?? throw new InvalidOperationException("Process.Start returned null.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail($"Could not start 'node' ({e.Message}). Node.js 20 must be on PATH for the lunr parity tests.");
            throw;
        }
        using (process)
        {
            // Read both streams concurrently: indexes are megabytes and would otherwise fill the pipe.
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"node {string.Join(' ', arguments)} exited with {process.ExitCode}: {stderr.Result}");
            return stdout.Result;
        }
    }

    /// <summary>A document of the shared corpora: refs, field values (string, array or null) and optional boost.</summary>
    public sealed record CorpusDocument(string Id, Dictionary<string, LunrValue?> Values, double? Boost);

    public static List<CorpusDocument> LoadCorpus(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        var documents = new List<CorpusDocument>();
        foreach (var element in json.RootElement.EnumerateArray())
        {
            var values = new Dictionary<string, LunrValue?>();
            double? boost = null;
            string? id = null;
            foreach (var property in element.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "id": id = property.Value.GetString(); break;
                    case "boost": boost = property.Value.GetDouble(); break;
                    default: values[property.Name] = ToValue(property.Value); break;
                }
            }
            documents.Add(new CorpusDocument(id ?? throw new InvalidDataException("Document without id."), values, boost));
        }
        return documents;
    }

    public static string BuildIndex(IEnumerable<CorpusDocument> documents, IEnumerable<LunrField> fields, bool storePositions, bool useDocumentBoost)
    {
        var builder = new LunrIndexBuilder(fields, storePositions);
        foreach (var document in documents)
        {
            builder.Add(document.Id, document.Values, useDocumentBoost ? document.Boost ?? 1 : 1);
        }
        // Written on several processors, in blocks of documents joined in order, as the site build writes it.
        return builder.ToJson(parallelism: 4);
    }

    /// <summary>Reports the first differing offset with context, since the indexes are too large to diff in an assertion message.</summary>
    public static void AssertSameJson(string expected, string actual)
    {
        if (expected == actual) return;
        int i = 0;
        while (i < expected.Length && i < actual.Length && expected[i] == actual[i]) i++;
        int from = Math.Max(0, i - 120);
        Assert.Fail($"JSON differs at offset {i} (expected length {expected.Length}, actual {actual.Length}).\n" +
                    $"expected: ...{Slice(expected, from, i + 120)}\n" +
                    $"actual:   ...{Slice(actual, from, i + 120)}");
    }

    private static string Slice(string s, int from, int to) => from >= s.Length ? "" : s[from..Math.Min(to, s.Length)];

    private static LunrValue? ToValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => LunrValue.FromText(value.GetString()!),
        JsonValueKind.Array => LunrValue.FromTokens(value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? null : e.GetString())),
        _ => throw new InvalidDataException($"Unsupported field value kind {value.ValueKind}."),
    };
}
