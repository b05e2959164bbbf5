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

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : '';
  }

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
      showError('Please paste addresses or choose a CSV file.');
      emails.focus();
      return;
    }
    if (message.value.trim() !== '') { data.append('message', message.value); }
    button.disabled = true;
    status.textContent = 'Parley is submitting your list…';
    fetch(form.action, {
      method: 'POST', body: data, credentials: 'same-origin',
      headers: { 'X-XSRF-TOKEN': csrfToken(), 'Accept': 'application/json' }
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (response.status === 202 && body.id) {
          window.location.assign('/invitation-batches/' + encodeURIComponent(body.id));
        } else {
          showError(body.detail || 'The invitations could not be sent. Please try again.');
        }
      });
    }).catch(function () {
      showError('Parley could not be reached. Please check your connection and try again.');
    });
  });
}());
