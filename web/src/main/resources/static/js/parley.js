// What the page scripts share: Spring Security's CSRF token, read from its cookie, a fetch
// that sends it and reads the answer's JSON (problem+json included), and the start of long work.
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

  // Posts a form that starts long work: a 202 Accepted answer carries the new work, whose page
  // opens (pageOf(id)); a refusal shows its detail, or texts.failed; no answer shows
  // texts.unreachable.
  function startWork(url, data, pageOf, showError, texts) {
    return request('POST', url, data).then(function (answer) {
      if (answer.status === 202 && answer.body.id) {
        window.location.assign(pageOf(answer.body.id));
      } else {
        showError(answer.body.detail || texts.failed);
      }
    }).catch(function () {
      showError(texts.unreachable);
    });
  }

  // Fills in a text of the message bundle: {0} and the ICU plural form
  // {0, plural, =0 {...} one {# vote} other {# votes}}, by the page language's plural rules
  // (Intl.PluralRules) and with its digits (Intl.NumberFormat).
  function format(pattern) {
    var lang = document.documentElement.lang || 'en';
    var values = Array.prototype.slice.call(arguments, 1);
    var out = '';
    var i = 0;
    while (i < pattern.length) {
      var open = indexOfArgument(pattern, i);
      if (open < 0) { out += pattern.slice(i); break; }
      out += pattern.slice(i, open);
      var end = matching(pattern, open);
      var inner = pattern.slice(open + 1, end);
      var index = parseInt(inner, 10);
      var value = values[index];
      var number = typeof value === 'number' ? value : Number(value);
      var shown = (value === undefined) ? '{' + inner + '}'
        : (typeof value === 'number') ? new Intl.NumberFormat(lang).format(value) : String(value);
      var plural_ = /^\d+\s*,\s*plural\s*,/;
      out += plural_.test(inner) && value !== undefined
        ? plural(inner.replace(plural_, ''), number, shown, lang) : shown;
      i = end + 1;
    }
    return out.replace(/''/g, '\'');
  }

  function indexOfArgument(text, from) {
    var re = /\{\d/g;
    re.lastIndex = from;
    var m = re.exec(text);
    return m ? m.index : -1;
  }

  function matching(text, open) {
    var depth = 0;
    for (var j = open; j < text.length; j++) {
      if (text[j] === '{') { depth++; }
      if (text[j] === '}' && --depth === 0) { return j; }
    }
    return text.length - 1;
  }

  function plural(cases, number, shown, lang) {
    var forms = {};
    var re = /\s*(=\d+|zero|one|two|few|many|other)\s*\{/g;
    var m;
    while ((m = re.exec(cases)) !== null) {
      var start = m.index + m[0].length - 1;
      var stop = matching(cases, start);
      forms[m[1]] = cases.slice(start + 1, stop);
      re.lastIndex = stop + 1;
    }
    var form = forms['=' + number];
    if (form === undefined) { form = forms[new Intl.PluralRules(lang).select(number)]; }
    if (form === undefined) { form = forms.other || ''; }
    return form.replace(/#/g, shown);
  }

  window.Parley = { request: request, send: send, startWork: startWork, format: format };
}());
