using System.Buffers;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace KennisSite.Yaml;

/// <summary>
/// Reads the YAML that editors write into the same events as YamlDotNet's parser: block mappings and lists; on one
/// line a plain, "double-quoted" or 'single-quoted' text or an [a, b] list; and | or > texts on the lines below.
/// YamlDotNet's scanner needs some 90 µs for a card of 3 KB, which made it the largest cost of loading 2,000 cards
/// (docs/snelheid.md). Anything else (texts over several lines without | or >, anchors, tags, { } groups, tabs, rare
/// escapes, anything malformed) it leaves to YamlDotNet, which reads it and words every syntax error: this parser never
/// reports one.
/// </summary>
internal sealed class BlockYamlParser : IParser
{
    private readonly List<ParsingEvent> _events;
    private int _next;

    private BlockYamlParser(List<ParsingEvent> events) => _events = events;

    public ParsingEvent? Current { get; private set; }

    public bool MoveNext()
    {
        Current = _next < _events.Count ? _events[_next++] : null;
        return Current is not null;
    }

    /// <summary>The text's events, or null when the text is not in the simple form this parser reads.</summary>
    public static BlockYamlParser? TryParse(string text)
    {
        var reader = new Reader(text);
        return reader.Read() ? new BlockYamlParser(reader.Events) : null;
    }

    /// <summary>A line with something on it (not blank, not only a comment): where it starts and ends (before any '\r') in the text, and its indentation.</summary>
    private readonly record struct Line(int Start, int End, int Indent);

    /// <summary>Well under YamlText.TooDeep's limit, so that a text this parser reads never needs that check.</summary>
    private const int MaxIndent = 150;

    private sealed class Reader(string text)
    {
        private readonly List<Line> _lines = [];
        private readonly List<int> _lineStarts = [];
        private int _line;
        private int _markLine;

        public List<ParsingEvent> Events { get; } = [];

        public bool Read()
        {
            if (!SplitLines()) return false;
            var start = new Mark(0, 1, 1);
            Events.Add(new StreamStart(start, start));
            if (_lines.Count > 0)
            {
                if (_lines[0].Indent != 0) return false;
                var first = MarkAt(_lines[0].Start);
                Events.Add(new DocumentStart(null, null, isImplicit: true, first, first));
                if (!Mapping(0) || _line < _lines.Count) return false;
                var end = EndOfText();
                Events.Add(new DocumentEnd(isImplicit: true, end, end));
            }
            Events.Add(new StreamEnd(EndOfText(), EndOfText()));
            return true;
        }

        /// <summary>
        /// Also refuses characters YAML treats specially or does not allow (tabs, control characters, a byte-order mark,
        /// lone surrogates), and lines indented so deeply that reading them could overflow the stack (YamlText.TooDeep).
        /// </summary>
        private bool SplitLines()
        {
            if (!OnlyPlainCharacters()) return false;
            for (var start = 0; start <= text.Length;)
            {
                _lineStarts.Add(start);
                var newline = text.IndexOf('\n', start);
                var end = newline < 0 ? text.Length : newline;
                var contentEnd = end > start && text[end - 1] == '\r' ? end - 1 : end;
                var indent = SkipSpaces(start, contentEnd) - start;
                if (indent > MaxIndent) return false;
                if (start + indent < contentEnd && text[start + indent] != '#')
                {
                    if (IsDocumentMarker(start, contentEnd)) return false;
                    _lines.Add(new Line(start, contentEnd, indent));
                }
                if (newline < 0) break;
                start = newline + 1;
            }
            return true;
        }

        // A SearchValues rather than IndexOfAnyExceptInRange(' ', '~'): in the precompiled CLI that generic method boxed
        // its bounds on every call, one call per line, 95 MB on a site of 20,000 cards.
        private static readonly SearchValues<char> PrintableAscii = SearchValues.Create([.. Enumerable.Range(' ', '~' - ' ' + 1).Select(c => (char)c)]);

        private bool OnlyPlainCharacters()
        {
            var rest = text.AsSpan();
            for (int next; (next = rest.IndexOfAnyExcept(PrintableAscii)) >= 0; rest = rest[(next + 1)..])
            {
                var c = rest[next];
                if (c == '\n' || c == '\r' && next + 1 < rest.Length && rest[next + 1] == '\n') continue;
                if (c < '\u00a0' || c is '\ufeff' or '\ufffe' or '\uffff') return false;
                if (!char.IsSurrogate(c)) continue;
                if (!char.IsHighSurrogate(c) || next + 1 == rest.Length || !char.IsLowSurrogate(rest[next + 1])) return false;
                next++;
            }
            return true;
        }

