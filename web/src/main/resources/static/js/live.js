// The live discussion: one EventSource per page on /api/discussions/{id}/events. New comments and
// replies, counts, statistics, hidden comments and status changes arrive as they happen and are
// put on the page as text. Nothing here moves the focus unless the element that had it goes away;
// new comments are announced in a polite live region. EventSource reconnects by itself and sends
// the last event id it saw, so a reconnect to any web instance gets what was missed.
(function () {
  'use strict';
  var root = document.getElementById('discussion');
  var live = document.getElementById('live');
  if (!root || !live || !window.EventSource) { return; }
  var id = root.getAttribute('data-discussion-id');
  var api = '/api/discussions/' + encodeURIComponent(id);
  var announcer = document.getElementById('live-announcer');
  var notice = document.getElementById('live-notice');
  var status = live.getAttribute('data-scheduled') === 'true' ? 'SCHEDULED' : live.getAttribute('data-status');

  function msg(name) {
    var text = live.getAttribute('data-msg-' + name) || root.getAttribute('data-msg-' + name) || '';
    return Parley.format.apply(null, [text].concat(Array.prototype.slice.call(arguments, 1)));
  }

  function announce(text) {
    // Emptied first, so the same words twice are announced twice.
    announcer.textContent = '';
    window.setTimeout(function () { announcer.textContent = text; }, 50);
  }

  // Where focus goes when the element holding it is removed or hidden.
  function keepFocus(leaving, fallback) {
    var active = document.activeElement;
    if (active && active !== document.body && leaving.contains(active) && fallback) {
      if (!fallback.hasAttribute('tabindex') && !/^(A|BUTTON|INPUT|SELECT|TEXTAREA)$/.test(fallback.tagName)) {
        fallback.setAttribute('tabindex', '-1');
      }
      fallback.focus();
    }
  }

  // A section as the document numbers it ("§ 1", "2.1"), as its heading shows; its running
  // number only where the document has none.
  function sectionName(number) {
    var label = document.querySelector('#section-' + number + ' .section-heading .label');
    var text = label ? label.textContent.trim().replace(/\.$/, '') : '';
    return text || number;
  }

  function standing(section) {
    return document.querySelector('.standing[data-section="' + section + '"]');
  }

  function showCounts(c) {
    var box = standing(c.sectionNumber);
    if (!box) { return; }
    box.querySelector('.agree-count').textContent = msg('agree', c.agree);
    box.querySelector('.disagree-count').textContent = msg('disagree', c.disagree);
    box.querySelector('.percent').textContent =
      c.positivePercent === null || c.positivePercent === undefined ? '' : msg('percent', c.positivePercent);
    box.setAttribute('data-votes', c.agree + c.disagree);
    box.setAttribute('data-comments', c.comments);
    var toggle = box.querySelector('.comments-toggle');
    toggle.textContent = msg(root.getAttribute('data-can-take-part') === 'true' ? 'add-view' : 'view', c.comments);
  }

  function ranked(listId, entries, key) {
    var list = document.getElementById(listId);
    if (!list) { return; }
    list.textContent = '';
    entries.forEach(function (r) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = '#section-' + r.section;
      a.textContent = msg(key, sectionName(r.section), r.count);
      li.appendChild(a);
      list.appendChild(li);
    });
  }

  function figure(id, words, value) {
    var number = document.getElementById(id);
    if (number) { number.textContent = Parley.format('{0}', value); }
    var after = document.getElementById(id + '-words');
    if (after) { after.textContent = msg(words, value); }
  }

  function showStats(s) {
    var percent = document.getElementById('positive-percent');
    if (percent) { percent.textContent = s.positivePercent === null ? '–' : msg('stats-percent', s.positivePercent); }
    // The figure and the word after it, whose plural form follows the figure ("1 Kommentar").
    figure('total-votes', 'votes-in-total', s.totalVotes);
    figure('total-comments', 'comments-in-total', s.totalComments);
    ranked('most-voted', s.mostVoted, 'section-votes');
    ranked('most-commented', s.mostCommented, 'section-comments');
    ranked('most-controversial', s.mostControversial, 'section-votes');
    var mine = document.getElementById('my-contributions');
    if (mine && s.myContributions) {
      mine.textContent = msg('mine', s.myContributions.votedSections.length, s.myContributions.comments);
    }
  }

  // The caller's own figures are not in the stream, which is the same for everyone.
  function refreshOwnStats() {
    Parley.send('GET', api + '/stats').then(showStats).catch(function () { /* the next event brings them */ });
  }

  function votesText(c) {
    return '▲ ' + c.votes.up + ' ▼ ' + c.votes.down;
  }

  function showComment(c) {
    var existing = document.getElementById('comment-' + c.id);
    if (existing) {
      // Only the counts change in place, so a focused button keeps the focus.
      var counts = existing.querySelector('.comment-actions span');
      if (counts) { counts.textContent = votesText(c); }
      return;
    }
    var box = standing(c.sectionNumber);
    var panel = box && box.querySelector('.comments');
    var list = panel && panel.querySelector('.comment-list');
    if (!list || !window.ParleyDiscussion) { return; }
    var item = window.ParleyDiscussion.commentItem(c, c.sectionNumber, panel);
    if (c.parentId) {
      var parent = document.getElementById('comment-' + c.parentId);
      if (!parent) { return; }
      var replies = parent.querySelector(':scope > ul.replies');
      if (!replies) {
        replies = document.createElement('ul');
        replies.className = 'replies';
        var form = parent.querySelector(':scope > form.reply-form');
        parent.insertBefore(replies, form);
      }
      replies.appendChild(item);
    } else {
      var empty = list.querySelector(':scope > li.hint');
      if (empty) { list.removeChild(empty); }
      var sort = panel.querySelector('.comment-sort');
      if (sort && sort.value === 'NEWEST') {
        list.insertBefore(item, list.firstChild);
      } else {
        list.appendChild(item);
      }
    }
    announce(msg(c.parentId ? 'new-reply' : 'new-comment', c.author, sectionName(c.sectionNumber)));
  }

  function hideComment(hidden) {
    var item = document.getElementById('comment-' + hidden.id);
    if (!item || root.getAttribute('data-organiser') === 'true') {
      // Organisers keep seeing it, marked, when they next open the thread.
      return;
    }
    var next = item.nextElementSibling || item.previousElementSibling;
    var section = item.closest('.standing');
    keepFocus(item, next || (section && section.querySelector('.comments-toggle')));
    item.parentNode.removeChild(item);
    announce(msg('comment-hidden'));
  }

  function showStatus(view) {
    var now = view.scheduled ? 'SCHEDULED' : view.status;
    if (now === status) { return; }
    status = now;
    var badge = document.getElementById('discussion-status');
    if (badge) { badge.textContent = msg('status-' + now.toLowerCase()); }
    var text = msg('now-' + now.toLowerCase());
    var closed = view.status !== 'OPEN';
    root.classList.toggle('live-closed', closed);
    var daysLeft = document.getElementById('days-left');
    if (daysLeft && closed) { daysLeft.hidden = true; }
    if (closed) {
      document.querySelectorAll('.vote-buttons, .comment-form, .reply-form').forEach(function (part) {
        keepFocus(part, notice);
        part.hidden = true;
      });
      root.setAttribute('data-can-take-part', 'false');
    }
    notice.textContent = text;
    notice.hidden = false;
    announce(text);
  }

  function on(name, handle) {
    source.addEventListener(name, function (e) { handle(JSON.parse(e.data)); });
  }

  var since = live.getAttribute('data-last-event-id');
  var source = new EventSource(api + '/events' + (since ? '?lastEventId=' + encodeURIComponent(since) : ''));
  on('comment', showComment);
  on('comment-hidden', hideComment);
  on('counts', showCounts);
  on('stats', showStats);
  on('status', showStatus);
  on('reset', function () {
    notice.textContent = msg('reset');
    notice.hidden = false;
    refreshOwnStats();
  });
  document.addEventListener('parley:participated', refreshOwnStats);
  window.addEventListener('pagehide', function () { source.close(); });
}());
