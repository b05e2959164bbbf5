// Follows an invitation batch over SSE. EventSource reconnects by itself, to any web instance; each
// event carries all the counts, so a missed one costs nothing. The failed and invalid lists are
// fetched again whenever their counts change. Text is set with textContent only.
(function () {
  'use strict';
  var root = document.getElementById('batch');
  var id = root.getAttribute('data-batch-id');
  var api = '/api/invitation-batches/' + encodeURIComponent(id);
  var COUNTS = ['total', 'queued', 'sent', 'failed', 'invalid', 'duplicates', 'suppressed'];
  var shown = { failed: -1, invalid: -1 };

  function text(tag, value, className) {
    var el = document.createElement(tag);
    el.textContent = value;
    if (className) { el.className = className; }
    return el;
  }

  function recipient(r) {
    var li = document.createElement('li');
    li.appendChild(text('strong', r.email));
    if (r.name) { li.appendChild(document.createTextNode(' (' + r.name + ')')); }
    li.appendChild(document.createTextNode(' — line ' + r.line + ': '));
    li.appendChild(text('span', (r.smtpCode ? r.smtpCode + ' ' : '') + (r.reason || 'no reason given'), 'reason'));
    return li;
  }

  function loadList(status, key, count) {
    if (shown[key] === count) { return; }
    shown[key] = count;
    var list = document.getElementById(key + '-list');
    var none = document.getElementById(key + '-none');
    if (count === 0) { list.replaceChildren(); none.hidden = false; return; }
    fetch(api + '/recipients?status=' + status + '&limit=500', {
      credentials: 'same-origin', headers: { 'Accept': 'application/json' }
    }).then(function (response) { return response.ok ? response.json() : []; }).then(function (rows) {
      list.replaceChildren.apply(list, rows.map(recipient));
      if (count > rows.length) {
        list.appendChild(text('li', 'and ' + (count - rows.length) + ' more', 'hint'));
      }
      none.hidden = rows.length > 0;
    });
  }

  function show(view) {
    COUNTS.forEach(function (name) {
      document.getElementById('count-' + name).textContent = view[name];
    });
    document.getElementById('batch-progress').value = view.percent;
    document.getElementById('batch-percent').textContent = view.percent + '%';
    document.getElementById('batch-state').textContent = view.state;
    document.getElementById('batch-message').textContent = view.message || '';
    loadList('FAILED', 'failed', view.failed);
    loadList('INVALID', 'invalid', view.invalid);
  }

  var source = new EventSource(api + '/events');
  source.addEventListener('invitations', function (e) {
    var view = JSON.parse(e.data);
    show(view);
    if (view.state === 'SUCCEEDED' || view.state === 'FAILED') { source.close(); }
  });
}());