        private bool IsDocumentMarker(int start, int end) =>
            end - start >= 3 && (string.CompareOrdinal(text, start, "---", 0, 3) == 0 || string.CompareOrdinal(text, start, "...", 0, 3) == 0);

        /// <summary>A block mapping whose keys start at <paramref name="column"/> (0-based) of the current line and of the lines below it.</summary>
        private bool Mapping(int column)
        {
            var start = MarkAt(_lines[_line].Start + column);
            Events.Add(new MappingStart(AnchorName.Empty, TagName.Empty, isImplicit: true, MappingStyle.Block, start, start));
            var keys = new List<string>();
            while (true)
            {
                var line = _lines[_line];
                var keyStart = line.Start + column;
                var keyEnd = KeyEnd(keyStart, line.End);
                if (keyEnd < 0) return false;
                var key = text[keyStart..keyEnd];
                if (keys.Contains(key)) return false; // YamlDotNet's error says which key
                keys.Add(key);
                Events.Add(PlainScalar(key, keyStart, keyEnd));
                if (!MappingValue(column, keyEnd + 1)) return false;
                if (_line == _lines.Count || _lines[_line].Indent < column) break;
                if (_lines[_line].Indent > column) return false;
            }
            var end = _line < _lines.Count ? MarkAt(_lines[_line].Start + _lines[_line].Indent) : EndOfText();
            Events.Add(new MappingEnd(end, end));
            return true;
        }

        /// <summary>The value after a key's colon: on the same line, or a list or mapping on the lines below.</summary>
        private bool MappingValue(int keyColumn, int afterColon)
        {
            var line = _lines[_line];
            var valueStart = SkipSpaces(afterColon, line.End);
            if (valueStart < line.End && text[valueStart] != '#') return InlineValue(valueStart, keyColumn);
            _line++;
            if (_line < _lines.Count)
            {
                var next = _lines[_line];
                if (next.Indent >= keyColumn && IsDash(next)) return Sequence(next.Indent);
                if (next.Indent > keyColumn) return Mapping(next.Indent);
            }
            Events.Add(PlainScalar("", afterColon, afterColon));
            return true;
        }

        /// <summary>A block list whose dashes stand at <paramref name="column"/>.</summary>
        private bool Sequence(int column)
        {
            var start = MarkAt(_lines[_line].Start + column);
            Events.Add(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, SequenceStyle.Block, start, start));
            while (_line < _lines.Count && _lines[_line].Indent == column && IsDash(_lines[_line]))
            {
                var line = _lines[_line];
                var itemStart = SkipSpaces(line.Start + column + 1, line.End);
                if (itemStart == line.End || text[itemStart] is '#' or '-') return false; // an empty item or a list in a list
                if (KeyEnd(itemStart, line.End) >= 0)
                {
                    if (!Mapping(itemStart - line.Start)) return false;
                }
                else if (!InlineValue(itemStart, column)) return false;
            }
            if (_line < _lines.Count && _lines[_line].Indent > column) return false;
            var end = _line < _lines.Count ? MarkAt(_lines[_line].Start + _lines[_line].Indent) : EndOfText();
            Events.Add(new SequenceEnd(end, end));
            return true;
        }

        /// <summary>
        /// The value after a key or a dash: a text or [a, b] list that ends on its line, or a | or > text on the lines
        /// below. The line after it may not continue it.
        /// </summary>
        private bool InlineValue(int start, int parentColumn)
        {
            if (text[start] is '|' or '>') return BlockText(start, parentColumn);
            var line = _lines[_line];
            var end = -1;
            if (text[start] == '[')
            {
                end = FlowSequence(start, line.End);
            }
            else
            {
                var scalar = start < line.End ? LineScalar(start, line.End, out end) : null;
                if (scalar is null) return false;
                Events.Add(scalar);
            }
            if (end < 0 || !OnlyCommentAfter(end, line.End)) return false;
            _line++;
            return _line == _lines.Count || _lines[_line].Indent <= parentColumn;
        }

