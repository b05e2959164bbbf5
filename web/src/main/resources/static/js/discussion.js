// Taking part without leaving the page: votes, comments, replies, comment votes and flags call
// the JSON API; everything a person wrote is put on the page as text, never as markup.
(function () {
  'use strict';
  var root = document.getElementById('discussion');
  if (!root) { return; }
  var id = root.getAttribute('data-discussion-id');
  var canTakePart = root.getAttribute('data-can-take-part') === 'true';
  var signedIn = root.getAttribute('data-signed-in') === 'true';
  var organiser = root.getAttribute('data-organiser') === 'true';

  // Texts come from the page's message bundle, handed over in data-msg-* attributes.
  function msg(name, arg) {
    var text = root.getAttribute('data-msg-' + name) || '';
    return arg === undefined ? text : Parley.format(text, arg);
  }
  var api = '/api/discussions/' + encodeURIComponent(id);

  // In the page's language, not the browser's: a German page shows German dates wherever it is read.
  function when(instant, style) {
    return new Intl.DateTimeFormat(document.documentElement.lang || undefined, style).format(new Date(instant));
  }

  function send(method, url, body) {
    return Parley.send(method, url, body, msg('failed'));
  }

  // Text with line breaks and http(s) links; any other scheme stays plain text.
  function renderText(container, text) {
    var parts = text.split(/(https?:\/\/[^\s<>"]+)/g);
    parts.forEach(function (part, i) {
      if (i % 2 === 1) {
        var a = document.createElement('a');
        a.href = part;
        a.rel = 'nofollow noopener ugc';
        a.textContent = part;
        container.appendChild(a);
      } else {
        container.appendChild(document.createTextNode(part));
      }
    });
  }

  function refreshStanding(section) {
    return send('GET', api + '/sections').then(function (sections) {
      sections.forEach(function (s) {
        if (section && s.number !== section) { return; }
        var box = document.querySelector('.standing[data-section="' + s.number + '"]');
        if (!box) { return; }
        box.querySelector('.agree-count').textContent = msg('agree', s.votes.agree);
        box.querySelector('.disagree-count').textContent = msg('disagree', s.votes.disagree);
        box.querySelector('.percent').textContent =
          s.votes.positivePercent === null ? '' : msg('percent', s.votes.positivePercent);
        box.setAttribute('data-votes', s.votes.agree + s.votes.disagree);
        box.setAttribute('data-comments', s.comments);
        box.setAttribute('data-mine', s.myVote ? 'true' : 'false');
        box.querySelectorAll('button.vote').forEach(function (b) {
          b.setAttribute('aria-pressed', String(b.getAttribute('data-value') === s.myVote));
        });
        var toggle = box.querySelector('.comments-toggle');
        toggle.textContent = msg(canTakePart ? 'add-view' : 'view', s.comments);
      });
    });
  }

  function commentItem(c, section, box, isReply) {
    var li = document.createElement('li');
    li.className = 'comment';
    li.setAttribute('data-comment-id', c.id);
    li.id = 'comment-' + c.id; // notification emails link here
    var meta = document.createElement('p');
    meta.className = 'comment-meta';
    meta.textContent = c.author + ' · ' + when(c.createdAt, { dateStyle: 'medium', timeStyle: 'short' }) +
      (c.paragraphNumber ? ' · ' + msg('on-paragraph', c.paragraphNumber) : '') +
      (c.state && c.state !== 'PUBLISHED' ? ' · ' + msg('state-' + c.state.toLowerCase()) : '');
    li.appendChild(meta);
    if (window.ParleyRevisions) { window.ParleyRevisions.decorate(li, c); }
    if (c.quote) {
      var quote = document.createElement('blockquote');
      quote.className = 'comment-quote';
      quote.textContent = c.quote;
      li.appendChild(quote);
    }
    var body = document.createElement('p');
    body.className = 'comment-text';
    renderText(body, c.text);
    li.appendChild(body);
    if (c.group && c.group.size > 1) {
      var group = document.createElement('p');
      group.className = 'comment-group';
      group.classList.add('hint');
      group.textContent = msg('group', c.group.size);
      li.appendChild(group);
    }
    if (c.response) {
      li.appendChild(responseBlock(c.response));
    }
    var actions = document.createElement('p');
    actions.className = 'comment-actions';
    var counts = document.createElement('span');
    counts.textContent = '▲ ' + c.votes.up + ' ▼ ' + c.votes.down;
    actions.appendChild(counts);
    if (canTakePart) {
      [['UP', msg('vote-up')], ['DOWN', msg('vote-down')]].forEach(function (v) {
        actions.appendChild(smallButton(v[1], function () {
          send('PUT', '/api/comments/' + c.id + '/vote', { value: v[0] })
            .then(function () { loadComments(section, box); })
            .catch(function (e) { status(box, e.message); });
        }));
      });
      actions.appendChild(smallButton(msg('reply'), function () { replyForm(li, c, section, box); }));
      actions.appendChild(smallButton(msg('flag'), function () {
        send('POST', '/api/comments/' + c.id + '/flags')
          .then(function () { status(box, msg('flagged')); })
          .catch(function (e) { status(box, e.message); });
      }));
    }
    if (organiser) {
      var moderation = c.state === 'PUBLISHED' ? [['HIDDEN', msg('hide')]]
        : [['PUBLISHED', c.state === 'PENDING' ? msg('approve') : msg('show-again')]];
      moderation.forEach(function (m) {
        actions.appendChild(smallButton(m[1], function () {
          send('PUT', '/api/comments/' + c.id + '/state', { state: m[0] })
            .then(function () { return loadComments(section, box); })
            .then(function () { return refreshStanding(section); })
            .catch(function (e) { status(box, e.message); });
        }));
      });
      if (c.flags) {
        var flags = document.createElement('span');
        flags.className = 'flags';
        flags.textContent = ' · ' + msg('flagged-times', c.flags);
        actions.appendChild(flags);
      }
    }
    li.appendChild(actions);
    if (organiser && !isReply && c.state === 'PUBLISHED') {
      li.appendChild(answerForm(c, section, box));
    }
    if (c.replies && c.replies.length) {
      var ul = document.createElement('ul');
      ul.className = 'replies';
      c.replies.forEach(function (r) { ul.appendChild(commentItem(r, section, box, true)); });
      li.appendChild(ul);
    }
    return li;
  }

  var responseStatuses = ['ACCEPTED', 'PARTLY_ACCEPTED', 'NOT_ACCEPTED', 'OUT_OF_SCOPE', 'NOTED'];

  function smallButton(text, onClick) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'small';
    button.textContent = text;
    button.addEventListener('click', onClick);
    return button;
  }

  function statusLabel(status) {
    return msg('rs-' + status.toLowerCase());
  }

  // The organisers' answer, shown to everyone under the comment it answers.
  function responseBlock(response) {
    var block = document.createElement('div');
    block.className = 'comment-response';
    var head = document.createElement('p');
    head.className = 'response-head';
    var label = document.createElement('strong');
    label.textContent = msg('response-label') + ' ';
    head.appendChild(label);
    var badge = document.createElement('span');
    badge.className = 'badge';
    badge.classList.add('response-status');
    badge.textContent = statusLabel(response.status);
    head.appendChild(badge);
    head.appendChild(document.createTextNode(' · ' + when(response.respondedAt, { dateStyle: 'medium' })));
    block.appendChild(head);
    if (response.text) {
      var text = document.createElement('p');
      text.className = 'response-text';
      renderText(text, response.text);
      block.appendChild(text);
    }
    return block;
  }

  // Organisers answer a comment (and, for a near-duplicate, its whole group) from under it.
  function answerForm(c, section, box) {
    var form = document.createElement('form');
    form.className = 'answer-form';
    var select = document.createElement('select');
    select.id = 'answer-status-' + c.id;
    var selectLabel = document.createElement('label');
    selectLabel.setAttribute('for', select.id);
    selectLabel.textContent = msg('response-status');
    responseStatuses.forEach(function (s) {
      var option = document.createElement('option');
      option.value = s;
      option.textContent = statusLabel(s);
      option.selected = c.response ? c.response.status === s : false;
      select.appendChild(option);
    });
    var area = document.createElement('textarea');
    area.id = 'answer-text-' + c.id;
    area.rows = 2;
    area.maxLength = 10000;
    area.value = c.response ? c.response.text : '';
    var areaLabel = document.createElement('label');
    areaLabel.setAttribute('for', area.id);
    areaLabel.textContent = msg('response-text');
    form.appendChild(selectLabel);
    form.appendChild(select);
    form.appendChild(areaLabel);
    form.appendChild(area);
    var whole = null;
    if (c.group && c.group.size > 1) {
      var wholeLabel = document.createElement('label');
      wholeLabel.className = 'inline';
      whole = document.createElement('input');
      whole.type = 'checkbox';
      whole.className = 'answer-whole-group';
      wholeLabel.appendChild(whole);
      wholeLabel.appendChild(document.createTextNode(' ' + msg('response-whole-group', c.group.size)));
      form.appendChild(wholeLabel);
    }
    var button = document.createElement('button');
    button.type = 'submit';
    button.className = 'small';
    button.classList.add('answer-save');
    button.textContent = msg('response-save');
    form.appendChild(button);
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var body = { status: select.value, text: area.value };
      var call = (whole && whole.checked) ? send('PUT', '/api/comment-groups/' + c.group.id + '/response', body)
        : send('PUT', '/api/comments/' + c.id + '/response', body);
      call.then(function () { return loadComments(section, box); })
        .then(function () { status(box, msg('response-saved')); })
        .catch(function (err) { status(box, err.message); });
    });
    return form;
  }

  function replyForm(li, parent, section, box) {
    if (li.querySelector('form.reply-form')) { return; }
    var form = document.createElement('form');
    form.className = 'reply-form';
    var label = document.createElement('label');
    var fieldId = 'reply-' + parent.id;
    label.setAttribute('for', fieldId);
    label.textContent = msg('reply-to') + ' ' + parent.author;
    var area = document.createElement('textarea');
    area.id = fieldId;
    area.rows = 2;
    area.maxLength = 2000;
    area.required = true;
    var button = document.createElement('button');
    button.type = 'submit';
    button.textContent = msg('post-reply');
    form.appendChild(label);
    form.appendChild(area);
    form.appendChild(button);
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      send('POST', '/api/comments/' + parent.id + '/replies', { text: area.value })
        .then(function () { participated(); return loadComments(section, box); })
        .then(function () { return refreshStanding(section); })
        .catch(function (err) { status(box, err.message); });
    });
    li.appendChild(form);
    area.focus();
  }

  // The live script (live.js) refreshes the statistics and "Your contributions" on this.
  function participated() {
    document.dispatchEvent(new CustomEvent('parley:participated'));
  }

  function status(box, text) {
    box.querySelector('.comment-status').textContent = text;
  }

  // The page carries one comments panel; a section gets its own copy the first time it opens.
  var panelTemplate = document.getElementById('comments-panel');

  function panel(standing) {
    var box = standing.querySelector('.comments');
    if (box.querySelector('.comment-list')) { return box; }
    var section = parseInt(standing.getAttribute('data-section'), 10);
    var copy = panelTemplate.content.cloneNode(true);
    var sort = copy.querySelector('.comment-sort');
    sort.id = 'sort-' + section;
    copy.querySelector('.sort-label').setAttribute('for', sort.id);
    sort.addEventListener('change', function () { loadComments(section, box); });
    var form = copy.querySelector('.comment-form');
    if (form) {
      var text = form.querySelector('textarea[name=text]');
      text.id = 'comment-text-' + section;
      form.querySelector('.text-label').setAttribute('for', text.id);
      var paragraphs = form.querySelector('select[name=paragraphNumber]');
      paragraphs.id = 'comment-paragraph-' + section;
      form.querySelector('.paragraph-label').setAttribute('for', paragraphs.id);
      var quote = form.querySelector('textarea[name=quote]');
      quote.id = 'comment-quote-' + section;
      form.querySelector('.quote-label').setAttribute('for', quote.id);
      var count = parseInt(standing.getAttribute('data-paragraphs'), 10) || 0;
      for (var n = 1; n <= count; n++) {
        var option = document.createElement('option');
        option.value = String(n);
        option.textContent = msg('paragraph', n);
        paragraphs.appendChild(option);
      }
      commentForm(form, standing, section, box);
    }
    box.insertBefore(copy, box.querySelector('.comment-status'));
    return box;
  }

  function commentForm(form, standing, section, box) {
    var quoteButton = form.querySelector('.quote-selection');
    quoteButton.addEventListener('click', function () {
      var selection = window.getSelection();
      var text = selection ? selection.toString().replace(/\s+/g, ' ').trim() : '';
      var inSection = selection && selection.rangeCount > 0 &&
        standing.parentNode.contains(selection.getRangeAt(0).commonAncestorContainer);
      var preview = form.querySelector('.quote-preview');
      var from = inSection && text ? elementOf(selection.getRangeAt(0).commonAncestorContainer) : null;
      var cell = standing.parentNode.lastQuotedCell;
      if ((!text || !inSection) && cell && standing.parentNode.contains(cell)) {
        // A cell of a table the participant clicked: its text is the quote.
        text = cell.textContent.replace(/\s+/g, ' ').trim();
        from = cell;
        inSection = true;
      }
      var chosen = form.elements.paragraphNumber.value;
      if (!text || !inSection) {
        // By keyboard: the chosen paragraph is quoted whole, to be cut down in the field.
        var whole = chosen && standing.parentNode.querySelector('[data-paragraph="' + chosen + '"]');
        if (!whole) {
          preview.textContent = msg('select-first');
          return;
        }
        text = whole.querySelector('.paragraph, .list-item, blockquote, .table-wrap, pre').textContent.trim();
      }
      else {
        // The paragraph the passage starts in becomes the comment's paragraph.
        var start = selection.getRangeAt(0).startContainer;
        var numbered = (start.nodeType === 1 ? start : start.parentNode).closest('[data-paragraph]');
        if (numbered) { form.elements.paragraphNumber.value = numbered.getAttribute('data-paragraph'); }
      }
      var paragraph = from ? from.closest('[data-paragraph]') : null;
      if (paragraph) {
        form.elements.paragraphNumber.value = paragraph.getAttribute('data-paragraph');
      }
      form.elements.quote.value = text.slice(0, 1000);
      preview.textContent = '';
      form.elements.quote.focus();
    });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var paragraph = form.elements.paragraphNumber.value;
      send('POST', api + '/sections/' + section + '/comments', {
        text: form.elements.text.value,
        paragraphNumber: paragraph ? parseInt(paragraph, 10) : null,
        quote: form.elements.quote.value || null
      }).then(function (posted) {
        participated();
        form.reset();
        form.elements.quote.value = '';
        var quoted = standing.parentNode.lastQuotedCell;
        if (quoted) {
          quoted.classList.remove('quoted-cell');
          standing.parentNode.lastQuotedCell = null;
        }
        form.querySelector('.quote-preview').textContent = '';
        status(box, (posted.state === 'PENDING' ? msg('thanks-held') : msg('thanks')) + ' ' + msg('did-you-know'));
        return loadComments(section, box);
      }).then(function () { return refreshStanding(section); })
        .catch(function (err) { status(box, err.message); });
    });
  }

  function elementOf(node) {
    return node.nodeType === 1 ? node : node.parentElement;
  }

  // A click on a table's cell marks it as the one to quote, for those who do not select
  // text.
  document.querySelectorAll('.table-wrap').forEach(function (wrap) {
    wrap.addEventListener('click', function (e) {
      var cell = e.target.closest('td') || e.target.closest('th');
      if (cell && cell.textContent.trim()) {
        var section = wrap.closest('section.section');
        if (section.lastQuotedCell) { section.lastQuotedCell.classList.remove('quoted-cell'); }
        section.lastQuotedCell = cell;
        cell.classList.add('quoted-cell');
      }
    });
  });

  function loadComments(section, box) {
    var sort = box.querySelector('.comment-sort').value;
    return send('GET', api + '/sections/' + section + '/comments?sort=' + sort).then(function (comments) {
      var list = box.querySelector('.comment-list');
      list.textContent = '';
      if (!comments.length) {
        var empty = document.createElement('li');
        empty.className = 'hint';
        empty.textContent = msg('no-comments');
        list.appendChild(empty);
      }
      comments.forEach(function (c) { list.appendChild(commentItem(c, section, box)); });
    });
  }

  document.querySelectorAll('.standing').forEach(function (standing) {
    var section = parseInt(standing.getAttribute('data-section'), 10);
    var box = standing.querySelector('.comments');
    standing.querySelectorAll('button.vote').forEach(function (button) {
      button.addEventListener('click', function () {
        var value = button.getAttribute('data-value');
        var withdraw = button.getAttribute('aria-pressed') === 'true';
        var call = withdraw ? send('DELETE', api + '/sections/' + section + '/vote')
          : send('PUT', api + '/sections/' + section + '/vote', { value: value });
        call.then(function () { participated(); return refreshStanding(section); })
          .catch(function (e) { status(box, e.message); box.hidden = false; });
      });
    });
    var toggle = standing.querySelector('.comments-toggle');
    toggle.addEventListener('click', function () {
      var open = box.hidden;
      if (open) { panel(standing); }
      box.hidden = !open;
      toggle.setAttribute('aria-expanded', String(open));
      if (open) { loadComments(section, box); }
    });
  });

  // A notification email links to /discussions/{id}?section=N#comment-{id}: open that thread and show the comment.
  var wanted = /^#comment-[0-9a-f-]+$/.test(window.location.hash) ? window.location.hash.substring(1) : null;
  var wantedSection = parseInt(new URLSearchParams(window.location.search).get('section'), 10);
  var wantedStanding = (wanted && wantedSection)
    ? document.querySelector('.standing[data-section="' + wantedSection + '"]') : null;
  if (wantedStanding) {
    var wantedBox = panel(wantedStanding);
    wantedBox.hidden = false;
    wantedStanding.querySelector('.comments-toggle').setAttribute('aria-expanded', 'true');
    loadComments(wantedSection, wantedBox).then(function () {
      var comment = document.getElementById(wanted);
      if (comment) { comment.scrollIntoView(); }
    });
  }

  // live.js puts comments that arrive on the stream into open threads the same way.
  window.ParleyDiscussion = { commentItem: commentItem };

  var filter = document.getElementById('section-filter');
  if (filter) {
    filter.addEventListener('change', function () {
      var mode = filter.value;
      var sections = Array.prototype.slice.call(document.querySelectorAll('section.section'));
      var standing = function (s) { return s.querySelector('.standing'); };
      var score = function (s, attr) { var b = standing(s); return b ? parseInt(b.getAttribute(attr), 10) : 0; };
      var ranked = sections.slice().sort(function (a, b) {
        return mode === 'most-commented' ? score(b, 'data-comments') - score(a, 'data-comments')
          : score(b, 'data-votes') - score(a, 'data-votes');
      });
      var top = ranked.slice(0, 10).filter(function (s) {
        return score(s, mode === 'most-commented' ? 'data-comments' : 'data-votes') > 0;
      });
      sections.forEach(function (s) {
        var show = mode === 'all' || (mode === 'mine' ? (standing(s) && standing(s).getAttribute('data-mine') === 'true')
          : top.indexOf(s) >= 0);
        s.hidden = !show;
      });
    });
  }

  var signIn = document.getElementById('sign-in-form');
  if (signIn) {
    signIn.addEventListener('submit', function (e) {
      e.preventDefault();
      var out = document.getElementById('sign-in-status');
      send('POST', '/api/sign-in-links', { email: signIn.elements.email.value, discussionId: id })
        .then(function () { out.textContent = msg('check-email'); })
        .catch(function (err) { out.textContent = err.message; });
    });
  }
  if (!signedIn) { return; }
}());
