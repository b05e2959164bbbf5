// The versions page: a switcher, each section of a version beside the one before it with the
// words added and removed, and for an organiser on a draft the review of the matching. Every text
// comes from the page's data-msg-* attributes; user text is only ever set as textContent.
(function () {
  'use strict';

  var main = document.getElementById('versions');
  if (!main) { return; }
  var discussion = main.dataset.discussionId;
  var organiser = main.dataset.organiser === 'true';
  var api = '/api/discussions/' + discussion;

  function msg(name, args) {
    var key = 'msg' + name.toLowerCase().split('-').map(function (w) { return w.charAt(0).toUpperCase() + w.slice(1); }).join('');
    var text = main.dataset[key] || name;
    (args || []).forEach(function (a, i) { text = text.replace('{' + i + '}', a); });
    return text;
  }

  // Class names come as one list: el('div', ['version-paragraph', 'kind-new']).
  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) { [].concat(className).forEach(function (c) { e.classList.add(c); }); }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }

  function get(url) { return Parley.send('GET', url, undefined, msg('failed')); }

  function say(text) { document.getElementById('versions-message').textContent = text; }

  // Words added and removed: the longest common subsequence of the two texts' words.
  function wordDiff(before, after) {
    var a = before ? before.split(/\s+/).filter(Boolean) : [];
    var b = after ? after.split(/\s+/).filter(Boolean) : [];
    var n = a.length, m = b.length, i, j;
    var table = [];
    for (i = 0; i <= n; i++) { table.push(new Uint16Array(m + 1)); }
    for (i = n - 1; i >= 0; i--) {
      for (j = m - 1; j >= 0; j--) {
        table[i][j] = a[i] === b[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
      }
    }
    var out = document.createDocumentFragment();
    function add(tag, word) {
      var last = out.lastChild;
      if (last && last.nodeName.toLowerCase() === tag) { last.textContent += ' ' + word; }
      else {
        if (out.childNodes.length) { out.appendChild(document.createTextNode(' ')); }
        out.appendChild(el(tag, null, word));
      }
    }
    i = 0; j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[i] === b[j]) { add('span', a[i]); i++; j++; }
      else if (j < m && (i === n || table[i][j + 1] >= table[i + 1][j])) { add('ins', b[j]); j++; }
      else { add('del', a[i]); i++; }
    }
    return out;
  }

  function switcher(revisions, shown) {
    var list = document.querySelector('#version-switcher ul');
    list.textContent = '';
    revisions.forEach(function (r) {
      var item = el('li');
      var label = msg('version', [r.revision]) + ' (' + msg('state-' + r.state) + ')';
      if (r.revision === shown) {
        var current = el('strong', null, label);
        current.setAttribute('aria-current', 'page');
        item.appendChild(current);
      } else {
        var link = el('a', null, label);
        link.href = '/discussions/' + discussion + '/versions?revision=' + r.revision;
        item.appendChild(link);
      }
      list.appendChild(item);
    });
  }

  function compare(revision, draft) {
    var n = revision.revision;
    return Promise.all([get(api + '/sections?revision=' + n), get(api + '/sections?revision=' + (n - 1)),
      get(api + '/revisions/' + n + '/matches'), get(api + '/revisions/' + n + '/matches?unit=SECTION')])
      .then(function (all) { render(n, all[0], all[1], all[2], all[3], draft); });
  }

  function render(n, after, before, matches, sectionMatches, draft) {
    var box = document.getElementById('comparison');
    box.textContent = '';
    box.appendChild(el('h2', null, msg('compare', [n - 1, n])));
    var oldParagraphs = {};
    var oldSections = {};
    before.forEach(function (s) {
      oldSections[s.id] = s;
      s.paragraphs.forEach(function (p) { oldParagraphs[p.id] = { text: p.text, section: s }; });
    });
    var byTo = {};
    var removed = [];
    matches.forEach(function (m) {
      if (m.to) { (byTo[m.to] = byTo[m.to] || []).push(m); } else { removed.push(m); }
    });
    var sectionFrom = {};
    sectionMatches.forEach(function (m) { if (m.to && m.from && !sectionFrom[m.to]) { sectionFrom[m.to] = m.from; } });
    var unpairedOld = removed.map(function (m) { return m.from; });
    after.forEach(function (s) {
      var section = el('section', 'version-section');
      section.id = 'version-section-' + s.number;
      var old = oldSections[sectionFrom[s.id] || s.id];
      var heading = el('h3');
      var newHeading = [s.label, s.heading].filter(Boolean).join(' ');
      if (old) { heading.appendChild(wordDiff([old.label, old.heading].filter(Boolean).join(' '), newHeading)); }
      else { heading.textContent = newHeading; heading.appendChild(el('span', 'badge', msg('section-new'))); }
      section.appendChild(heading);
      var changed = false;
      s.paragraphs.forEach(function (p) {
        var links = byTo[p.id] || [];
        var first = links[0];
        var kind = first ? first.kind : 'UNCHANGED';
        var block = el('div', ['version-paragraph', 'kind-' + kind.toLowerCase()]);
        block.dataset.paragraphId = p.id;
        var mark = el('span', ['badge', 'match-kind'], msg('kind-' + kind));
        block.appendChild(mark);
        if (first && kind !== 'UNCHANGED') {
          block.appendChild(el('span', 'hint', ' ' + msg('confidence', [Math.round(first.confidence * 100)])));
        }
        if (kind !== 'UNCHANGED') { changed = true; }
        var text = el('p', 'diff');
        var source = links.filter(function (l) { return l.from; }).map(function (l) {
          return oldParagraphs[l.from] ? oldParagraphs[l.from].text : '';
        }).join(' ');
        text.appendChild(first && first.from ? wordDiff(source, p.text) : wordDiff('', p.text));
        block.appendChild(text);
        if (draft && organiser) { reviewControls(block, n, p, links, unpairedOld, oldParagraphs); }
        section.appendChild(block);
      });
      if (!changed && old) { section.appendChild(el('p', 'hint', msg('no-change'))); }
      box.appendChild(section);
    });
    if (removed.length) {
      var gone = el('section', ['version-section', 'removed']);
      gone.appendChild(el('h3', null, msg('removed-title')));
      removed.forEach(function (m) {
        var block = el('div', ['version-paragraph', 'kind-removed']);
        block.appendChild(el('span', ['badge', 'match-kind'], msg('kind-REMOVED')));
        var text = el('p', 'diff');
        text.appendChild(wordDiff(oldParagraphs[m.from] ? oldParagraphs[m.from].text : '', ''));
        block.appendChild(text);
        gone.appendChild(block);
      });
      box.appendChild(gone);
    }
  }

  function reviewControls(block, n, paragraph, links, unpairedOld, oldParagraphs) {
    var controls = el('div', 'review-controls');
    var paired = links.filter(function (l) { return l.from; });
    var url = api + '/revisions/' + n + '/paragraphs/' + paragraph.id;
    if (paired.length) {
      var unpair = el('button', 'link', msg('unpair'));
      unpair.type = 'button';
      unpair.addEventListener('click', function () { act('PUT', url + '/pair', { from: null }); });
      controls.appendChild(unpair);
    }
    var select = el('select');
    select.setAttribute('aria-label', msg('pair-with'));
    select.appendChild(new Option(msg('pair-with'), ''));
    paired.concat(unpairedOld.map(function (id) { return { from: id }; })).forEach(function (l) {
      var old = oldParagraphs[l.from];
      if (old) { select.appendChild(new Option(old.text.slice(0, 90), l.from)); }
    });
    select.addEventListener('change', function () {
      if (select.value) { act('PUT', url + '/pair', { from: select.value }); }
    });
    controls.appendChild(select);
    if (paired.length && paired[0].kind !== 'UNCHANGED') {
      ['minor', 'meaning'].forEach(function (choice) {
        var label = el('label', 'inline');
        var radio = el('input');
        radio.type = 'radio';
        radio.name = 'meaning-' + paragraph.id;
        radio.value = choice;
        radio.checked = (choice === 'meaning') === paired[0].meaningChanged;
        radio.addEventListener('change', function () {
          act('PUT', url + '/meaning', { meaningChanged: choice === 'meaning' });
        });
        label.appendChild(radio);
        label.appendChild(document.createTextNode(' ' + msg(choice)));
        controls.appendChild(label);
      });
    }
    block.appendChild(controls);
  }

  function act(method, url, body) {
    return Parley.send(method, url, body, msg('failed')).then(load).catch(function (e) { say(e.message); });
  }

  function removedText() {
    return get(api + '/removed-text-comments').then(function (comments) {
      var box = document.getElementById('removed-text');
      var list = box.querySelector('ul');
      list.textContent = '';
      comments.forEach(function (c) {
        var item = el('li');
        if (c.removedText) { item.appendChild(el('blockquote', null, c.removedText)); }
        item.appendChild(el('p', null, c.text));
        item.appendChild(el('p', 'hint', c.author + ' · ' + msg('version', [c.revision])));
        list.appendChild(item);
      });
      box.hidden = comments.length === 0;
    });
  }

  function load() {
    return get(api + '/revisions').then(function (revisions) {
      var wanted = parseInt(main.dataset.revision, 10);
      var shown = revisions.filter(function (r) { return r.revision === wanted; })[0] || revisions[revisions.length - 1];
      switcher(revisions, shown ? shown.revision : 0);
      var draft = shown && shown.state === 'DRAFT' && shown.revision > 1;
      var actions = document.getElementById('review-actions');
      actions.hidden = !(draft && organiser);
      actions.dataset.revision = shown ? shown.revision : '';
      removedText();
      if (!shown || shown.revision === 1) {
        document.getElementById('comparison').textContent = '';
        say(msg('only-one'));
        return null;
      }
      say('');
      return compare(shown, draft);
    }).catch(function (e) { say(e.message); });
  }

  document.getElementById('publish-revision').addEventListener('click', function () {
    var n = document.getElementById('review-actions').dataset.revision;
    Parley.send('POST', api + '/revisions/' + n + '/publish', undefined, msg('failed'))
      .then(function () { say(msg('published')); return load(); })
      .then(function () { say(msg('published')); })
      .catch(function (e) { say(e.message); });
  });

  var form = document.getElementById('reimport-form');
  if (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var progress = document.getElementById('reimport-progress');
      Parley.send('POST', api + '/revisions', new FormData(form), msg('failed')).then(function (started) {
        var poll = function () {
          get('/api/imports/' + started.id).then(function (i) {
            progress.textContent = msg('import-progress', [i.percent]);
            if (i.state === 'SUCCEEDED') {
              window.location = '/discussions/' + discussion + '/versions?revision=' + i.revision;
            } else if (i.state === 'FAILED') {
              progress.textContent = i.error ? i.error.detail : msg('failed');
            } else { setTimeout(poll, 1000); }
          });
        };
        poll();
      }).catch(function (e) { progress.textContent = e.message; });
    });
  }

  load();
}());
