/*
 * Search page (zoeken/index.html).
 *
 * Loaded after lunr.min.js, lunr.stemmer.support.min.js, lunr.nl.min.js, zoekindex.js
 * (window.KENNIS_ZOEKINDEX, a serialized lunr 2.3.9 index built in C# with the Dutch pipeline)
 * and documenten.js (window.KENNIS_DOCUMENTEN, window.KENNIS_THEMAS).
 *
 * - window.KennisZoeken.query(index, text) builds the query: per word an exact match on the
 *   Dutch stem (boost 10) and, from 3 letters on, a prefix match (boost 1) so results appear
 *   while typing. It never throws.
 * - The page: results as you type (150 ms debounce), ?q=&soort=&thema= kept in the address,
 *   snippets with the matching words in <mark>, filters by type and theme with counts
 *   (OR within a group, AND across groups), 50 results at a time.
 *
 * Plain classic script (ES5), no modules, no network: works from file://. Document text is only
 * ever put in the page with textContent / text nodes, never as HTML.
 * Nothing touches the DOM outside init(), so the query code also runs in node (tests).
 */
(function (root) {
  'use strict';

  var LABELS = {
    hoofdstuk: 'Cahierhoofdstuk',
    cahier: 'Cahier',
    praktijkvoorbeeld: 'Praktijkvoorbeeld',
    thema: 'Thema',
    functie: 'Functie',
    pagina: 'Pagina'
  };
  var SOORT_ORDER = ['hoofdstuk', 'cahier', 'praktijkvoorbeeld', 'thema', 'functie', 'pagina'];

  var PAGE_SIZE = 50;        // results rendered at once; "Toon meer resultaten" adds as many again
  var SNIPPET_WORDS = 35;    // words in a snippet
  var SNIPPET_BEFORE = 8;    // words shown before the first match
  var DEBOUNCE_MS = 150;
  var MIN_PREFIX = 3;        // shorter prefixes match too much to be useful
  var MIN_FALLBACK = 5;      // letters left of a half-typed word before its stem is tried as a prefix

  // lunr.tokenizer splits on this (JavaScript \s plus the hyphen); the snippets use the same words.
  var SEPARATOR = /[\s\-]+/;
  var SEPARATOR_AT_END = /[\s\-]$/;
  // The Dutch stemmer's prelude folds these accents (één -> een, coördinatie -> coordinatie), so
  // no indexed term contains them: fold them in prefixes too.
  var FOLD = { 'á': 'a', 'ä': 'a', 'é': 'e', 'ë': 'e', 'í': 'i', 'ï': 'i', 'ó': 'o', 'ö': 'o', 'ú': 'u', 'ü': 'u' };

  function lunrLib() {
    return root.lunr;
  }

  function normalise(text) {
    var s = String(text === null || text === undefined ? '' : text);
    if (typeof s.normalize === 'function') {
      try { s = s.normalize('NFC'); } catch (e) { /* keep the text as it is */ }
    }
    return s;
  }

  /** The words of a query: NFC, lowercase, split on whitespace and hyphens, no empty tokens. */
  function tokens(text) {
    return normalise(text).toLowerCase().split(SEPARATOR).filter(function (t) { return t !== ''; });
  }

  // ---- The Dutch pipeline of lunr.nl, for single words ----

  function pipelineFunction(name, label) {
    var l = lunrLib();
    if (!l) return null;
    if (l.nl && typeof l.nl[name] === 'function') return l.nl[name];
    var registered = l.Pipeline && l.Pipeline.registeredFunctions;
    return registered && typeof registered[label] === 'function' ? registered[label] : null;
  }

  function runOn(fn, word) {
    var l = lunrLib();
    if (!fn || !l) return word;
    var token = fn(new l.Token(word, {}));
    return token === undefined || token === null ? undefined : String(token);
  }

  /** trimmer-nl: strips non-word characters at both ends ("buren," -> "buren"). */
  function trim(word) {
    var result = runOn(pipelineFunction('trimmer', 'trimmer-nl'), word);
    return result === undefined ? '' : result;
  }

  /** True for the Dutch stop words (and for the empty string), which are not in the index. */
  function isStopWord(trimmedWord) {
    var fn = pipelineFunction('stopWordFilter', 'stopWordFilter-nl');
    if (!fn) return trimmedWord === '';
    return runOn(fn, trimmedWord) === undefined;
  }

  var analysisCache = Object.create(null);
  var analysisCount = 0;

  /**
   * For a lowercased word of a document: its index term (trimmer + stemmer, as lunr.nl indexes it)
   * and where the trimmed part starts, so only "buren" of "buren," is marked.
   */
  function analyse(lower) {
    var cached = analysisCache[lower];
    if (cached !== undefined) return cached;
    var trimmed = trim(lower);
    var term = '';
    if (trimmed !== '') {
      var stemmed = runOn(pipelineFunction('stemmer', 'stemmer-nl'), trimmed);
      term = stemmed === undefined ? '' : stemmed;
    }
    var start = trimmed === '' ? 0 : Math.max(0, lower.indexOf(trimmed));
    var result = { term: term, start: start, length: trimmed === '' ? lower.length : trimmed.length };
    if (analysisCount > 50000) {
      analysisCache = Object.create(null);
      analysisCount = 0;
    }
    analysisCache[lower] = result;
    analysisCount++;
    return result;
  }

  /** The index term of one word, as the index pipeline makes it (for tests and highlighting). */
  function stem(word) {
    return analyse(normalise(word).toLowerCase()).term;
  }

  // ---- Query ----

  function prefixOf(token) {
    var folded = token.replace(/[áäéëíïóöúü]/g, function (c) { return FOLD[c]; });
    return folded.replace(/[^a-z0-9\u00C0-\u024F']/g, '');
  }

  /**
   * The clauses for a text: per word { exact, prefix }. A stop word that is followed by a space is
   * left out (it matches nothing, and its prefix would match half the index); while it is still
   * being typed it may be the start of a longer word ("voor" -> "voorbeeld"), so its prefix stays.
   */
  function plan(text) {
    var source = normalise(text);
    var words = tokens(source);
    var lastIsComplete = SEPARATOR_AT_END.test(source);
    var clauses = [];
    words.forEach(function (t, i) {
      var trimmed = trim(t);
      var complete = i < words.length - 1 || lastIsComplete;
      var prefix = prefixOf(t);
      if (prefix.length < MIN_PREFIX) prefix = null;
      if (trimmed === '') return;
      if (isStopWord(trimmed)) {
        if (complete || prefix === null) return;
        clauses.push({ exact: null, prefix: prefix });
        return;
      }
      clauses.push({ exact: t, prefix: prefix });
    });
    return clauses;
  }

  function run(index, clauses) {
    var l = lunrLib();
    try {
      return index.query(function (q) {
        clauses.forEach(function (c) {
          if (c.exact !== null) q.term(c.exact, { usePipeline: true, boost: 10 });
          if (c.prefix !== null) q.term(c.prefix, { usePipeline: false, wildcard: l.Query.wildcard.TRAILING, boost: 1 });
        });
      });
    } catch (e) {
      return [];
    }
  }

  /**
   * Runs the query for a text on a lunr index and returns lunr's results (best first).
   * Returns [] for an empty text, a missing index or any error in lunr.
   *
   * When nothing matches and the last word is still being typed (no space after it), the stem of
   * that word minus its last 1 to 4 letters (keeping at least 5) is tried as a prefix, the first
   * that finds something wins. Indexed terms are stems, and a stem is not always a prefix of the longer word:
   * "eenzaamheid" is indexed as "eenzam", so "eenzaa" or "eenzaamhe" would otherwise find nothing
   * halfway through typing. options.fallback === false switches this off.
   */
  function query(index, text, options) {
    var l = lunrLib();
    if (!index || !l) return [];
    var clauses = plan(text);
    if (clauses.length === 0) return [];
    var results = run(index, clauses);
    if (results.length > 0 || (options && options.fallback === false)) return results;

    var source = normalise(text);
    if (SEPARATOR_AT_END.test(source)) return results;
    var words = tokens(source);
    var last = trim(words[words.length - 1] || '');
    for (var cut = 1; cut <= 4 && last.length - cut >= MIN_FALLBACK; cut++) {
      var prefix = prefixOf(stem(last.slice(0, last.length - cut)));
      if (prefix.length < MIN_PREFIX) break;
      results = run(index, [{ exact: null, prefix: prefix }]);
      if (results.length > 0) return results;
    }
    return results;
  }

  // ---- Data ----

  var loadedIndex = null;
  var loadFailed = false;

  /** window.KENNIS_ZOEKINDEX as a lunr index, loaded once; null if the scripts are missing or broken. */
  function loadIndex() {
    if (loadedIndex || loadFailed) return loadedIndex;
    try {
      loadedIndex = lunrLib().Index.load(root.KENNIS_ZOEKINDEX);
    } catch (e) {
      loadFailed = true;
      loadedIndex = null;
    }
    return loadedIndex;
  }

  function documents() {
    return Array.isArray(root.KENNIS_DOCUMENTEN) ? root.KENNIS_DOCUMENTEN : [];
  }

  function themes() {
    var t = root.KENNIS_THEMAS;
    return t && typeof t === 'object' ? t : {};
  }

  function documentFor(ref) {
    var i = parseInt(ref, 10);
    var docs = documents();
    return String(i) === String(ref) && i >= 0 && i < docs.length ? docs[i] : null;
  }

  /** Search with the page's own index: [{ ref, score, doc, terms }]. */
  function search(text) {
    var index = loadIndex();
    var out = [];
    query(index, text).forEach(function (r) {
      var doc = documentFor(r.ref);
      if (!doc) return;
      var terms = Object.create(null);
      Object.keys((r.matchData && r.matchData.metadata) || {}).forEach(function (term) { terms[term] = true; });
      out.push({ ref: r.ref, score: r.score, doc: doc, terms: terms });
    });
    return out;
  }

  // ---- Snippets ----

  function isMatch(lower, terms) {
    var a = analyse(lower);
    return a.term !== '' && terms[a.term] === true;
  }

  /**
   * Splits text into parts [{ text, mark }]: the matching words (by their index term) are marked.
   * With maxWords, only a window of that many words around the first match (or the start) is kept,
   * with "…" where the text was cut.
   */
  function highlight(text, terms, maxWords) {
    text = normalise(text);
    terms = terms || {};
    var re = /[^\s\-]+/g;
    var words = [];
    var first = -1;
    var m;
    var limit = maxWords ? maxWords : Infinity;
    var stopAt = Infinity;
    var more = false;
    while ((m = re.exec(text)) !== null) {
      if (words.length >= stopAt) {
        more = true;
        break;
      }
      var word = { start: m.index, end: m.index + m[0].length, mark: null };
      words.push(word);
      if (first < 0) {
        var lower = m[0].toLowerCase();
        if (isMatch(lower, terms)) {
          first = words.length - 1;
          if (maxWords) stopAt = Math.max(first - SNIPPET_BEFORE, 0) + limit;
        } else if (maxWords && words.length > limit + 20000) {
          break; // no match in a very long text: the start will do
        }
      }
    }
    if (first < 0 && maxWords && words.length > limit) more = true;

    var from = 0;
    var to = words.length;
    if (maxWords) {
      from = first < 0 ? 0 : Math.max(0, first - SNIPPET_BEFORE);
      to = Math.min(words.length, from + limit);
      // near the end: show a full window anyway
      from = Math.max(0, Math.min(from, to - limit));
      if (to < words.length) more = true;
    }

    var parts = [];
    if (to <= from) return { parts: [{ text: text, mark: false }], before: false, after: false };

    function push(s, mark) {
      if (s === '') return;
      var last = parts[parts.length - 1];
      if (last && last.mark === mark) last.text += s;
      else parts.push({ text: s, mark: mark });
    }

    for (var i = from; i < to; i++) {
      var w = words[i];
      if (i > from) push(text.slice(words[i - 1].end, w.start), false);
      var raw = text.slice(w.start, w.end);
      var lowerWord = raw.toLowerCase();
      if (isMatch(lowerWord, terms)) {
        var a = analyse(lowerWord);
        if (lowerWord.length === raw.length) {
          push(raw.slice(0, a.start), false);
          push(raw.slice(a.start, a.start + a.length), true);
          push(raw.slice(a.start + a.length), false);
        } else {
          push(raw, true);
        }
      } else {
        push(raw, false);
      }
    }
    return { parts: parts, before: from > 0, after: more };
  }

  /** A snippet of about 35 words of a document's text around the first matching word. */
  function snippet(text, terms) {
    return highlight(text, terms, SNIPPET_WORDS);
  }

  // ---- Filters (pure, also used by the page) ----

  function matchesFilters(doc, soorten, themas, skip) {
    if (skip !== 'soort' && soorten.length > 0 && soorten.indexOf(doc.s) < 0) return false;
    if (skip !== 'thema' && themas.length > 0) {
      var own = Array.isArray(doc.th) ? doc.th : [];
      for (var i = 0; i < own.length; i++) {
        if (themas.indexOf(own[i]) >= 0) return true;
      }
      return false;
    }
    return true;
  }

  var api = {
    query: query,
    tokens: tokens,
    plan: plan,
    stem: stem,
    search: search,
    snippet: snippet,
    highlight: highlight,
    loadIndex: loadIndex,
    documents: documents,
    themes: themes,
    matchesFilters: matchesFilters,
    labels: LABELS
  };
  root.KennisZoeken = api;

  // ======================= The page =======================

  if (typeof document === 'undefined') return;

  function init() {
    var page = document.getElementById('zoekpagina');
    var form = document.getElementById('zoekformulier');
    if (!page || !form) return;
    var siteRoot = page.getAttribute('data-root') || '';

    var field = form.querySelector('input[name="q"]');
    var filterForm = document.getElementById('zoekfilters');
    var soortList = document.getElementById('zoekfilter-soort');
    var themaList = document.getElementById('zoekfilter-thema');
    var soortGroup = document.getElementById('zoekfilter-soort-groep');
    var themaGroup = document.getElementById('zoekfilter-thema-groep');
    var filtersHeading = document.getElementById('zoekfilters-titel');
    var clearFilters = document.getElementById('zoekfilters-wissen');
    var clearFiltersEmpty = document.getElementById('zoek-gefilterd-wissen');
    var countEl = document.getElementById('zoek-aantal');
    var hintEl = document.getElementById('zoek-hint');
    var noneEl = document.getElementById('zoek-geen');
    var noneTerm = document.getElementById('zoek-geen-term');
    var filteredEmptyEl = document.getElementById('zoek-gefilterd-leeg');
    var list = document.getElementById('zoekresultaten');
    var moreBlock = document.getElementById('zoek-meer-blok');
    var moreButton = document.getElementById('zoek-meer');
    var shownEl = document.getElementById('zoek-getoond');
    var resultsSection = document.getElementById('zoekresultaten-blok');
    var layout = document.getElementById('zoek-opbouw');
    var toggleButton = document.getElementById('zoekfilters-knop');
    var filtersOpen = false;
    var baseTitle = document.title;

    var state = {
      text: null,     // the text the results are for
      results: [],
      soorten: [],
      themas: [],
      shown: PAGE_SIZE
    };
    var timer = null;

    function quoted(text) {
      return '‘' + text + '’';
    }

    function plural(n) {
      return n === 1 ? '1 resultaat' : n + ' resultaten';
    }

    function setText(el, text) {
      if (el.textContent !== text) el.textContent = text;
    }

    function clear(el) {
      while (el.firstChild) el.removeChild(el.firstChild);
    }

    function href(u) {
      var url = String(u || '');
      if (/^[a-z][a-z0-9+.\-]*:/i.test(url)) return /^https?:/i.test(url) ? url : '#';
      return siteRoot + url;
    }

    function appendParts(el, parts) {
      parts.forEach(function (p) {
        if (p.mark) {
          var mark = document.createElement('mark');
          mark.textContent = p.text;
          el.appendChild(mark);
        } else {
          el.appendChild(document.createTextNode(p.text));
        }
      });
    }

    // ---- Reading and writing the address ----

    function readParams() {
      var out = { q: '', soort: [], thema: [] };
      var search = location.search || '';
      if (typeof URLSearchParams === 'function') {
        var params = new URLSearchParams(search);
        out.q = params.get('q') || '';
        out.soort = params.getAll('soort');
        out.thema = params.getAll('thema');
        return out;
      }
      search.replace(/^\?/, '').split('&').forEach(function (part) {
        var at = part.indexOf('=');
        if (at <= 0) return;
        var key = part.slice(0, at);
        var value;
        try { value = decodeURIComponent(part.slice(at + 1).replace(/\+/g, ' ')); } catch (e) { return; }
        if (key === 'q') out.q = value;
        else if (key === 'soort' || key === 'thema') out[key].push(value);
      });
      return out;
    }

    function writeParams() {
      if (typeof URLSearchParams !== 'function') return;
      var params = new URLSearchParams();
      if (state.text && state.text.trim() !== '') params.set('q', state.text);
      state.soorten.forEach(function (s) { params.append('soort', s); });
      state.themas.forEach(function (t) { params.append('thema', t); });
      var search = params.toString();
      var current = (location.search || '').replace(/^\?/, '');
      if (search === current) return;
      var base = location.href.split('#')[0].split('?')[0];
      try {
        history.replaceState(history.state, '', base + (search ? '?' + search : '') + location.hash);
      } catch (e) { /* some browsers refuse this on file://: the search still works, it just cannot be bookmarked */ }
    }

    // ---- Filters ----

    function checkedIn(listEl) {
      return Array.prototype.slice.call(listEl.querySelectorAll('input[type="checkbox"]'))
        .filter(function (b) { return b.checked; })
        .map(function (b) { return b.value; });
    }

    function readFilters() {
      state.soorten = checkedIn(soortList);
      state.themas = checkedIn(themaList);
    }

    function themeTitle(slug) {
      var t = themes();
      return Object.prototype.hasOwnProperty.call(t, slug) ? String(t[slug]) : slug;
    }

    function optionValues(kind) {
      var seen = Object.create(null);
      state.results.forEach(function (r) {
        if (kind === 'soort') seen[r.doc.s] = true;
        else (Array.isArray(r.doc.th) ? r.doc.th : []).forEach(function (t) { seen[t] = true; });
      });
      (kind === 'soort' ? state.soorten : state.themas).forEach(function (v) { seen[v] = true; });
      var values = Object.keys(seen);
      if (kind === 'soort') {
        return values.sort(function (a, b) {
          var ia = SOORT_ORDER.indexOf(a);
          var ib = SOORT_ORDER.indexOf(b);
          return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || (a < b ? -1 : a > b ? 1 : 0);
        });
      }
      return values.sort(function (a, b) { return themeTitle(a).localeCompare(themeTitle(b), 'nl'); });
    }

    // Rebuilds a group's checkboxes only when its set of values changed, so focus and state survive.
    function syncOptions(listEl, kind, values, checked) {
      var existing = Array.prototype.slice.call(listEl.children).map(function (li) { return li.getAttribute('data-waarde'); });
      if (existing.join('\n') === values.join('\n')) return;
      clear(listEl);
      values.forEach(function (value) {
        var id = 'zoekfilter-' + kind + '-' + value.replace(/[^A-Za-z0-9_-]/g, '_');
        var li = document.createElement('li');
        li.setAttribute('data-waarde', value);
        var box = document.createElement('input');
        box.type = 'checkbox';
        box.id = id;
        box.name = kind;
        box.value = value;
        box.checked = checked.indexOf(value) >= 0;
        var label = document.createElement('label');
        label.htmlFor = id;
        label.appendChild(document.createTextNode((kind === 'soort' ? LABELS[value] || value : themeTitle(value)) + ' '));
        var count = document.createElement('span');
        count.className = 'aantal';
        label.appendChild(count);
        li.appendChild(box);
        li.appendChild(label);
        listEl.appendChild(li);
      });
    }

    function renderCounts(listEl, kind) {
      var base = state.results.filter(function (r) { return matchesFilters(r.doc, state.soorten, state.themas, kind); });
      Array.prototype.slice.call(listEl.children).forEach(function (li) {
        var value = li.getAttribute('data-waarde');
        var n = 0;
        base.forEach(function (r) {
          if (kind === 'soort' ? r.doc.s === value : Array.isArray(r.doc.th) && r.doc.th.indexOf(value) >= 0) n++;
        });
        var box = li.querySelector('input');
        setText(li.querySelector('.aantal'), '(' + n + ')');
        li.classList.toggle('leeg', n === 0 && !(box && box.checked));
      });
    }

    function renderFilters() {
      var soortValues = optionValues('soort');
      var themaValues = optionValues('thema');
      syncOptions(soortList, 'soort', soortValues, state.soorten);
      syncOptions(themaList, 'thema', themaValues, state.themas);
      renderCounts(soortList, 'soort');
      renderCounts(themaList, 'thema');
      soortGroup.hidden = soortValues.length === 0;
      themaGroup.hidden = themaValues.length === 0;
      var active = state.soorten.length + state.themas.length > 0;
      clearFilters.hidden = !active;
      filterForm.hidden = !(state.results.length > 0 || active);
      if (layout) layout.classList.toggle('met-filters', !filterForm.hidden);
      renderToggle();
    }

    // The disclosure button for narrow screens (hidden by the stylesheet on wide ones).
    function renderToggle() {
      if (!toggleButton) return;
      var n = state.soorten.length + state.themas.length;
      toggleButton.hidden = filterForm.hidden;
      setText(toggleButton, 'Verfijnen' + (n > 0 ? ' (' + n + ' actief)' : ''));
      toggleButton.setAttribute('aria-expanded', filtersOpen ? 'true' : 'false');
      filterForm.classList.toggle('open', filtersOpen);
    }

    // ---- Results ----

    function renderResult(r) {
      var doc = r.doc;
      var li = document.createElement('li');
      li.className = 'zoekresultaat zoekresultaat-' + String(doc.s || '').replace(/[^a-z]/g, '');

      var soort = document.createElement('p');
      soort.className = 'zoek-soort';
      soort.textContent = LABELS[doc.s] || String(doc.s || '');
      li.appendChild(soort);

      var heading = document.createElement('h3');
      heading.className = 'zoek-titel';
      var link = document.createElement('a');
      link.href = href(doc.u);
      appendParts(link, highlight(doc.t, r.terms, 0).parts);
      heading.appendChild(link);
      li.appendChild(heading);

      if (doc.c) {
        var context = document.createElement('p');
        context.className = 'zoek-context';
        context.textContent = String(doc.c);
        li.appendChild(context);
      }

      if (doc.x) {
        var s = snippet(doc.x, r.terms);
        var fragment = document.createElement('p');
        fragment.className = 'zoek-fragment';
        if (s.before) fragment.appendChild(document.createTextNode('… '));
        appendParts(fragment, s.parts);
        if (s.after) fragment.appendChild(document.createTextNode(' …'));
        li.appendChild(fragment);
      }
      return li;
    }

    function filtered() {
      return state.results.filter(function (r) { return matchesFilters(r.doc, state.soorten, state.themas, null); });
    }

    function renderList(visible, from) {
      if (from === 0) clear(list);
      var fragment = document.createDocumentFragment();
      var to = Math.min(visible.length, state.shown);
      for (var i = from; i < to; i++) fragment.appendChild(renderResult(visible[i]));
      list.appendChild(fragment);
      moreBlock.hidden = visible.length <= to;
      setText(shownEl, to + ' van ' + visible.length + ' getoond.');
      var rest = Math.min(PAGE_SIZE, visible.length - to);
      setText(moreButton, 'Toon ' + rest + ' meer ' + (rest === 1 ? 'resultaat' : 'resultaten'));
      return to;
    }

    function render() {
      var text = state.text ? state.text.trim() : '';
      var empty = text === '';
      document.title = empty ? baseTitle : text + ' – ' + baseTitle;
      hintEl.hidden = !empty;

      if (empty) {
        state.results = [];
        setText(countEl, '');
        noneEl.hidden = true;
        filteredEmptyEl.hidden = true;
        renderFilters();
        clear(list);
        moreBlock.hidden = true;
        return;
      }

      if (!loadIndex()) {
        setText(countEl, 'Zoeken is nu niet mogelijk: de zoekindex kon niet geladen worden.');
        noneEl.hidden = true;
        filteredEmptyEl.hidden = true;
        filterForm.hidden = true;
        if (layout) layout.classList.remove('met-filters');
        renderToggle();
        clear(list);
        moreBlock.hidden = true;
        return;
      }

      var visible = filtered();
      var total = state.results.length;
      var filtering = state.soorten.length + state.themas.length > 0;
      var announcement;
      if (total === 0) announcement = 'Geen resultaten voor ' + quoted(text);
      else if (filtering) announcement = visible.length + ' van ' + plural(total) + ' voor ' + quoted(text) + ' (gefilterd)';
      else announcement = plural(total) + ' voor ' + quoted(text);
      setText(countEl, announcement);

      noneEl.hidden = total > 0;
      setText(noneTerm, quoted(text));
      filteredEmptyEl.hidden = !(total > 0 && visible.length === 0);
      renderFilters();
      renderList(visible, 0);
    }

    function runSearch() {
      var text = field.value;
      if (text === state.text) return;
      state.text = text;
      state.results = text.trim() === '' ? [] : search(text);
      state.shown = PAGE_SIZE;
      render();
      writeParams();
    }

    // ---- Wiring ----

    field.addEventListener('input', function () {
      if (timer) clearTimeout(timer);
      timer = setTimeout(function () {
        timer = null;
        runSearch();
      }, DEBOUNCE_MS);
    });

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (timer) {
        clearTimeout(timer);
        timer = null;
      }
      runSearch();
    });

    if (toggleButton) {
      toggleButton.addEventListener('click', function () {
        filtersOpen = !filtersOpen;
        renderToggle();
      });
    }

    filterForm.addEventListener('submit', function (event) { event.preventDefault(); });
    filterForm.addEventListener('change', function () {
      readFilters();
      state.shown = PAGE_SIZE;
      render();
      writeParams();
    });

    function clearAllFilters() {
      Array.prototype.slice.call(filterForm.querySelectorAll('input[type="checkbox"]')).forEach(function (b) { b.checked = false; });
      readFilters();
      state.shown = PAGE_SIZE;
      render();
      writeParams();
    }

    clearFilters.addEventListener('click', function () {
      clearAllFilters();
      filtersHeading.focus();
    });
    clearFiltersEmpty.addEventListener('click', function () {
      clearAllFilters();
      resultsSection.focus();
    });

    moreButton.addEventListener('click', function () {
      var visible = filtered();
      var from = Math.min(state.shown, visible.length);
      state.shown += PAGE_SIZE;
      renderList(visible, from);
      // Keyboard users continue at the first new result.
      var firstNew = list.children[from];
      var link = firstNew ? firstNew.querySelector('a') : null;
      if (link) link.focus();
    });

    // The example searches work as plain links too; with script they search without reloading.
    Array.prototype.slice.call(hintEl.querySelectorAll('a[data-zoekterm]')).forEach(function (a) {
      a.addEventListener('click', function (event) {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button > 0) return;
        event.preventDefault();
        field.value = a.getAttribute('data-zoekterm') || '';
        runSearch();
        field.focus();
      });
    });

    // ---- Start ----

    var initial = readParams();
    // A reader may have started typing while the index was still loading: keep what they typed.
    if (initial.q || !field.value) field.value = initial.q || field.value;
    state.soorten = initial.soort.filter(function (s) { return Object.prototype.hasOwnProperty.call(LABELS, s); });
    state.themas = initial.thema.filter(function (t) { return /^[a-z0-9-]+$/.test(t); });
    document.documentElement.className += ' js-zoeken';
    runSearch();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
}(typeof window !== 'undefined' ? window : this));
