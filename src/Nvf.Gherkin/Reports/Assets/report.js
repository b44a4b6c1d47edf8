// Filters scenarios by status and tag; hides features left without a visible scenario.
(function () {
  'use strict';
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input[data-status]'));
  var tagSelect = document.getElementById('tag-filter');
  var shown = document.getElementById('shown');
  function apply() {
    var wanted = {};
    boxes.forEach(function (box) { wanted[box.getAttribute('data-status')] = box.checked; });
    var tag = tagSelect.value;
    var total = 0;
    document.querySelectorAll('details.feature').forEach(function (feature) {
      var visible = 0;
      feature.querySelectorAll('details.scenario').forEach(function (scenario) {
        var tags = scenario.getAttribute('data-tags').split(' ');
        var show = wanted[scenario.getAttribute('data-status')] && (tag === '' || tags.indexOf(tag) >= 0);
        scenario.hidden = !show;
        if (show) { visible += 1; }
      });
      feature.hidden = visible === 0;
      total += visible;
    });
    shown.textContent = total + ' shown';
  }
  boxes.forEach(function (box) { box.addEventListener('change', apply); });
  tagSelect.addEventListener('change', apply);
  apply();
}());
