// 承認待ちポイント: the header's checkbox selects or clears every row.
document.addEventListener('DOMContentLoaded', () => {
  const all = document.querySelector('[data-testid=select-all]');
  if (all) {
    all.addEventListener('change', () =>
      document.querySelectorAll('input[name=id]').forEach(box => { box.checked = all.checked; }));
  }
});
