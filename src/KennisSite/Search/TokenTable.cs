namespace KennisSite.Search;

/// <summary>
/// A table from token text to a value, looked up by a span of the text being analysed, for one thread. The tokens are
/// kept one after another in one array of characters, their entries in one array of structs, and the hash and the
/// comparison are plain loops: a <c>Dictionary&lt;string, T&gt;</c> looked up by a span calls its comparer through an
/// interface for both, and reads a string object for each comparison. Analysing the text of 20,000 cards and 1,000
/// cahiers asks it ten million times: 69-85 against 47-57 ns a token (docs/snelheid.md).
/// </summary>
internal sealed class TokenTable<TValue>
{
    private struct Entry
    {
        public int Hash;
        public int Start;
        public int Length;
        public TValue? Value;
    }

    private int[] _slots = new int[1 << 12]; // entry index + 1; 0 is free
    private Entry[] _entries = new Entry[1 << 11];
    private char[] _text = new char[1 << 14];
    private int _textLength;

    public int Count { get; private set; }

    /// <summary>
    /// The value of <paramref name="token"/>, to read or set; <paramref name="added"/> is true when the token is new and
    /// the value its default. The reference holds until the next call.
    /// </summary>
    public ref TValue? GetOrAdd(ReadOnlySpan<char> token, out bool added)
    {
        var hash = HashOf(token);
        var mask = _slots.Length - 1;
        var slot = hash & mask;
        for (int index; (index = _slots[slot]) != 0; slot = (slot + 1) & mask)
        {
            ref var entry = ref _entries[index - 1];
            if (entry.Hash == hash && token.SequenceEqual(_text.AsSpan(entry.Start, entry.Length)))
            {
                added = false;
                return ref entry.Value;
            }
        }

        if (Count == _entries.Length) Array.Resize(ref _entries, Count * 2);
        if (_textLength + token.Length > _text.Length) Array.Resize(ref _text, Math.Max(_text.Length * 2, _textLength + token.Length));
        token.CopyTo(_text.AsSpan(_textLength));
        _entries[Count] = new Entry { Hash = hash, Start = _textLength, Length = token.Length };
        _textLength += token.Length;
        _slots[slot] = ++Count;
        // At most half full, so a probe for a token not in the table ends at a free slot soon.
        if (Count * 2 > _slots.Length) Grow();
        added = true;
        return ref _entries[Count - 1].Value;
    }

    private void Grow()
    {
        _slots = new int[_slots.Length * 2];
        var mask = _slots.Length - 1;
        for (var index = 0; index < Count; index++)
        {
            var slot = _entries[index].Hash & mask;
            while (_slots[slot] != 0) slot = (slot + 1) & mask;
            _slots[slot] = index + 1;
        }
    }

    /// <summary>FNV-1a over the UTF-16 units, mixed at the end so that the low bits, which pick the slot, depend on all of them.</summary>
    private static int HashOf(ReadOnlySpan<char> token)
    {
        var hash = 2166136261u;
        foreach (var c in token) hash = (hash ^ c) * 16777619u;
        hash ^= hash >> 15;
        return (int)(hash & 0x7FFFFFFF);
    }
}
