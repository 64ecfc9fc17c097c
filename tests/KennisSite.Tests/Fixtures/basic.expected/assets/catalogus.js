/*
 * Filters for the catalogue of practice examples (praktijkvoorbeelden/index.html).
 *
 * Without JavaScript the filter form stays hidden and the full list shows. With it:
 * - each function is its own filter (a <select> with a minimum level);
 * - thema / plaats / doelgroep / jaar are checkbox groups: OR within a group, AND across filters;
 * - every option shows how many cards would match if it were chosen together with all OTHER active filters;
 * - the state is kept in location.hash (#toeleiding=2&thema=armoede,wonen) so a filtered view can be bookmarked.
 *
 * Plain classic script (ES5), no modules, no network: works from file://.
 */
(function () {
  'use strict';

  var form = document.getElementById('catalogus-filters');
  var list = document.getElementById('catalogus-lijst');
  if (!form || !list) return;

  var countEl = document.getElementById('aantal-resultaten');
  var noneEl = document.getElementById('geen-resultaten');
  var activeBlock = document.getElementById('actieve-filters-blok');
  var activeList = document.getElementById('actieve-filters');
  var clearButton = document.getElementById('filters-wissen');
  var filtersHeading = document.getElementById('filters-titel');

  // Which data attribute of a card holds the values of a checkbox group, and whether it is a JSON array.
  var SOURCES = {
    thema: { attr: 'data-themas', json: true },
    plaats: { attr: 'data-plaats', json: false },
    doelgroep: { attr: 'data-doelgroepen', json: true },
    jaar: { attr: 'data-jaar', json: false }
  };

  function toArray(nodeList) {
    return Array.prototype.slice.call(nodeList);
  }

  function parseJson(text, fallback) {
    try {
      var value = JSON.parse(text);
      return value === null || value === undefined ? fallback : value;
    } catch (e) {
      return fallback;
    }
  }

  function readValues(li, key) {
    var source = SOURCES[key] || { attr: 'data-' + key, json: false };
    var raw = li.getAttribute(source.attr);
    if (raw === null || raw === '') return [];
    if (source.json || raw.charAt(0) === '[') {
      var parsed = parseJson(raw, []);
      return Array.isArray(parsed) ? parsed.map(String) : [String(parsed)];
    }
    return [raw];
  }

  function plural(n) {
    return n + ' ' + (n === 1 ? 'praktijkvoorbeeld' : 'praktijkvoorbeelden');
  }

  // ---- The filters, read from the form the server rendered ----

  var filters = [];

  toArray(form.querySelectorAll('select[data-soort="niveau"]')).forEach(function (select) {
    filters.push({
      key: select.getAttribute('data-filter'),
      kind: 'niveau',
      label: select.getAttribute('data-label') || select.name,
      select: select,
      options: toArray(select.options).filter(function (o) { return o.value !== ''; })
    });
  });

  toArray(form.querySelectorAll('fieldset[data-soort="waarden"]')).forEach(function (fieldset) {
    var boxes = toArray(fieldset.querySelectorAll('input[type="checkbox"]'));
    filters.push({
      key: fieldset.getAttribute('data-filter'),
      kind: 'waarden',
      label: fieldset.getAttribute('data-label') || '',
      boxes: boxes
    });
  });

  var cards = toArray(list.children).map(function (li) {
    var card = { el: li, scores: parseJson(li.getAttribute('data-scores') || '{}', {}), values: {} };
    filters.forEach(function (f) {
      if (f.kind === 'waarden') card.values[f.key] = readValues(li, f.key);
    });
    return card;
  });

  function levelOf(filter) {
    var value = parseInt(filter.select.value, 10);
    return isNaN(value) ? null : value;
  }

  function checkedValues(filter) {
    return filter.boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
  }

  function isActive(filter) {
    return filter.kind === 'niveau' ? levelOf(filter) !== null : checkedValues(filter).length > 0;
  }

  function score(card, key) {
    var value = card.scores[key];
    return typeof value === 'number' ? value : 0;
  }

  function hasAny(card, key, wanted) {
    var own = card.values[key] || [];
    for (var i = 0; i < own.length; i++) {
      if (wanted.indexOf(own[i]) >= 0) return true;
    }
    return false;
  }

  function matches(card, filter) {
    if (filter.kind === 'niveau') {
      var level = levelOf(filter);
      return level === null || score(card, filter.key) >= level;
    }
    var wanted = checkedValues(filter);
    return wanted.length === 0 || hasAny(card, filter.key, wanted);
  }

  function matchesAllExcept(card, skipped) {
    for (var i = 0; i < filters.length; i++) {
      if (filters[i] !== skipped && !matches(card, filters[i])) return false;
    }
    return true;
  }

  // ---- Rendering the state ----

  function optionText(option) {
    return option.getAttribute('data-label') || option.textContent;
  }

  function activeEntries() {
    var entries = [];
    filters.forEach(function (filter) {
      if (filter.kind === 'niveau') {
        if (levelOf(filter) === null) return;
        var option = filter.select.options[filter.select.selectedIndex];
        entries.push({
          text: filter.label + ': ' + optionText(option),
          remove: function () { filter.select.value = ''; }
        });
      } else {
        filter.boxes.forEach(function (box) {
          if (!box.checked) return;
          entries.push({
            text: filter.label + ': ' + (box.getAttribute('data-label') || box.value),
            remove: function () { box.checked = false; }
          });
        });
      }
    });
    return entries;
  }

  function renderActive() {
    var entries = activeEntries();
    while (activeList.firstChild) activeList.removeChild(activeList.firstChild);
    entries.forEach(function (entry, index) {
      var li = document.createElement('li');
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'filter-verwijderen';
      button.setAttribute('aria-label', 'Filter verwijderen: ' + entry.text);
      button.appendChild(document.createTextNode(entry.text + ' '));
      var cross = document.createElement('span');
      cross.setAttribute('aria-hidden', 'true');
      cross.textContent = '✕';
      button.appendChild(cross);
      button.addEventListener('click', function () {
        entry.remove();
        update(true);
        var buttons = activeList.querySelectorAll('button');
        if (buttons.length > 0) buttons[Math.min(index, buttons.length - 1)].focus();
        else filtersHeading.focus();
      });
      li.appendChild(button);
      activeList.appendChild(li);
    });
    activeBlock.hidden = entries.length === 0;
  }

  function renderCounts() {
    filters.forEach(function (filter) {
      var base = cards.filter(function (card) { return matchesAllExcept(card, filter); });
      if (filter.kind === 'niveau') {
        filter.options.forEach(function (option) {
          var level = parseInt(option.value, 10);
          var n = base.filter(function (card) { return score(card, filter.key) >= level; }).length;
          var text = optionText(option) + ' (' + n + ')';
          if (option.textContent !== text) option.textContent = text;
        });
      } else {
        filter.boxes.forEach(function (box) {
          var n = base.filter(function (card) { return hasAny(card, filter.key, [box.value]); }).length;
          var span = box.parentNode ? box.parentNode.querySelector('.aantal') : null;
          if (span) span.textContent = '(' + n + ')';
          if (box.parentNode && box.parentNode.classList) box.parentNode.classList.toggle('leeg', n === 0 && !box.checked);
        });
      }
    });
  }

  function update(writeHash) {
    var shown = 0;
    cards.forEach(function (card) {
      var visible = matchesAllExcept(card, null);
      card.el.hidden = !visible;
      if (visible) shown++;
    });
    var text = plural(shown);
    if (countEl.textContent !== text) countEl.textContent = text;
    noneEl.hidden = shown > 0;
    renderCounts();
    renderActive();
    if (writeHash) saveHash();
  }

  // ---- The state in location.hash ----

  var lastHash = null;

  function stateToHash() {
    var parts = [];
    filters.forEach(function (filter) {
      if (!isActive(filter)) return;
      var values = filter.kind === 'niveau' ? [filter.select.value] : checkedValues(filter);
      parts.push(encodeURIComponent(filter.key) + '=' + values.map(encodeURIComponent).join(','));
    });
    return parts.join('&');
  }

  function isStateHash(hash) {
    return hash === '' || hash.indexOf('=') >= 0;
  }

  function saveHash() {
    var hash = stateToHash();
    var current = location.hash.replace(/^#/, '');
    if (hash === current || (hash === '' && !isStateHash(current))) {
      lastHash = current;
      return;
    }
    lastHash = hash;
    var base = location.href.split('#')[0];
    try {
      history.replaceState(history.state, '', hash ? base + '#' + hash : base);
    } catch (e) {
      try {
        location.replace('#' + hash);
      } catch (ignored) { /* the view still works, it just cannot be bookmarked */ }
    }
  }

  function safeDecode(text) {
    try {
      return decodeURIComponent(text);
    } catch (e) {
      return text;
    }
  }

  function applyHash(hash) {
    var wanted = {};
    hash.split('&').forEach(function (part) {
      var at = part.indexOf('=');
      if (at <= 0) return;
      wanted[safeDecode(part.slice(0, at))] = part.slice(at + 1).split(',').map(safeDecode);
    });
    filters.forEach(function (filter) {
      var values = Object.prototype.hasOwnProperty.call(wanted, filter.key) ? wanted[filter.key] : [];
      if (filter.kind === 'niveau') {
        var known = filter.options.some(function (o) { return o.value === values[0]; });
        filter.select.value = known ? values[0] : '';
      } else {
        filter.boxes.forEach(function (box) { box.checked = values.indexOf(box.value) >= 0; });
      }
    });
  }

  function onHashChange() {
    var hash = location.hash.replace(/^#/, '');
    if (hash === lastHash || !isStateHash(hash)) return;
    lastHash = hash;
    applyHash(hash);
    update(false);
  }

  // ---- Wiring ----

  form.addEventListener('submit', function (event) { event.preventDefault(); });
  form.addEventListener('change', function () { update(true); });
  clearButton.addEventListener('click', function () {
    filters.forEach(function (filter) {
      if (filter.kind === 'niveau') filter.select.value = '';
      else filter.boxes.forEach(function (box) { box.checked = false; });
    });
    update(true);
    filtersHeading.focus();
  });
  window.addEventListener('hashchange', onHashChange);

  var initial = location.hash.replace(/^#/, '');
  if (initial !== '' && isStateHash(initial)) {
    applyHash(initial);
    lastHash = initial;
  } else {
    applyHash('');
  }
  form.hidden = false;
  document.documentElement.className += ' js-filters';
  update(false);
}());
