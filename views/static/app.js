// taizhang's own script: the upload progress bar. htmx does the rest; no inline scripts.
document.addEventListener('htmx:xhr:progress', (event) => {
  const form = event.target.closest?.('form[data-progress]');
  if (!form) return;
  const bar = document.querySelector(form.dataset.progress);
  const { loaded, total } = event.detail;
  if (bar && total) {
    bar.hidden = false;
    bar.value = Math.round((loaded / total) * 100);
  }
  // Once the file is sent, the server is checking it: say so.
  const state = form.querySelector('.upload-state');
  if (state && total && loaded >= total) state.hidden = false;
});

document.addEventListener('htmx:afterRequest', (event) => {
  const form = event.target.closest?.('form[data-progress]');
  if (!form) return;
  clearTimeout(form.progressTimer);
  form.progressKey = undefined;
  const bar = document.querySelector(form.dataset.progress);
  if (bar) bar.hidden = true;
  const state = form.querySelector('.upload-state');
  if (state) state.hidden = true;
});

// While the server checks a file (or waits its turn), ask it where it stands and show it.
const pollProgress = (form, key) => {
  form.progressTimer = setTimeout(async () => {
    try {
      const answer = await fetch(`/uploads/progress/${key}`, { headers: { Accept: 'application/json' } });
      if (form.progressKey !== key) return;
      if (answer.ok) {
        const { text, percent, stage } = await answer.json();
        const state = form.querySelector('.upload-state');
        if (state && stage !== 'unknown') {
          state.hidden = false;
          state.textContent = text;
        }
        const bar = document.querySelector(form.dataset.progress);
        if (bar && stage !== 'unknown') {
          bar.hidden = false;
          bar.value = percent;
        }
      }
    } catch {
      // A missed poll changes nothing; the upload's own answer still comes.
    }
    if (form.progressKey === key) pollProgress(form, key);
  }, 700);
};

// Every htmx request carries the session's CSRF token (the page's <meta name="csrf-token">); an
// upload also a key of its own, under which the server tells how its check is going.
document.addEventListener('htmx:configRequest', (event) => {
  const token = document.querySelector('meta[name="csrf-token"]')?.content;
  if (token) event.detail.headers['X-CSRF-Token'] = token;
  const form = event.target.closest?.('form[data-progress]');
  if (form && event.detail.verb === 'post') {
    const key = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
      b.toString(16).padStart(2, '0'),
    ).join('');
    event.detail.parameters.progress = key;
    form.progressKey = key;
    clearTimeout(form.progressTimer);
    pollProgress(form, key);
  }
});

// Errors answering htmx land in #flash (the server retargets them there); a new request clears it.
const flash = () => document.getElementById('flash');
document.addEventListener('htmx:beforeRequest', () => {
  const area = flash();
  if (area) area.replaceChildren();
});

// No answer at all (the connection broke, the server is down, a body too large was cut off):
// still say so on the page, in the words the server would have used.
document.addEventListener('htmx:sendError', () => {
  const area = flash();
  if (!area) return;
  const box = document.createElement('div');
  box.className = 'error-box';
  const text = document.createElement('p');
  text.className = 'error-message';
  text.textContent =
    '请求没有送达服务器：网络连接中断，或服务器暂时无法访问。请稍后重试；上传大文件时也可能是超过了大小上限。';
  box.append(text);
  area.replaceChildren(box);
});

// A message's close button.
document.addEventListener('click', (event) => {
  const button = event.target.closest?.('[data-dismiss]');
  if (button) button.closest('.error-box')?.remove();
});

// Back and Forward: htmx restores the page's content, but a form outside what was swapped keeps
// the choices of the page as it was first loaded. Set every filter control from the URL the
// browser came back to (a name the URL lacks: the choice the server rendered).
function syncFiltersFromUrl() {
  const params = new URLSearchParams(location.search);
  for (const form of document.querySelectorAll('form[hx-push-url]')) {
    for (const control of form.elements) {
      if (!control.name || control.type === 'hidden' || control.type === 'submit') continue;
      const values = params.getAll(control.name);
      if (control.tagName === 'SELECT') {
        for (const option of control.options) {
          option.selected = values.length ? values.includes(option.value) : option.defaultSelected;
        }
      } else if (control.type === 'checkbox' || control.type === 'radio') {
        control.checked = values.length ? values.includes(control.value) : control.defaultChecked;
      } else {
        control.value = values.length ? values[0] : control.defaultValue;
      }
    }
  }
}
document.addEventListener('htmx:historyRestore', syncFiltersFromUrl);
window.addEventListener('pageshow', syncFiltersFromUrl);

// htmx keeps the page in its history as HTML; an element that scripts styled carries a style
// attribute there (often empty), which the CSP refuses when Back puts the page back. Styles come
// only from app.css, so such attributes are dropped before the page is saved.
document.addEventListener('htmx:beforeHistorySave', (event) => {
  const root = event.detail?.historyElt ?? document.body;
  for (const element of root.querySelectorAll('[style]')) element.removeAttribute('style');
});