        /// <summary>
        /// A | (literal) or > (folded) text on the lines below its indicator, which may say '-' (no final line break).
        /// A folded text with lines indented deeper than its first, or blank lines with spaces beyond its indentation, is
        /// left to YamlDotNet: YAML keeps those apart in ways editors hardly use.
        /// </summary>
        private bool BlockText(int start, int parentColumn)
        {
            var folded = text[start] == '>';
            var strip = start + 1 < _lines[_line].End && text[start + 1] == '-';
            if (!OnlyCommentAfter(start + (strip ? 2 : 1), _lines[_line].End)) return false;
            var value = new StringBuilder();
            var rawLine = _lineStarts.BinarySearch(_lines[_line].Start) + 1;
            int indent = -1, blankLines = 0, end = text.Length;
            var lastLineBroken = false; // a text at the very end of the file may have no line break to keep
            for (; rawLine < _lineStarts.Count; rawLine++)
            {
                var lineStart = _lineStarts[rawLine];
                var lineEnd = rawLine + 1 < _lineStarts.Count ? _lineStarts[rawLine + 1] - 1 : text.Length;
                if (lineEnd > lineStart && text[lineEnd - 1] == '\r') lineEnd--;
                var spaces = SkipSpaces(lineStart, lineEnd) - lineStart;
                if (lineStart + spaces == lineEnd)
                {
                    if (indent < 0 || spaces > indent) return false; // blank lines before the text, or with spaces that YAML keeps
                    blankLines++;
                    continue;
                }
                if (indent < 0)
                {
                    if (spaces <= parentColumn) return false; // an empty text
                    indent = spaces;
                    value.Append(text, lineStart + indent, lineEnd - lineStart - indent);
                    lastLineBroken = rawLine + 1 < _lineStarts.Count;
                    continue;
                }
                if (spaces < indent)
                {
                    end = lineStart;
                    break;
                }
                if (folded && spaces > indent) return false;
                if (folded && blankLines == 0) value.Append(' ');
                else value.Append('\n', folded ? blankLines : blankLines + 1);
                value.Append(text, lineStart + indent, lineEnd - lineStart - indent);
                lastLineBroken = rawLine + 1 < _lineStarts.Count;
                blankLines = 0;
            }
            if (indent < 0) return false;
            if (!strip && lastLineBroken) value.Append('\n');
            Events.Add(QuotedScalar(value.ToString(), folded ? ScalarStyle.Folded : ScalarStyle.Literal, start, end));
            while (_line < _lines.Count && _lines[_line].Start < end) _line++;
            return _line == _lines.Count || _lines[_line].Indent <= parentColumn;
        }

        /// <summary>A plain or quoted text that ends on its line.</summary>
        private Scalar? LineScalar(int start, int lineEnd, out int end)
        {
            end = -1;
            switch (text[start])
            {
                case '"': return DoubleQuoted(start, lineEnd, out end);
                case '\'': return SingleQuoted(start, lineEnd, out end);
            }
            if (StartsSpecially(start, lineEnd)) return null;
            var last = start;
            for (var i = start; i < lineEnd; i++)
            {
                var c = text[i];
                if (c == '#' && text[i - 1] == ' ') break;
                if (c == ':' && (i + 1 == lineEnd || text[i + 1] == ' ')) return null; // a mapping where a text was expected
                if (c != ' ') last = i + 1;
            }
            end = last;
            return PlainScalar(text[start..last], start, last);
        }

