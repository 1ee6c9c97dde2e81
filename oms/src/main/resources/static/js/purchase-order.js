// キャンセル cannot be undone: the browser asks first (an inline onclick would be blocked by the page's CSP)
document.addEventListener('submit', function (event) {
  var question = event.target.getAttribute && event.target.getAttribute('data-confirm');
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});
