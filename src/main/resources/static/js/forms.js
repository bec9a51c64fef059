// Small form behaviours that inline event handlers would otherwise do (the Content Security Policy
// refuses inline handlers):
//   <select data-autosubmit>               submits its form when its value changes
//   <input type="checkbox" data-select-all="NAME">  checks or unchecks every checkbox named NAME
document.querySelectorAll('select[data-autosubmit]').forEach(function (select) {
  select.addEventListener('change', function () { select.form.submit(); });
});
document.querySelectorAll('input[data-select-all]').forEach(function (all) {
  all.addEventListener('change', function () {
    document.querySelectorAll('input[name="' + all.dataset.selectAll + '"]').forEach(function (c) {
      c.checked = all.checked;
    });
  });
});