        /// <returns>The index after the closing bracket, or -1.</returns>
        private int FlowSequence(int start, int lineEnd)
        {
            var startMark = MarkAt(start);
            Events.Add(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, SequenceStyle.Flow, startMark, startMark));
            int Close(int bracket)
            {
                Events.Add(new SequenceEnd(MarkAt(bracket), MarkAt(bracket)));
                return bracket + 1;
            }
            var i = SkipSpaces(start + 1, lineEnd);
            if (i < lineEnd && text[i] == ']') return Close(i);
            while (i < lineEnd)
            {
                int itemEnd;
                Scalar? item;
                if (text[i] is '"') item = DoubleQuoted(i, lineEnd, out itemEnd);
                else if (text[i] is '\'') item = SingleQuoted(i, lineEnd, out itemEnd);
                else
                {
                    if (StartsSpecially(i, lineEnd)) return -1;
                    var last = i;
                    for (itemEnd = i; itemEnd < lineEnd && text[itemEnd] is not (',' or ']'); itemEnd++)
                    {
                        if (text[itemEnd] is '[' or '{' or '}' or '#' or ':') return -1;
                        if (text[itemEnd] != ' ') last = itemEnd + 1;
                    }
                    item = PlainScalar(text[i..last], i, last);
                }
                if (item is null) return -1;
                Events.Add(item);
                i = SkipSpaces(itemEnd, lineEnd);
                if (i == lineEnd) return -1; // the list goes on below: left to YamlDotNet
                if (text[i] == ']') return Close(i);
                if (text[i] != ',') return -1;
                i = SkipSpaces(i + 1, lineEnd);
                if (i < lineEnd && text[i] is ',' or ']') return -1; // an empty item
            }
            return -1;
        }

        private Scalar? DoubleQuoted(int start, int lineEnd, out int end)
        {
            end = -1;
            var close = text.AsSpan(start + 1, lineEnd - start - 1).IndexOfAny('"', '\\');
            if (close >= 0 && text[start + 1 + close] == '"') // no escapes: the text as it stands
            {
                end = start + close + 2;
                return QuotedScalar(text[(start + 1)..(end - 1)], ScalarStyle.DoubleQuoted, start, end);
            }
            var value = new StringBuilder();
            for (var i = start + 1; i < lineEnd; i++)
            {
                var c = text[i];
                if (c == '"')
                {
                    end = i + 1;
                    return QuotedScalar(value.ToString(), ScalarStyle.DoubleQuoted, start, end);
                }
                if (c != '\\')
                {
                    value.Append(c);
                    continue;
                }
                if (++i == lineEnd) return null;
                switch (text[i])
                {
                    case '"' or '\\' or '/': value.Append(text[i]); break;
                    case 'n': value.Append('\n'); break;
                    case 't': value.Append('\t'); break;
                    default: return null; // rarer escapes are YamlDotNet's
                }
            }
            return null; // the text goes on below the line
        }

        private Scalar? SingleQuoted(int start, int lineEnd, out int end)
        {
            end = -1;
            var value = new StringBuilder();
            for (var i = start + 1; i < lineEnd; i++)
            {
                if (text[i] != '\'')
                {
                    value.Append(text[i]);
                    continue;
                }
                if (i + 1 < lineEnd && text[i + 1] == '\'')
                {
                    value.Append('\'');
                    i++;
                    continue;
                }
                end = i + 1;
                return QuotedScalar(value.ToString(), ScalarStyle.SingleQuoted, start, end);
            }
            return null;
        }

        /// <summary>A plain text may not start with a character that YAML gives a meaning there.</summary>
        /// <remarks>A '-' before anything but a space or a list's punctuation starts a text, such as a negative score.</remarks>
        private bool StartsSpecially(int start, int lineEnd) =>
            start == lineEnd
            || text[start] is '?' or ':' or ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`' or ' '
            || text[start] == '-' && (start + 1 == lineEnd || text[start + 1] is ' ' or ',' or '[' or ']' or '{' or '}');

        /// <returns>The index of the colon after a key of letters, digits, '_' and '-' followed by a space or the end of the line; -1 otherwise.</returns>
        private int KeyEnd(int start, int lineEnd)
        {
            var i = start;
            while (i < lineEnd && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' || text[i] == '-' && i > start)) i++;
            return i > start && i < lineEnd && text[i] == ':' && (i + 1 == lineEnd || text[i + 1] == ' ') ? i : -1;
        }

        private bool IsDash(Line line)
        {
            var dash = line.Start + line.Indent;
            return text[dash] == '-' && (dash + 1 == line.End || text[dash + 1] == ' ');
        }

        private bool OnlyCommentAfter(int end, int lineEnd)
        {
            var next = SkipSpaces(end, lineEnd);
            return next == lineEnd || text[next] == '#' && next > end;
        }

        private int SkipSpaces(int i, int end)
        {
            while (i < end && text[i] == ' ') i++;
            return i;
        }

        private Scalar PlainScalar(string value, int start, int end) =>
            new(AnchorName.Empty, TagName.Empty, value, ScalarStyle.Plain, true, false, MarkAt(start), MarkAt(end));

        /// <summary>A quoted, | or > text: YamlDotNet marks it as not plain, so it is never read as a number or null.</summary>
        private Scalar QuotedScalar(string value, ScalarStyle style, int start, int end) =>
            new(AnchorName.Empty, TagName.Empty, value, style, false, true, MarkAt(start), MarkAt(end));

        private Mark EndOfText() => MarkAt(text.Length);

        /// <summary>YamlDotNet's position of a character: its index, and its 1-based line and column.</summary>
        private Mark MarkAt(int index)
        {
            // Nearly every position asked for is on the line of the one before.
            if (index < _lineStarts[_markLine] || _markLine + 1 < _lineStarts.Count && index >= _lineStarts[_markLine + 1])
            {
                var found = _lineStarts.BinarySearch(index);
                _markLine = found >= 0 ? found : ~found - 1;
            }
            return new Mark(index, _markLine + 1, index - _lineStarts[_markLine] + 1);
        }
    }
}
