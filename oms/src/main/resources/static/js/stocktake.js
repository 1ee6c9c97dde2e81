// 棚卸の実数入力: after a line is saved, the cursor moves to the next line's count, so counting on a phone is
// type, Enter, type, Enter. The page works without this script (each line is a plain form too).
document.addEventListener('htmx:afterSwap', function (event) {
  var line = event.detail.target;
  if (!line || !line.classList || !line.classList.contains('count-line')) {
    return;
  }
  if (line.querySelector('[data-testid="line-error"]')) {
    var same = line.querySelector('.count-input');
    if (same) { same.focus(); same.select(); }
    return;
  }
  var next = line.nextElementSibling;
  while (next && !next.querySelector('.count-input')) {
    next = next.nextElementSibling;
  }
  if (next) {
    var input = next.querySelector('.count-input');
    input.focus();
    input.select();
  }
});
