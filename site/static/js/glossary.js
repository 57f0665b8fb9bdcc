// Glossary terms in a lesson are plain links to the glossary page. This turns
// them into buttons-in-place that open a small popover with the definition:
// Enter or Space opens it, Escape or the close button closes it, and focus
// returns to the term. Without JavaScript the links simply lead to the glossary.
(function () {
  "use strict";
  var open = null;

  function close() {
    if (!open) return;
    var term = open.term;
    open.box.remove();
    term.setAttribute("aria-expanded", "false");
    open = null;
    term.focus();
  }

  function show(term) {
    close();
    var box = document.createElement("div");
    var bodyLang = (term.closest("[lang]") || document.documentElement).getAttribute("lang");
    box.lang = document.documentElement.lang;
    var id = "term-popover-" + Math.random().toString(36).slice(2);
    box.className = "term-popover";
    box.id = id;
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-labelledby", id + "-title");
    var title = document.createElement("p");
    title.className = "term-popover-title";
    title.id = id + "-title";
    title.textContent = term.dataset.term;
    title.lang = bodyLang;
    var other = document.createElement("p");
    other.className = "term-popover-other";
    other.textContent = term.dataset.other;
    other.lang = bodyLang === "sv" ? "fi" : "sv";
    var text = document.createElement("p");
    text.textContent = term.dataset.definition;
    text.lang = bodyLang;
    var more = document.createElement("a");
    more.href = term.href;
    more.textContent = document.body.dataset.glossaryLink || "Sanasto";
    var shut = document.createElement("button");
    shut.type = "button";
    shut.className = "term-popover-close";
    shut.textContent = document.body.dataset.closeLabel || "Sulje";
    shut.addEventListener("click", close);
    box.append(title, other, text, more, shut);
    box.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { event.preventDefault(); close(); }
    });
    term.after(box);
    term.setAttribute("aria-expanded", "true");
    term.setAttribute("aria-controls", id);
    open = { term: term, box: box };
    shut.focus();
  }

  document.querySelectorAll("a.term").forEach(function (term) {
    term.setAttribute("role", "button");
    term.setAttribute("aria-expanded", "false");
    term.addEventListener("click", function (event) {
      event.preventDefault();
      if (open && open.term === term) { close(); } else { show(term); }
    });
    term.addEventListener("keydown", function (event) {
      if (event.key === " ") { event.preventDefault(); term.click(); }
    });
  });
  document.addEventListener("click", function (event) {
    if (open && !open.box.contains(event.target) && event.target !== open.term) close();
  });
})();
