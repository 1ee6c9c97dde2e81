// Drag (or ↑ ↓) a rule within its status and phase; the new order is posted at once.
(function () {
  function post(tbody) {
    var form = document.getElementById('reorder-form');
    form.querySelectorAll('input[name=ids]').forEach(function (i) { i.remove(); });
    tbody.querySelectorAll('tr[data-id]').forEach(function (row) {
      var input = document.createElement('input');
      input.type = 'hidden'; input.name = 'ids'; input.value = row.dataset.id;
      form.appendChild(input);
    });
    form.submit();
  }
  var dragged = null;
  document.querySelectorAll('tbody.draggable').forEach(function (tbody) {
    tbody.addEventListener('dragstart', function (e) { dragged = e.target.closest('tr'); });
    tbody.addEventListener('dragover', function (e) {
      var over = e.target.closest('tr');
      if (!dragged || !over || over.parentNode !== dragged.parentNode) { return; }
      e.preventDefault();
      var after = e.clientY > over.getBoundingClientRect().top + over.offsetHeight / 2;
      tbody.insertBefore(dragged, after ? over.nextSibling : over);
    });
    tbody.addEventListener('drop', function (e) { e.preventDefault(); dragged = null; post(tbody); });
    tbody.querySelectorAll('.move-up, .move-down').forEach(function (button) {
      button.addEventListener('click', function () {
        var row = button.closest('tr');
        if (button.classList.contains('move-up') && row.previousElementSibling) {
          tbody.insertBefore(row, row.previousElementSibling);
        } else if (button.classList.contains('move-down') && row.nextElementSibling) {
          tbody.insertBefore(row.nextElementSibling, row);
        }
        post(tbody);
      });
    });
  });
})();
