// Submits a select's form when its value changes (<select data-autosubmit>): an inline onchange
// handler would be refused by the Content Security Policy.
document.querySelectorAll('select[data-autosubmit]').forEach(function (select) {
  select.addEventListener('change', function () { select.form.submit(); });
});
