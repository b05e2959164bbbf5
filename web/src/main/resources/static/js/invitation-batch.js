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

  // Texts come from the page's message bundle, handed over in data-msg-* attributes.
  function msg(name, arg) {
    var text = root.getAttribute('data-msg-' + name) || '';
    return arg === undefined ? text : text.replace('{0}', arg);
  }

  function stateLabel(state) {
    return msg('state-' + String(state).toLowerCase()) || state;
  }

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
    li.appendChild(document.createTextNode(' — ' + msg('line', r.line) + ': '));
    li.appendChild(text('span', (r.smtpCode ? r.smtpCode + ' ' : '') + (r.reason || msg('no-reason')), 'reason'));
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
        list.appendChild(text('li', msg('and-more', count - rows.length), 'hint'));
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
    var state = document.getElementById('batch-state');
    state.textContent = stateLabel(view.state);
    state.setAttribute('data-state', view.state);
    document.getElementById('batch-message').textContent = view.message || '';
    loadList('FAILED', 'failed', view.failed);
    loadList('INVALID', 'invalid', view.invalid);
  }

  // The invitees, a page at a time, with Resend and Revoke.
  var PAGE = 50;
  var table = document.querySelector('#invitees tbody');
  var filter = document.getElementById('invitee-filter');
  var more = document.getElementById('invitees-more');
  var actionStatus = document.getElementById('invitee-status');
  var offset = 0;

  function post(url) {
    return Parley.send('POST', url, undefined, msg('failed'));
  }

  function statusText(r) {
    var label = msg('status-' + String(r.status).toLowerCase()) || r.status;
    return r.revoked ? msg('revoked', label) : label;
  }

  function button(label, who, action) {
    var b = text('button', label, 'small');
    b.type = 'button';
    b.setAttribute('aria-label', label + ' ' + who);
    b.addEventListener('click', action);
    return b;
  }

  function row(r) {
    var tr = document.createElement('tr');
    tr.id = 'invitee-' + r.id;
    tr.appendChild(text('td', r.line));
    tr.appendChild(text('td', r.email, 'email'));
    tr.appendChild(text('td', r.name || ''));
    var status = text('td', statusText(r), 'status');
    tr.appendChild(status);
    tr.appendChild(text('td', (r.smtpCode ? r.smtpCode + ' ' : '') + (r.reason || ''), 'reason'));
    var actions = document.createElement('td');
    var base = api + '/recipients/' + encodeURIComponent(r.id);
    if (r.status === 'SENT' || r.status === 'FAILED') {
      actions.appendChild(button(msg('resend'), r.email, function (e) {
        var b = e.currentTarget;
        b.disabled = true;
        post(base + '/resend').then(function (batch) {
          var link = text('a', msg('resent'));
          link.href = '/invitation-batches/' + encodeURIComponent(batch.id);
          b.replaceWith(link);
          actionStatus.textContent = msg('resent-status', r.email);
        }).catch(function (err) { b.disabled = false; actionStatus.textContent = err.message; });
      }));
    }
    if (!r.revoked && r.status !== 'INVALID' && r.status !== 'DUPLICATE') {
      actions.appendChild(button(msg('revoke'), r.email, function (e) {
        var b = e.currentTarget;
        if (!window.confirm(msg('revoke-confirm', r.email))) {
          return;
        }
        b.disabled = true;
        post(base + '/revoke').then(function (revoked) {
          status.textContent = statusText(revoked);
          b.remove();
          actionStatus.textContent = msg('revoked-status', r.email);
        }).catch(function (err) { b.disabled = false; actionStatus.textContent = err.message; });
      }));
    }
    tr.appendChild(actions);
    return tr;
  }

  var generation = 0;

  function loadInvitees(reset) {
    if (reset) { offset = 0; generation++; table.replaceChildren(); }
    var mine = generation;
    var url = api + '/recipients?limit=' + PAGE + '&offset=' + offset + (filter.value ? '&status=' + filter.value : '');
    fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (rows) {
        if (mine !== generation) { return; }
        rows.forEach(function (r) { table.appendChild(row(r)); });
        offset += rows.length;
        more.hidden = rows.length < PAGE;
      });
  }

  filter.addEventListener('change', function () { loadInvitees(true); });
  more.addEventListener('click', function () { loadInvitees(false); });
  loadInvitees(true);

  var source = new EventSource(api + '/events');
  source.addEventListener('invitations', function (e) {
    var view = JSON.parse(e.data);
    show(view);
    if (view.state === 'SUCCEEDED' || view.state === 'FAILED') {
      source.close();
      loadInvitees(true);
    }
  });
}());
