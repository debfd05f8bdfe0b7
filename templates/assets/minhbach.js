/* Minh Bạch: header search (Pagefind) and the home page's unit finder.
 * Progressive enhancement: without this script the search box stays hidden and the finder is
 * a plain list of links. No absolute path anywhere: the site may be served from a sub-path. */
(function () {
  "use strict";

  /* "Đắk Nông" -> "dak nong": what a phone keyboard without Vietnamese input types. */
  function fold(text) {
    return text.replace(/[đĐ]/g, "d").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();
  }

  /* ------------------------------------------------------------------ header search */
  function setupSearch(root) {
    var siteRoot = new URL(root.getAttribute("data-mb-root"), location.href);
    var openButton = root.querySelector(".mb-search__open");
    var closeButton = root.querySelector(".mb-search__close");
    var form = root.querySelector("form");
    var input = root.querySelector("input");
    var panel = root.querySelector(".mb-search__results");
    var list = root.querySelector("[data-mb-search-list]");
    var meta = root.querySelector("[data-mb-search-meta]");
    var status = root.querySelector("[data-mb-search-status]");
    var more = root.querySelector("[data-mb-search-more]");
    var pagefind = null;
    var results = [];
    var shown = 0;
    var seq = 0;
    var timer = 0;
    var PAGE = 8;

    root.hidden = false;

    function load() {
      if (!pagefind) {
        pagefind = import(new URL("pagefind/pagefind.js", siteRoot).href).then(function (pf) {
          return pf.options({ baseUrl: siteRoot.pathname, excerptLength: 22 }).then(function () {
            pf.init();
            return pf;
          });
        });
      }
      return pagefind;
    }

    function say(text) {
      meta.textContent = text;
      status.textContent = text;
    }

    function summary(count, query) {
      var key = count === 0 ? "data-none" : count === 1 ? "data-one" : "data-other";
      return root.getAttribute(key).replace("%", String(count)).replace("#", query);
    }

    function clear() {
      results = [];
      shown = 0;
      list.textContent = "";
      more.hidden = true;
      panel.hidden = true;
      status.textContent = "";
    }

    function showMore() {
      var token = seq;
      var slice = results.slice(shown, shown + PAGE);
      shown += slice.length;
      return Promise.all(slice.map(function (r) { return r.data(); })).then(function (pages) {
        if (token !== seq) return;
        pages.forEach(function (page) {
          var item = document.createElement("li");
          item.className = "mb-search__item";
          var link = document.createElement("a");
          link.className = "mb-search__link";
          link.href = page.url;
          var title = document.createElement("span");
          title.className = "mb-search__title";
          title.textContent = (page.meta && page.meta.title) || page.url;
          var excerpt = document.createElement("span");
          excerpt.className = "mb-search__excerpt";
          excerpt.innerHTML = page.excerpt; /* Pagefind escapes the page text and adds only <mark> */
          link.appendChild(title);
          link.appendChild(excerpt);
          item.appendChild(link);
          list.appendChild(item);
        });
        more.hidden = shown >= results.length;
      });
    }

    function run() {
      var query = input.value.trim();
      var token = ++seq;
      if (!query) {
        clear();
        return;
      }
      panel.hidden = false;
      meta.textContent = root.getAttribute("data-loading");
      load().then(function (pf) {
        return pf.search(query);
      }).then(function (search) {
        if (token !== seq) return;
        results = search.results;
        shown = 0;
        list.textContent = "";
        say(summary(results.length, query));
        return showMore();
      }).catch(function () {
        if (token === seq) say(root.getAttribute("data-error"));
      });
    }

    function open() {
      root.classList.add("mb-search--open");
      openButton.setAttribute("aria-expanded", "true");
      input.focus();
      load();
    }

    function close() {
      var wasOpen = root.classList.contains("mb-search--open");
      root.classList.remove("mb-search--open");
      openButton.setAttribute("aria-expanded", "false");
      input.value = "";
      seq++;
      clear();
      if (wasOpen && getComputedStyle(openButton).display !== "none") openButton.focus();
    }

    openButton.addEventListener("click", open);
    closeButton.addEventListener("click", close);
    input.addEventListener("focus", load);
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, 120);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearTimeout(timer);
      run();
    });
    more.addEventListener("click", function () {
      var next = list.children.length;
      showMore().then(function () {
        var link = list.children[next] && list.children[next].querySelector("a");
        if (link) link.focus();
      });
    });
    root.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        event.stopPropagation();
        close();
        input.focus();
      }
    });
    document.addEventListener("click", function (event) {
      if (!root.contains(event.target) && !panel.hidden) {
        panel.hidden = true;
        root.classList.remove("mb-search--open");
        openButton.setAttribute("aria-expanded", "false");
      }
    });
    input.addEventListener("focus", function () {
      if (results.length) panel.hidden = false;
    });
  }

  /* ------------------------------------------------------------------ unit finder (home page) */
  function setupFinder(root) {
    var controls = root.querySelector(".mb-finder__controls");
    var province = root.querySelector("select");
    var name = root.querySelector("input");
    var status = root.querySelector("[data-mb-finder-status]");
    var groups = Array.prototype.slice.call(root.querySelectorAll("[data-mb-group]"));
    var units = Array.prototype.slice.call(root.querySelectorAll("[data-mb-unit]"));
    units.forEach(function (unit) {
      unit.mbKey = fold(unit.textContent + " " + (unit.getAttribute("data-names") || ""));
    });
    controls.hidden = false;

    function update() {
      var wanted = province.value;
      var words = fold(name.value).split(" ").filter(Boolean);
      var count = 0;
      groups.forEach(function (group) {
        var inProvince = !wanted || group.getAttribute("data-mb-group") === wanted;
        var any = false;
        group.querySelectorAll("[data-mb-unit]").forEach(function (unit) {
          var match = inProvince && words.every(function (w) { return unit.mbKey.indexOf(w) >= 0; });
          unit.hidden = !match;
          if (match) {
            any = true;
            count++;
          }
        });
        group.hidden = !any;
      });
      status.textContent = status.getAttribute(count === 0 ? "data-none" : count === 1 ? "data-one" : "data-other").replace("%", String(count));
    }

    province.addEventListener("change", update);
    name.addEventListener("input", update);
    root.querySelector("form").addEventListener("submit", function (event) {
      event.preventDefault();
      var first = units.filter(function (u) { return !u.hidden; })[0];
      var link = first && first.querySelector("a");
      if (link) link.focus();
    });
    update();
  }

  function start() {
    var search = document.querySelector("[data-mb-search]");
    if (search) setupSearch(search);
    var finder = document.querySelector("[data-mb-finder]");
    if (finder) setupFinder(finder);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
