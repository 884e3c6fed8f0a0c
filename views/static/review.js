// The document review page: selecting text of a task prefills that task's "新增指标" form with the
// selected phrase as its source, and the number and unit in it as the target. No inline scripts.
const UNIT =
  /(\d+(?:\.\d+)?)\s*(万|亿)?\s*(%|％|个百分点|平方公里|平方米|立方米|万千瓦|千瓦|公里|万吨|吨|万亩|亩|公顷|人次|万元|亿元|[个人户套条所家座辆张项件处元次])?/;

function prefill() {
  const selection = window.getSelection();
  const text = selection ? selection.toString().trim() : '';
  if (!text || !selection.anchorNode) return;
  const node =
    selection.anchorNode.nodeType === 1 ? selection.anchorNode : selection.anchorNode.parentElement;
  const paragraph = node?.closest('.review-text');
  if (!paragraph) return;
  const details = paragraph.closest('.review-task')?.querySelector('details.add-indicator');
  const form = details?.querySelector('form');
  if (!form) return;
  details.open = true;
  form.elements.source.value = text;
  const m = UNIT.exec(text);
  if (m) {
    form.elements.value.value = m[1] + (m[2] ?? '');
    form.elements.unit.value = (m[3] ?? '').replace('％', '%');
    if (!form.elements.name.value)
      form.elements.name.value = text
        .slice(0, m.index)
        .replace(/[，。、；：\s]+$/, '')
        .slice(-30);
  }
  if (!form.elements.deadline.value)
    form.elements.deadline.value = `${document.body.querySelector('[data-year]')?.dataset.year ?? new Date().getFullYear()}-12-31`;
}

document.addEventListener('mouseup', prefill);
document.addEventListener('keyup', (event) => {
  if (event.shiftKey) prefill();
});
document.addEventListener('touchend', () => setTimeout(prefill, 0));
