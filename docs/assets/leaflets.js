// The 宣传页 (/clauses/): the ticked clauses are shown and printed, one per page; the rest are hidden.
// Without JavaScript every sheet shows and prints. A link may preselect clauses: /clauses/#2.4.6,2.1.1
// (the staff page's snippet tool) or /clauses/#sheet-c-2-4-6 (a clause page). Nothing is sent anywhere.
(function () {
  "use strict";
  var form = document.getElementById("leaflet-form");
  if (!form) return;
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[name=clause]"));
  var sheets = document.querySelectorAll(".leaflet-sheet");
  var button = document.getElementById("leaflet-print");
  var count = form.querySelector(".leaflet-count");

  function chosen() {
    return boxes.filter(function (box) { return box.checked; }).map(function (box) { return box.value; });
  }

  function update() {
    var ids = chosen();
    sheets.forEach(function (sheet) { sheet.hidden = ids.indexOf(sheet.dataset.clause) < 0; });
    button.disabled = ids.length === 0;
    count.textContent = ids.length ? "已选 " + ids.length + " 条，打印 " + ids.length + " 页。" : "请先勾选要打印的条款。";
  }

  // "#2.4.6,2.1.1" (the staff page's link) or "#sheet-c-2-4-6" (a clause page's link to its sheet).
  var wanted = decodeURIComponent(location.hash.slice(1)).split(",").map(function (token) {
    var sheet = token.indexOf("sheet-") === 0 && document.getElementById(token);
    return sheet ? sheet.closest(".leaflet-sheet").dataset.clause : token;
  });
  boxes.forEach(function (box) {
    box.checked = wanted.indexOf(box.value) >= 0;
    box.addEventListener("change", update);
  });
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
  update();
})();
