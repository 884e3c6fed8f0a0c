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
  const bar = document.querySelector(form.dataset.progress);
  if (bar) bar.hidden = true;
  const state = form.querySelector('.upload-state');
  if (state) state.hidden = true;
});

// Every htmx request carries the session's CSRF token (the page's <meta name="csrf-token">).
document.addEventListener('htmx:configRequest', (event) => {
  const token = document.querySelector('meta[name="csrf-token"]')?.content;
  if (token) event.detail.headers['X-CSRF-Token'] = token;
});
