// 自動処理のルール編集: the condition outline (groups and tests, nested) and the action rows.
(function () {
  var box = document.getElementById('conditions');
  function depth(row) { return parseInt(row.dataset.depth || '0', 10); }
  function setDepth(row, d) {
    row.dataset.depth = d; row.style.marginLeft = (d * 2) + 'em';
    row.querySelector('input[name=condDepth]').value = d;
  }
  function refresh(row) {
    var test = row.querySelector('.cond-kind').value === 'TEST';
    ['.cond-field', '.cond-operator', '.cond-values', '.add-test', '.add-group'].forEach(function (s) {
      var el = row.querySelector(s);
      if (s === '.add-test' || s === '.add-group') { el.hidden = test; } else { el.hidden = !test; }
    });
    row.querySelector('.remove-row').hidden = (row === box.firstElementChild);
  }
  function blank(from, kind, d) {
    var row = from.cloneNode(true);
    row.querySelector('.cond-kind').value = kind;
    row.querySelector('.cond-field').value = '';
    row.querySelector('.cond-operator').value = '';
    row.querySelector('.cond-values').value = '';
    setDepth(row, d); wire(row); return row;
  }
  function lastOfGroup(row) {
    var d = depth(row), last = row, next = row.nextElementSibling;
    while (next && depth(next) > d) { last = next; next = next.nextElementSibling; }
    return last;
  }
  function wire(row) {
    row.querySelector('.cond-kind').onchange = function () { refresh(row); };
    row.querySelector('.add-test').onclick = function () {
      var r = blank(row, 'TEST', depth(row) + 1); lastOfGroup(row).after(r); refresh(r);
    };
    row.querySelector('.add-group').onclick = function () {
      var r = blank(row, 'ALL', depth(row) + 1); lastOfGroup(row).after(r); refresh(r);
    };
    row.querySelector('.remove-row').onclick = function () {
      var last = lastOfGroup(row), next;
      while (last !== row) { next = last.previousElementSibling; last.remove(); last = next; }
      row.remove();
    };
    refresh(row);
  }
  box.querySelectorAll('.cond-row').forEach(wire);
  var actions = document.getElementById('actions');
  function wireAction(row) { row.querySelector('.remove-action').onclick = function () {
    if (actions.children.length > 1) { row.remove(); } }; }
  actions.querySelectorAll('.action-row').forEach(wireAction);
  document.getElementById('add-action').onclick = function () {
    var row = actions.firstElementChild.cloneNode(true);
    row.querySelector('select').value = ''; row.querySelector('input').value = '';
    wireAction(row); actions.appendChild(row);
  };
  // a form that asks first (the page's scripts come from the app itself: inline handlers are not allowed)
  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      if (!window.confirm(form.dataset.confirm)) { e.preventDefault(); }
    });
  });
})();
