// Copy buttons beside a freshly issued key (the page's CSP allows same-origin scripts only).
document.addEventListener('click', async (event) => {
  const button = event.target.closest('button[data-copy-target]');
  if (!button) return;
  const value = document.getElementById(button.dataset.copyTarget);
  if (!value) return;
  try {
    await navigator.clipboard.writeText(value.textContent.trim());
    button.textContent = button.dataset.copied;
  } catch (e) {
    // No clipboard (e.g. not a secure context): select the key so the merchant can copy it by hand.
    const range = document.createRange();
    range.selectNodeContents(value);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }
});
