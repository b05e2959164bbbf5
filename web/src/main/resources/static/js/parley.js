// What the page scripts share: Spring Security's CSRF token, read from its cookie, and a fetch
// that sends it and reads the answer's JSON (problem+json included).
(function () {
  'use strict';

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : '';
  }

  // Resolves to {status, ok, body}; body is {} when the answer has no JSON. A FormData body goes
  // as it is, any other body as JSON.
  function request(method, url, body) {
    var headers = { 'X-XSRF-TOKEN': csrfToken(), 'Accept': 'application/json' };
    var payload = body;
    if (body !== undefined && !(body instanceof FormData)) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    return fetch(url, { method: method, credentials: 'same-origin', headers: headers, body: payload })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (json) {
          return { status: response.status, ok: response.ok, body: json };
        });
      });
  }

  // Resolves to the answer's JSON (null for 204); a refusal rejects with its detail, or failedText.
  function send(method, url, body, failedText) {
    return request(method, url, body).then(function (answer) {
      if (!answer.ok) { throw new Error(answer.body.detail || failedText); }
      return answer.status === 204 ? null : answer.body;
    });
  }

  window.Parley = { request: request, send: send };
}());
