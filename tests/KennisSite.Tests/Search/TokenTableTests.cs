using KennisSite.Search;

namespace KennisSite.Tests.Search;

/// <summary>Each token the analysis meets must find its own term again, however many tokens came after it.</summary>
public sealed class TokenTableTests
{
    [Fact]
    public void Every_token_finds_its_own_value_after_the_table_has_grown()
    {
        var table = new TokenTable<string>();
        // Tokens that differ only in one character, in different lengths, and the empty token.
        var tokens = Enumerable.Range(0, 50_000).Select(i => i % 3 == 0 ? $"zorg{i}" : $"{i}buurt{i % 7}").Append("").ToList();
        foreach (var token in tokens)
        {
            ref var value = ref table.GetOrAdd(token, out var added);
            Assert.True(added, token);
            value = token.ToUpperInvariant();
        }

        // Looked up as part of a larger text, as the analysis does.
        foreach (var token in tokens)
        {
            var text = $" {token},".AsSpan();
            Assert.Equal(token.ToUpperInvariant(), table.GetOrAdd(text.Slice(1, token.Length), out var added));
            Assert.False(added, token);
        }
        Assert.Equal(tokens.Count, table.Count);
    }
}
