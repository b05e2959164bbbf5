// Sends the pasted or uploaded list with fetch, then moves to the batch's own page, which the
// organiser can leave and reopen.
(function () {
  'use strict';
  var form = document.getElementById('invite-form');
  var emails = document.getElementById('emails');
  var file = document.getElementById('file');
  var message = document.getElementById('message');
  var status = document.getElementById('invite-status');
  var errorBox = document.getElementById('invite-error');
  var button = document.getElementById('invite-button');

  // Texts come from the page's message bundle, handed over in data-msg-* attributes.
  function msg(name) { return form.getAttribute('data-msg-' + name) || ''; }

  function showError(text) {
    errorBox.textContent = text;
    errorBox.hidden = false;
    status.textContent = '';
    button.disabled = false;
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    errorBox.hidden = true;
    var data = new FormData();
    if (file.files.length > 0) {
      data.append('file', file.files[0], file.files[0].name);
    } else if (emails.value.trim() !== '') {
      data.append('emails', emails.value);
    } else {
      showError(msg('empty'));
      emails.focus();
      return;
    }
    if (message.value.trim() !== '') { data.append('message', message.value); }
    button.disabled = true;
    status.textContent = msg('submitting');
    Parley.startWork(form.action, data, function (id) { return '/invitation-batches/' + encodeURIComponent(id); },
      showError, { failed: msg('failed'), unreachable: msg('unreachable') });
  });
}());
