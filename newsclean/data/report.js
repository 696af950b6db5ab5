// newsclean report: show only one filter's blocks; open or close every document; sort pages.
(function () {
  "use strict";
  var body = document.body;
  function all(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }

  all(".legend button[data-filter]").forEach(function (button) {
    button.addEventListener("click", function () {
      var name = button.getAttribute("data-filter");
      all(".legend button").forEach(function (b) { b.classList.toggle("on", b === button && name !== ""); });
      body.classList.toggle("only", name !== "");
      all(".b").forEach(function (b) { b.classList.toggle("on", name !== "" && b.getAttribute("data-filter") === name); });
      all("details.doc").forEach(function (doc) {
        var has = name === "" || (" " + (doc.getAttribute("data-filters") || "") + " ").indexOf(" " + name + " ") >= 0;
        doc.classList.toggle("hidden", !has);
        if (name !== "" && has) { doc.open = true; }
      });
    });
  });
  all(".legend button.expand").forEach(function (b) {
    b.addEventListener("click", function () { all("details.doc:not(.hidden)").forEach(function (d) { d.open = true; }); });
  });
  all(".legend button.collapse").forEach(function (b) {
    b.addEventListener("click", function () { all("details.doc").forEach(function (d) { d.open = false; }); });
  });

  all(".pagehead button[data-sort]").forEach(function (button) {
    button.addEventListener("click", function () {
      var key = button.getAttribute("data-sort");
      var numeric = key !== "name" && key !== "kind";
      var desc = button.classList.contains("sorted") && !button.classList.contains("desc");
      all(".pagehead button").forEach(function (b) { b.classList.remove("sorted", "desc"); });
      button.classList.add("sorted");
      button.classList.toggle("desc", desc);
      var pages = all("details.page");
      pages.sort(function (a, b) {
        var x = a.getAttribute("data-" + key), y = b.getAttribute("data-" + key);
        var order = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y);
        return desc ? -order : order;
      });
      var parent = pages.length ? pages[0].parentNode : null;
      pages.forEach(function (p) { parent.appendChild(p); });
    });
  });
})();
