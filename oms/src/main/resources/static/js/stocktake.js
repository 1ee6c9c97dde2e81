// 棚卸の実数入力: after a line is saved, the cursor moves to the next line's count, so counting on a phone is
// type, Enter, type, Enter. The page works without this script (each line is a plain form too).
(function () {
  var savingLine = null;

  document.addEventListener('htmx:beforeRequest', function (event) {
    var line = event.target && event.target.closest ? event.target.closest('.count-line') : null;
    savingLine = line ? line.id : null;
  });

  document.addEventListener('htmx:afterSettle', function () {
    if (!savingLine) {
      return;
    }
    var line = document.getElementById(savingLine);
    savingLine = null;
    if (!line) {
      return;
    }
    var target = line.querySelector('[data-testid="line-error"]') ? line : line.nextElementSibling;
    while (target && !target.querySelector('.count-input')) {
      target = target.nextElementSibling;
    }
    if (target) {
      var input = target.querySelector('.count-input');
      input.focus();
      input.select();
    }
  });
})();

// 確定 and 取消 cannot be undone: the browser asks first
document.addEventListener('submit', function (event) {
  var question = event.target.getAttribute && event.target.getAttribute('data-confirm');
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});
