/* Minh Bạch: header search (Pagefind), the home page's unit finder, and marks that explain themselves.
 * Progressive enhancement: without this script the search box stays hidden and the finder is
 * a plain list of links. No absolute path anywhere: the site may be served from a sub-path. */
(function () {
  "use strict";

  /* "Đắk Nông" -> "dak nong": what a phone keyboard without Vietnamese input types. */
  function fold(text) {
    return text.replace(/[đĐ]/g, "d").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();
  }

  /* A name as the index lists pages by it (search.py, key): "Bình Phước (Bình Sơn)" -> "binh phuoc binh son". */
  function key(text) {
    return fold(text).replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  }

  /* ------------------------------------------------------------------ header search */
  function setupSearch(root) {
    var siteRoot = new URL(root.getAttribute("data-mb-root"), location.href);
    /* what the index holds besides the pages' text (site_builder/publish/search.py, SEARCH_OPTIONS):
     * the ranking of its fields, and where it lists the pages by their own names */
    var index = JSON.parse(root.getAttribute("data-index"));
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
    var searched = "";  /* the query the results are for */
    var shown = 0;
    var seq = 0;
    var timer = 0;
    var PAGE = 8;
    /* results read, at most, to find the pages named as typed: they rank high, but in an index merged from
     * partitions a partition's own word statistics can put a page below pages of another that only
     * mention its name (a unit named in the indicator pages), so a few screens more are read */
    var NAMED_READ = 12 * PAGE;

    root.hidden = false;

    /* The index of this page's language is in partitions, each a Pagefind bundle (search.py,
     * partitions): the primary one brings Pagefind's script, and the others its list names are
     * merged into it, searched together and ranked as one. The list and the script are fetched
     * side by side. */
    function load() {
      if (!pagefind) {
        var bundles = new URL(index.bundles.folder + document.documentElement.lang + "/", siteRoot);
        var options = { baseUrl: siteRoot.pathname, ranking: index.ranking };
        var listed = fetch(new URL(index.bundles.list, bundles)).then(function (r) {
          if (!r.ok) throw new Error("no list of the index's bundles");
          return r.json();
        });
        pagefind = Promise.all([import(new URL(index.bundles.primary + "pagefind.js", bundles).href), listed]).then(function (loaded) {
          var pf = loaded[0];
          return pf.options(options).then(function () {
            pf.init();
            return Promise.all(loaded[1].filter(function (folder) { return folder !== index.bundles.primary; }).map(function (folder) {
              return pf.mergeIndex(new URL(folder, bundles).href, options);
            }));
          }).then(function () { return pf; });
        });
        pagefind.catch(function () { pagefind = null; });  /* a failed load is tried again at the next search */
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
          var title = document.createElement("span");
          title.className = "mb-search__title";
          title.textContent = (page.meta && page.meta.title) || page.url;
          var land = landing(page, searched);
          link.href = here(land.url);
          var excerpt = document.createElement("span");
          excerpt.className = "mb-search__excerpt";
          passage(page, land, searched).forEach(function (node) { excerpt.appendChild(node); });
          link.appendChild(title);
          if (land.section && land.section !== title.textContent) {
            var section = document.createElement("span");
            section.className = "mb-search__section";
            var label = document.createElement("span");
            label.className = "mb-sr-only";
            label.textContent = root.getAttribute("data-section") + ": ";
            section.appendChild(label);
            section.appendChild(document.createTextNode(land.section));
            link.appendChild(section);
          }
          link.appendChild(excerpt);
          item.appendChild(link);
          list.appendChild(item);
        });
        more.hidden = shown >= results.length;
      });
    }

    /* The pages whose own name is what was typed (search.py, write_named): their paths from the
     * site's root, from the one small file of the index that lists that name. */
    var namedFiles = {};

    function named(query) {
      var name = key(query);
      var number = 0;
      for (var i = 0; i < name.length; i++) number += name.charCodeAt(i);  /* search.py, named_file */
      number %= index.named.files;
      if (!namedFiles[number]) {
        var file = new URL(index.named.folder + document.documentElement.lang + "/" + number + ".json", siteRoot);
        namedFiles[number] = fetch(file).then(function (r) { return r.ok ? r.json() : {}; }).catch(function () { return {}; });
      }
      return namedFiles[number].then(function (names) { return names[name] || []; });
    }

    /* The results with those pages first (a page's own name puts it first, however many pages
     * mention it: Pagefind ranks words, not names), in Pagefind's order, then the others. Finding
     * them means reading results (Pagefind loads each once); they rank high, so the first screen
     * of results, which is read anyway, mostly holds them; a few screens at most are read. */
    function namedFirst(all, paths) {
      var wanted = paths.map(function (path) { return siteRoot.pathname + path; });
      var first = [];
      function read(from) {
        if (first.length === wanted.length || from >= Math.min(all.length, NAMED_READ)) return Promise.resolve();
        return Promise.all(all.slice(from, from + PAGE).map(function (r) { return r.data(); })).then(function (pages) {
          pages.forEach(function (page, i) {
            if (wanted.indexOf(page.url.split("#")[0]) >= 0) first.push(all[from + i]);
          });
          return read(from + PAGE);
        });
      }
      return read(0).then(function () {
        return first.concat(all.filter(function (r) { return first.indexOf(r) < 0; }));
      });
    }

    /* A result on this very page keeps the query of the address: going there changes only the
     * #anchor, and the page is not loaded again. */
    function here(url) {
      var target = new URL(url, location.href);
      return target.pathname === location.pathname ? target.pathname + location.search + target.hash : url;
    }

    /* The query is kept in the address (?q=…), replaced as it is typed (no history entry per
     * keystroke): Back from a result, or a reload, shows the same results again. */
    function remember(query) {
      var url = new URL(location.href);
      if (query) url.searchParams.set("q", query);
      else url.searchParams.delete("q");
      if (url.href !== location.href) history.replaceState(history.state, "", url.href);
    }

    function run() {
      var query = input.value.trim();
      var token = ++seq;
      remember(query);
      if (!query) {
        clear();
        return;
      }
      panel.hidden = false;
      meta.textContent = root.getAttribute("data-loading");
      load().then(function (pf) {
        return Promise.all([pf.search(query), named(query)]);
      }).then(function (found) {
        return namedFirst(found[0].results, found[1]);
      }).then(function (found) {
        if (token !== seq) return;
        results = found;
        searched = query;
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
      remember("");
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
    /* back at a page whose address holds a query: its results, shown again (on a phone the box
     * opens over the header, without the keyboard, which would cover them) */
    var asked = new URL(location.href).searchParams.get("q");
    if (asked && asked.trim()) {
      input.value = asked;
      root.classList.add("mb-search--open");
      openButton.setAttribute("aria-expanded", "true");
      run();
    }
    /* a result on the page itself changes only the #anchor: the results step aside for the passage */
    window.addEventListener("hashchange", function () {
      panel.hidden = true;
      root.classList.remove("mb-search--open");
      openButton.setAttribute("aria-expanded", "false");
    });
  }

  /* Where a search result lands, and what it shows (issue 18). Pagefind splits a page into
   * sub-results at its headings with an id; the section with the best hits is the one shown (its
   * heading and passage), and the link goes to the nearest element with an id at or before the
   * best hit in it: a figure (#fig-…) or other passage when there is one, else the heading. A page
   * found by its name (its title, or its names in the index: search.py), or only by the index's
   * own fields (old names, words without diacritics), which are no part of its text, opens at its
   * top, with its first words as the passage: "ho so truc tuyen" shows what "Dossiers received
   * online" are, not the words that happen to start with "so". Returns the link and the section's
   * heading, and the passage's range of words: from the end of its heading to the next one, and
   * the best hit in it. */
  var NOT_A_PLACE = { INPUT: 1, SELECT: 1, TEXTAREA: 1, BUTTON: 1, OPTION: 1, LABEL: 1 };

  function landing(page, query) {
    var base = page.url.split("#")[0];
    var names = key((page.meta.title || "") + " " + (page.meta.names || "")).split(" ");
    if (key(query).split(" ").every(function (t) { return names.some(function (n) { return n.indexOf(t) === 0; }); })) {
      return { url: base, section: "", words: section(page, 0, 0) };
    }
    var best = null;
    var bestScore = -1;
    var bestAt = 0;
    (page.sub_results || []).forEach(function (sub) {
      var score = 0;
      var top = -1;
      var at = 0;
      (sub.weighted_locations || []).forEach(function (w) {
        score += w.balanced_score;
        if (w.balanced_score > top) {
          top = w.balanced_score;
          at = w.location;
        }
      });
      if (score > bestScore) {
        best = sub;
        bestScore = score;
        bestAt = at;
      }
    });
    var heading = best && best.anchor;
    var from = heading ? heading.location : 0;
    var place = heading || null;
    (page.anchors || []).forEach(function (a) {
      if (NOT_A_PLACE[(a.element || "").toUpperCase()]) return;
      if (best && a.location >= from && a.location <= bestAt && (!place || a.location > place.location)) place = a;
    });
    var atTop = !place || (place === heading && place.element === "h1");
    return {
      url: atTop ? base : base + "#" + encodeURIComponent(place.id),
      section: heading ? best.title : "",
      words: section(page, from, bestAt)
    };
  }

  /* The words of the section that starts at word `from`, as Pagefind splits a page (at headings
   * with an id and some text), its heading's own words left out: the result shows it apart. */
  function section(page, from, at) {
    var start = from;
    var end = Infinity;
    (page.anchors || []).forEach(function (a) {
      if (!/h\d/i.test(a.element || "") || !a.text || !/\S/.test(a.text)) return;
      if (a.location === from) start = from + a.text.trim().split(/\s+/).length;
      else if (a.location > from && a.location < end) end = a.location;
    });
    return { from: start, to: end, at: Math.max(at, start) };
  }

  /* A result's passage: up to EXCERPT words of its section (landing), as text with the words
   * found in <mark>s (built as nodes: nothing from the index is read as markup). A word found is,
   * without diacritics, the query or a word of it ("dak" marks "Đắk", which Pagefind finds through
   * the index's own fields), or starts with one of four letters or more ("dossier", "dossiers"), or
   * with the last, which may be still being typed; not any word that starts like a short syllable
   * ("so" is not "Sơn"), which Pagefind also locates. A Vietnamese word is often
   * two or three syllables ("giá trị", "báo cáo", "Đắk Nông"), so the passage starts where a
   * phrase does, not at any syllable: after a punctuation mark, else at the first of capitalised
   * syllables or numbers, up to BACK words before the best hit, else at the hit itself. "…" marks
   * where it cuts its section. A section that is only its heading (a unit's title, a heading
   * right below) shows what follows it. */
  var EXCERPT = 22;
  var BACK = 8;

  function passage(page, land, query) {
    var words = (page.content || "").split(/[\r\n\s]+/);  /* as Pagefind counts words (its locations) */
    var range = land.words;
    var end = Math.min(range.to, words.length);
    if (range.from >= end) end = words.length;
    var hit = Math.min(range.at, end - 1);
    var start = phraseStart(words, hit, range.from, true);
    if (start < 0) start = phraseStart(words, hit, range.from, false);
    if (start < 0) start = hit;
    while (start < end - 1 && !WORD_START.test(words[start])) start++;  /* an arrow, a dash: no word to start at */
    var whole = key(query);
    var terms = whole.split(" ");
    var last = terms[terms.length - 1];
    var nodes = [];
    if (words.slice(range.from, start).some(function (w) { return WORD_START.test(w); })) nodes.push(document.createTextNode("… "));
    for (var j = start; j < Math.min(end, start + EXCERPT); j++) {
      if (j > start) nodes.push(document.createTextNode(" "));
      var plain = key(words[j]);  /* "7.447" -> "7 447", "Nông," -> "nong" */
      if (plain === whole || terms.some(function (t) { return plain === t || (plain.indexOf(t) === 0 && (t.length > 3 || t === last)); })) {
        var mark = document.createElement("mark");
        mark.textContent = words[j];
        nodes.push(mark);
      } else {
        nodes.push(document.createTextNode(words[j]));
      }
    }
    if (start + EXCERPT < end) nodes.push(document.createTextNode(" …"));
    return nodes;
  }

  /* The nearest word at or up to BACK words before `hit` where a clause starts (at the start of
   * the section or after a punctuation mark) or, not `clause`, a name or number does (the first
   * of capitalised syllables or numbers); -1 if none. A punctuation mark is no word to start at. */
  var WORD_START = /^[\p{L}\p{N}“"«(]/u;
  var NAME_START = /^[“"«(]?[\p{Lu}\p{N}]/u;

  function phraseStart(words, hit, from, clause) {
    for (var i = hit; i >= Math.max(from, hit - BACK); i--) {
      if (!WORD_START.test(words[i])) continue;
      if (i === from || /[.,;:!?…)\]”"»]$/.test(words[i - 1])) return i;
      if (!clause && NAME_START.test(words[i]) && !NAME_START.test(words[i - 1])) return i;
    }
    return -1;
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

    /* A large country's home page lists only the provinces (pages.py, FINDER_UNITS): the other
     * units come from the site's API the first time a name is typed, each into its province. */
    var api = root.getAttribute("data-mb-finder-api");
    var loading = null;
    function loadAll() {
      if (!api || loading) return loading;
      var lang = document.documentElement.lang === "en" ? "en" : "vi";
      var siteRoot = new URL(root.getAttribute("data-mb-finder-root"), location.href);
      var levels = JSON.parse(root.getAttribute("data-mb-levels") || "{}");
      loading = fetch(new URL(api, location.href)).then(function (r) { return r.json(); }).then(function (data) {
        var byId = {};
        data.units.forEach(function (u) { byId[u.id] = u; });
        function nameOf(u) { var n = u.short_name || u.name; return (n && (n[lang] || n.vi)) || u.id; }
        data.units.forEach(function (u) {
          if (!u.parent || root.querySelector('[data-mb-id="' + CSS.escape(u.id) + '"]')) return;
          var top = u;
          while (top.parent && byId[top.parent]) top = byId[top.parent];
          var list = root.querySelector('[data-mb-group="' + CSS.escape(top.id) + '"] ul');
          if (!list) return;
          var li = document.createElement("li");
          li.setAttribute("data-mb-unit", "");
          li.setAttribute("data-mb-id", u.id);
          var a = document.createElement("a");
          a.href = new URL(u.page[lang], siteRoot).href;
          a.textContent = (u.name[lang] || u.name.vi);
          var level = document.createElement("span");
          level.className = "mb-level";
          level.textContent = levels[u.level] || u.level;
          li.append(a, " ", level);
          if (u.parent !== top.id && byId[u.parent]) {
            var parent = document.createElement("span");
            parent.className = "mb-finder__parent";
            parent.textContent = nameOf(byId[u.parent]);
            li.append(" ", parent);
          }
          li.mbKey = fold(li.textContent + " " + u.name.vi + " " + (u.name.en || ""));
          list.appendChild(li);
          units.push(li);
        });
      }).catch(function () { api = null; }).then(update);
      return loading;
    }

    province.addEventListener("change", update);
    name.addEventListener("input", function () { loadAll(); update(); });
    name.addEventListener("focus", loadAll);
    root.querySelector("form").addEventListener("submit", function (event) {
      event.preventDefault();
      var first = units.filter(function (u) { return !u.hidden; })[0];
      var link = first && first.querySelector("a");
      if (link) link.focus();
    });
    update();
  }

  /* ------------------------------------------------------------------ marks explain themselves (issue 18) */
  /* A mark (⚠ ≈ > ≥ < ≤, "est.", the uncertain "?", a partial period) is a link to its
   * explanation on the about page, its title the tooltip "<name in words>[: <note>]" and
   * data-mb-name the name (site_builder/publish/lang.py, Lang._mark_link). Here each becomes a
   * button (the WAI-ARIA toggletip: aria-expanded, and a live region that reads out what opens)
   * that shows in place the name, the note and a link to the explanation. One popup serves the
   * page: it is placed in the document right after the open mark, so that Tab goes from the mark
   * into it, and shown in the top layer (a popover), so that it neither widens a table's column
   * nor is cut off by a table that scrolls. Escape, a tap elsewhere or the mark again close it.
   * Browsers without popovers keep the links. */
  function setupMarks(links, more) {
    if (!links.length || !HTMLElement.prototype.hasOwnProperty("popover")) return;
    var tip = document.createElement("span");
    tip.className = "mb-tip";
    tip.id = "mb-tip";
    tip.setAttribute("popover", "manual");
    var status = document.createElement("span");
    status.className = "mb-sr-only";
    status.setAttribute("role", "status");
    document.body.appendChild(status);
    document.body.appendChild(tip);
    var current = null;

    Array.prototype.forEach.call(links, function (link) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = link.className;
      button.title = link.title;
      button.setAttribute("data-mb-name", link.getAttribute("data-mb-name"));
      button.setAttribute("data-mb-href", link.href);
      button.setAttribute("aria-expanded", "false");
      button.setAttribute("aria-controls", "mb-tip");
      /* Material's content.tooltips would take the title over ([title]:not([data-preview])) and
         show its own tooltip on focus, that is on every tap: the browser's own shows on hover */
      button.setAttribute("data-preview", "");
      while (link.firstChild) button.appendChild(link.firstChild);
      link.parentNode.replaceChild(button, link);
    });

    function place() {
      if (!current) return;
      var r = current.getBoundingClientRect();
      var width = document.documentElement.clientWidth;
      var left = Math.max(8, Math.min(r.left + r.width / 2 - tip.offsetWidth / 2, width - tip.offsetWidth - 8));
      var below = r.bottom + 6;
      var above = r.top - 6 - tip.offsetHeight;
      tip.style.left = left + "px";
      tip.style.top = (below + tip.offsetHeight > window.innerHeight && above > 0 ? above : below) + "px";
    }

    function close(refocus) {
      if (!current) return;
      var mark = current;
      current = null;
      tip.hidePopover();
      mark.setAttribute("aria-expanded", "false");
      status.textContent = "";
      if (refocus) mark.focus();
    }

    function open(mark) {
      close(false);
      var name = mark.getAttribute("data-mb-name");
      var title = mark.title;
      var note = title.indexOf(name + ": ") === 0 ? title.slice(name.length + 2) : title === name ? "" : title;
      tip.textContent = "";
      var strong = document.createElement("strong");
      strong.className = "mb-tip__name";
      strong.textContent = name;
      tip.appendChild(strong);
      if (note) {
        var text = document.createElement("span");
        text.className = "mb-tip__note";
        text.textContent = note;
        tip.appendChild(text);
      }
      var link = document.createElement("a");
      link.className = "mb-tip__more";
      link.href = mark.getAttribute("data-mb-href");
      link.textContent = more;
      tip.appendChild(link);
      mark.parentNode.insertBefore(tip, mark.nextSibling);
      current = mark;
      tip.showPopover();
      place();
      mark.setAttribute("aria-expanded", "true");
      status.textContent = name + (note ? ": " + note : "");
    }

    document.addEventListener("click", function (event) {
      var mark = event.target.closest && event.target.closest("button.mb-mark");
      if (mark) {
        if (mark === current) close(false);
        else open(mark);
      } else if (current && !tip.contains(event.target)) {
        close(false);
      }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && current) close(current === document.activeElement || tip.contains(document.activeElement));
    });
    window.addEventListener("resize", place);
    document.addEventListener("scroll", place, true);
  }

  /* ------------------------------------------------------------------ report pages: a figure's source
   * Each value of a report's figures is the summary of a <details> holding its source (the
   * sentence, its place in the document, the note, the id). Without this script it opens in place;
   * with it (html.mb-src-js) it opens as a card over the page, one at a time, closed by Escape, its
   * close button or a click elsewhere. Links from unit and indicator pages, the changelog and the API
   * point at reports/<id>/#fig-<id>, the figure's row or cell (highlighted by CSS :target): arriving
   * there opens that figure's source, as the page did when each figure was a card. A mark in the
   * card opens its own explanation (setupMarks) inside the card, which stays open. */
  function setupFigureSources() {
    if (!document.querySelector("details.mb-src")) return;
    document.documentElement.classList.add("mb-src-js");

    function close(except) {
      document.querySelectorAll("details.mb-src[open]").forEach(function (d) {
        if (d !== except) d.open = false;
      });
    }

    function closeAndFocus(details) {
      details.open = false;
      details.querySelector("summary").focus();
    }

    function showTarget() {
      var id;
      try {
        id = decodeURIComponent(location.hash.slice(1));
      } catch (e) {
        return;
      }
      var target = id.indexOf("fig-") === 0 && document.getElementById(id);
      var details = target && target.querySelector("details.mb-src");
      if (details) details.open = true;
    }

    document.addEventListener("toggle", function (event) {
      if (event.target.matches && event.target.matches("details.mb-src") && event.target.open) close(event.target);
    }, true);
    document.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest(".mb-src__close");
      if (button) closeAndFocus(button.closest("details"));
      else if (!(event.target.closest && event.target.closest("details.mb-src"))) close(null);
    });
    document.addEventListener("keydown", function (event) {
      var open = document.querySelector("details.mb-src[open]");
      var tip = document.getElementById("mb-tip");  /* a mark's explanation open in the card: Escape closes that first */
      if (event.key === "Escape" && open && !(tip && tip.matches(":popover-open"))) closeAndFocus(open);
    }, true);
    showTarget();
    window.addEventListener("hashchange", showTarget);
  }

  /* ------------------------------------------------------------------ long tables (issue 19) */
  /* A table of the site's list component (templates/pages/_macros.j2, data_table) is a plain
   * table without this script. Here it gains, above it, a filter that ignores accents and a sort
   * choice (a phone shows no header row: its rows are blocks), its sortable headers become
   * buttons that say their order (aria-sort), a status line counts the rows shown, and a table
   * wider than its box says that it scrolls. Sorting moves rows; the page's order comes back
   * with "The page's order". */
  var TOOLS_FROM = 8; /* fewer rows are read at a glance: no controls */

  function setupTables() {
    var format = new Intl.NumberFormat(document.documentElement.lang || undefined);
    var collator = new Intl.Collator(document.documentElement.lang || undefined, { numeric: true, sensitivity: "base" });
    document.querySelectorAll("[data-mb-table]").forEach(function (box, index) {
      var table = box.querySelector("table");
      var body = table && table.tBodies[0];
      if (!body) return;
      var words = {};
      try { words = JSON.parse(box.getAttribute("data-mb-words") || "{}"); } catch (e) { words = {}; }
      var rows = Array.prototype.slice.call(body.rows);
      rows.forEach(function (row, i) { row.mbIndex = i; row.mbKey = fold(row.textContent); });
      var heads = Array.prototype.slice.call(table.tHead ? table.tHead.rows[0].cells : []);
      var sortable = heads.filter(function (th) { return th.hasAttribute("data-mb-sort"); });
      if (rows.length < TOOLS_FROM) return;

      function sortKey(row, column) {
        var cell = row.cells[column];
        if (!cell) return null;
        var given = cell.getAttribute("data-sort");
        var text = given !== null ? given : cell.textContent.trim();
        return text === "" || text === "—" ? null : text;
      }

      function sortBy(column, descending) {
        var numeric = heads[column] && heads[column].getAttribute("data-mb-sort") === "num";
        var order = rows.slice();
        if (column >= 0) {
          order.sort(function (a, b) {
            var x = sortKey(a, column), y = sortKey(b, column);
            if (x === null || y === null) return x === y ? a.mbIndex - b.mbIndex : x === null ? 1 : -1; /* no value: last, either way */
            var c = numeric ? parseFloat(x) - parseFloat(y) : collator.compare(x, y);
            return (descending ? -c : c) || a.mbIndex - b.mbIndex;
          });
        }
        order.forEach(function (row) { body.appendChild(row); });
        heads.forEach(function (th, i) {
          if (!th.hasAttribute("data-mb-sort")) return;
          if (i === column) th.setAttribute("aria-sort", descending ? "descending" : "ascending");
          else th.removeAttribute("aria-sort");
        });
        choice.value = column >= 0 ? column + (descending ? ":d" : ":a") : "";
      }

      /* the controls: a filter, a sort choice, the count */
      var tools = document.createElement("div");
      tools.className = "mb-table__tools";
      var id = "mb-table-" + index;
      /* built element by element: the script never parses markup */
      function field(control) {
        var box = document.createElement("div"), label = document.createElement("label");
        box.className = "mb-table__field";
        box.append(label, control);
        tools.appendChild(box);
        return label;
      }
      var input = document.createElement("input");
      input.type = "search";
      input.autocomplete = "off";
      input.spellcheck = false;
      input.setAttribute("autocapitalize", "off");
      input.setAttribute("enterkeyhint", "search");
      var choice = document.createElement("select");
      var labels = [field(input), field(choice)];
      var count = document.createElement("p");
      count.className = "mb-table__count";
      count.setAttribute("role", "status");
      tools.appendChild(count);
      labels[0].textContent = words.filter || "";
      labels[0].htmlFor = input.id = id + "-filter";
      input.title = words.filter_help || "";
      input.placeholder = words.filter_help || "";
      labels[1].textContent = words.sort || "";
      labels[1].htmlFor = choice.id = id + "-sort";
      choice.add(new Option(words.given || "", ""));
      sortable.forEach(function (th) {
        var column = heads.indexOf(th), name = th.textContent.trim();
        choice.add(new Option(name + " (" + (words.ascending || "") + ")", column + ":a"));
        choice.add(new Option(name + " (" + (words.descending || "") + ")", column + ":d"));
      });
      box.parentNode.insertBefore(tools, box);
      table.setAttribute("aria-describedby", (table.getAttribute("aria-describedby") ? table.getAttribute("aria-describedby") + " " : "") + id + "-count");
      count.id = id + "-count";

      function filter() {
        var wanted = fold(input.value).split(" ").filter(Boolean);
        var shown = 0;
        rows.forEach(function (row) {
          var match = wanted.every(function (w) { return row.mbKey.indexOf(w) >= 0; });
          row.hidden = !match;
          if (match) shown++;
        });
        count.textContent = shown === 0 ? words.none || "" :
          (words.count || "").replace("{shown}", format.format(shown)).replace("{total}", format.format(rows.length));
        box.classList.toggle("mb-table--empty", shown === 0);
      }

      sortable.forEach(function (th) {
        var column = heads.indexOf(th);
        var button = document.createElement("button");
        button.type = "button";
        button.className = "mb-sort";
        while (th.firstChild) button.appendChild(th.firstChild);
        th.appendChild(button);
        button.addEventListener("click", function () {
          sortBy(column, th.getAttribute("aria-sort") === "ascending");
        });
      });
      choice.addEventListener("change", function () {
        var v = choice.value.split(":");
        sortBy(v[0] === "" ? -1 : parseInt(v[0], 10), v[1] === "d");
      });
      input.addEventListener("input", filter);
      tools.addEventListener("submit", function (e) { e.preventDefault(); });
      filter();
    });
  }

  /* A table wider than its box says so, above it, and its box shows a shadow on the side that
   * hides columns (extra.css); checked again when the window's width changes. */
  function showScrolling(wraps, words) {
    var boxes = Array.prototype.map.call(wraps, function (wrap) {
      var hint = document.createElement("p");
      hint.className = "mb-table__scrolls";
      hint.textContent = words;
      hint.hidden = true;
      wrap.parentNode.insertBefore(hint, wrap);
      return { wrap: wrap, hint: hint };
    });
    function check() {
      boxes.forEach(function (b) {
        var scrolls = b.wrap.scrollWidth > b.wrap.clientWidth + 1;
        b.hint.hidden = !scrolls;
        b.wrap.classList.toggle("mb-scrolls", scrolls);
      });
    }
    check();
    window.addEventListener("resize", check);
  }

  /* ------------------------------------------------------------------ report pages: report an error
   * The report's link (#mb-report-error, site_builder/publish/report_error.py) carries a figure
   * issue's form: GitHub's address, a title with the blank {id} and a body with {id} and {figure}.
   * Each figure's link in its source becomes that form filled in: the figure's id (its anchor,
   * fig-<id>) and the line its source shows (value, indicator, breakdown, period), read without the
   * words kept for screen readers, so that "≈ 7.447" reads as shown. Without this script a
   * figure's link leads to the report's. */
  function setupIssueLinks() {
    var report = document.getElementById("mb-report-error");
    if (!report) return;
    var form = JSON.parse(report.getAttribute("data-mb-issue"));
    document.querySelectorAll(".mb-src__report > a").forEach(function (link) {
      var row = link.closest("[id^='fig-']");
      var what = link.closest(".mb-src__body").querySelector(".mb-src__what");
      if (!row || !what) return;
      var shown = what.cloneNode(true);
      shown.querySelectorAll(".mb-sr-only").forEach(function (hidden) { hidden.remove(); });
      var fill = function (text) {
        return text.split("{figure}").join(shown.textContent.replace(/\s+/g, " ").trim()).split("{id}").join(row.id.slice(4));
      };
      link.href = form.url + "?title=" + encodeURIComponent(fill(form.title)) + "&body=" + encodeURIComponent(fill(form.body));
    });
  }

  /* ------------------------------------------------------------------ compare two units (compare.md) */
  /* Two pickers find units by name (accents optional, as the finder) in api/units.json; the
   * chosen ids live in the address (?a=<id>&b=<id>), so that the page is its own share link. Both
   * units' figures come from api/units/<id>.json: for each indicator both have, the latest value
   * of each, side by side. Two values compare only for the very same period (content/periods.py,
   * comparable: a running total compares with nothing); any other pair is shown and marked. */
  function setupCompare(root) {
    var words = JSON.parse(root.getAttribute("data-mb-words") || "{}");
    var levels = JSON.parse(root.getAttribute("data-mb-levels") || "{}");
    var api = new URL(root.getAttribute("data-mb-api"), location.href);
    var siteRoot = new URL(root.getAttribute("data-mb-root"), location.href);
    var lang = document.documentElement.lang === "en" ? "en" : "vi";
    var status = root.querySelector("[data-mb-compare-status]");
    var result = root.querySelector("[data-mb-compare-result]");
    var form = root.querySelector("form");
    root.querySelector("[data-mb-compare-nojs]").hidden = true;
    form.hidden = false;
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    var fmt = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
    var state = { a: null, b: null };
    var units = null, byId = {}, indicators = null, cache = {};

    function json(path) { return fetch(new URL(path, api)).then(function (r) { if (!r.ok) throw new Error(path); return r.json(); }); }
    function text(t) { return t ? (t[lang] || t.vi) : ""; }
    function nameOf(u) { return text(u.name) || u.id; }
    function say(key, n) { status.textContent = (words[key] || "").replace("{n}", n === undefined ? "" : fmt.format(n)); }

    function quantity(value, unit) {
      if (unit === "percent" || unit === "percent_of_plan") return fmt.format(value) + "%";
      if (unit === "vnd" || unit === "million_vnd") return fmt.format(value) + " " + words["mu." + unit];
      return fmt.format(value);
    }

    var pickers = {};
    root.querySelectorAll("[data-mb-side]").forEach(function (box) {
      var side = box.getAttribute("data-mb-side");
      var input = box.querySelector("input");
      var list = box.querySelector("ul");
      var chosen = box.querySelector("[data-mb-chosen]");
      pickers[side] = { input: input, list: list, chosen: chosen, matches: matches };
      function matches() {
        var wanted = fold(input.value).split(" ").filter(Boolean);
        list.replaceChildren();
        if (!wanted.length || !units) { list.hidden = true; return; }
        var found = units.filter(function (u) { return wanted.every(function (w) { return u.mbKey.indexOf(w) >= 0; }); }).slice(0, 8);
        found.forEach(function (u) {
          var li = document.createElement("li");
          var button = document.createElement("button");
          button.type = "button";
          button.className = "mb-compare__match";
          button.textContent = nameOf(u);
          var level = document.createElement("span");
          level.className = "mb-level";
          level.textContent = levels[u.level] || u.level;
          button.append(" ", level);
          if (u.parent && byId[u.parent]) {
            var parent = document.createElement("span");
            parent.className = "mb-finder__parent";
            parent.textContent = nameOf(byId[u.parent]);
            button.append(" ", parent);
          }
          button.addEventListener("click", function () { choose(side, u.id, true); });
          li.appendChild(button);
          list.appendChild(li);
        });
        if (!found.length) {
          var none = document.createElement("li");
          none.textContent = words.finder_none;
          list.appendChild(none);
        }
        list.hidden = false;
      }
      input.addEventListener("input", matches);
      input.addEventListener("keydown", function (event) {
        if (event.key !== "Enter") return;
        event.preventDefault();
        var first = list.querySelector("button");
        if (first) first.click();
      });
    });

    function choose(side, id, fromUser) {
      var u = byId[id];
      if (!u) return;
      state[side] = id;
      var p = pickers[side];
      p.list.hidden = true;
      p.list.replaceChildren();
      p.input.value = nameOf(u);
      p.chosen.replaceChildren();
      var parts = words["compare.chosen"].split("{name}");
      var link = document.createElement("a");
      link.href = new URL(u.page[lang], siteRoot).href;
      link.textContent = nameOf(u);
      p.chosen.append(parts[0], link, parts[1] || "");
      var query = new URLSearchParams();
      if (state.a) query.set("a", state.a);
      if (state.b) query.set("b", state.b);
      history.replaceState(null, "", "?" + query.toString() + location.hash);
      if (fromUser) show();
    }

    function latest(figures, id) {
      var out = {};
      figures.forEach(function (f) {
        if (f.unit !== id || f.breakdown || f.status !== "reported" || f.value === null) return;
        var key = [f.period_end, f.period_start || "", f.id].join(" ");
        if (!out[f.indicator] || out[f.indicator].key < key) out[f.indicator] = { key: key, f: f };
      });
      return out;
    }

    function cell(f, unit, label) {
      var td = document.createElement("td");
      td.className = "mb-num";
      td.setAttribute("data-label", label);
      var before = words["q." + f.qualifier];
      if (before && f.qualifier !== "estimated") td.append(before + "\u00a0");
      var a = document.createElement("a");
      a.href = new URL(f.provenance.page[lang], siteRoot).href;
      a.title = words["compare.source"] + ": " + f.provenance.quote;
      a.textContent = quantity(f.value, unit);
      td.appendChild(a);
      if (f.qualifier === "estimated") td.append(" (" + words["q.estimated"] + ")");
      var when = document.createElement("span");
      when.className = "mb-cell-period";
      when.textContent = text(f.period_label);
      td.appendChild(when);
      return td;
    }

    function show() {
      result.replaceChildren();
      if (!state.a || !state.b) { say("compare.pick_two"); return; }
      say("compare.loading");
      var ids = [state.a, state.b];
      Promise.all([indicators || json("indicators.json")].concat(ids.map(function (id) {
        return cache[id] || (cache[id] = json("units/" + encodeURIComponent(id) + ".json"));
      }))).then(function (data) {
        indicators = data[0];
        if (state.a !== ids[0] || state.b !== ids[1]) return;
        var A = latest(data[1].figures, ids[0]), B = latest(data[2].figures, ids[1]);
        var names = [nameOf(byId[ids[0]]), nameOf(byId[ids[1]])];
        var rows = indicators.indicators.filter(function (ind) { return A[ind.id] && B[ind.id]; });
        if (!rows.length) { say("compare.none"); return; }
        say("compare.count", rows.length);
        var wrap = document.createElement("div");
        wrap.className = "mb-table mb-stack mb-compare__table";
        var scroll = document.createElement("div");
        scroll.className = "md-typeset__scrollwrap";
        var inner = document.createElement("div");
        inner.className = "md-typeset__table";
        var table = document.createElement("table");
        var head = document.createElement("tr");
        [words.indicator].concat(names).forEach(function (label, i) {
          var th = document.createElement("th");
          th.scope = "col";
          if (i) th.className = "mb-num";
          th.textContent = label;
          head.appendChild(th);
        });
        var thead = document.createElement("thead");
        thead.appendChild(head);
        var tbody = document.createElement("tbody");
        rows.forEach(function (ind) {
          var fa = A[ind.id].f, fb = B[ind.id].f;
          var tr = document.createElement("tr");
          var th = document.createElement("th");
          th.scope = "row";
          var link = document.createElement("a");
          link.href = new URL(ind.page[lang], siteRoot).href;
          link.textContent = text(ind.name);
          th.appendChild(link);
          var same = fa.period === fb.period && fa.period_kind !== "to_date";
          if (!same) {
            tr.className = "mb-compare__apart";
            var note = document.createElement("span");
            note.className = "mb-compare__note";
            note.textContent = words[fa.period_kind === "to_date" && fb.period_kind === "to_date" ? "compare.running" : "compare.not_comparable"];
            th.append(" ", note);
          }
          tr.append(th, cell(fa, ind.unit, names[0]), cell(fb, ind.unit, names[1]));
          tbody.appendChild(tr);
        });
        table.append(thead, tbody);
        inner.appendChild(table);
        scroll.appendChild(inner);
        wrap.appendChild(scroll);
        var foot = document.createElement("p");
        foot.className = "mb-compare__foot";
        foot.append(words["compare.only_reported"] + " ");
        var share = document.createElement("a");
        share.href = location.href;
        share.textContent = words["compare.share"];
        foot.appendChild(share);
        result.append(wrap, foot);
      }).catch(function () { say("compare.failed"); });
    }

    json("units.json").then(function (data) {
      units = data.units;
      units.forEach(function (u) {
        byId[u.id] = u;
        u.mbKey = fold(u.name.vi + " " + (u.name.en || "") + (u.short_name ? " " + u.short_name.vi + " " + (u.short_name.en || "") : ""));
      });
      var query = new URLSearchParams(location.search);
      ["a", "b"].forEach(function (side) { if (query.get(side)) choose(side, query.get(side), false); });
      // a name typed while the list of units was still loading is matched now, not at the next key
      Object.keys(pickers).forEach(function (side) { if (pickers[side].input.value && !query.get(side)) pickers[side].matches(); });
      show();
    }).catch(function () { say("compare.failed"); });
  }

  /* Charts (issue 20): the SVG and PNG downloads framed like the page shows them (title,
   * subtitle, the chart, source, credit and address), the PNG drawn here from the SVG so that no
   * PNG is made per chart at build time; the embed code; a share link. Without the script the
   * SVG, CSV and embed links still work as plain links. */
  var SVGNS = "http://www.w3.org/2000/svg";
  var FRAME_WIDTH = 720, PAD = 16;

  function wrapText(text, font, width) {
    var ctx = document.createElement("canvas").getContext("2d");
    ctx.font = font;
    var lines = [];
    text.split(/\s+/).forEach(function (word) {
      if (!word) return;
      var last = lines.length ? lines[lines.length - 1] + " " + word : word;
      if (lines.length && ctx.measureText(last).width <= width) lines[lines.length - 1] = last;
      else lines.push(word);
    });
    return lines;
  }

  function svgText(parent, x, y, text, size, weight, fill) {
    var t = document.createElementNS(SVGNS, "text");
    t.setAttribute("x", x);
    t.setAttribute("y", y);
    // inline style: the chart's own stylesheet (text{font-size:12px}) applies to the whole framed document
    t.setAttribute("style", "font-family:DejaVu Sans,Noto Sans,Arial,sans-serif;font-size:" + size + "px;font-weight:" +
      (weight || "normal") + ";fill:" + (fill || "#1a1a1a"));
    t.textContent = text;
    parent.appendChild(t);
  }

  function framedChart(fig) {
    var img = fig.querySelector("img");
    return fetch(img.currentSrc || img.src).then(function (r) { return r.text(); }).then(function (text) {
      var chart = new DOMParser().parseFromString(text, "image/svg+xml").documentElement;
      var inner = FRAME_WIDTH - 2 * PAD;
      var pick = function (sel) { var el = fig.querySelector(sel); return el ? el.textContent.replace(/\s+/g, " ").trim() : ""; };
      var tools = fig.querySelector(".mb-chart__tools");
      var blocks = [
        [wrapText(pick(".mb-chart__title"), "bold 18px DejaVu Sans, sans-serif", inner), 18, "bold", "#1a1a1a"],
        [wrapText(pick(".mb-chart__subtitle"), "14px DejaVu Sans, sans-serif", inner), 14, "", "#4d4d4d"],
      ];
      var foot = [
        [wrapText(pick(".mb-chart__source"), "12px DejaVu Sans, sans-serif", inner), 12, "", "#4d4d4d"],
        [wrapText((tools.getAttribute("data-credit") || "") + " · " + location.href.split("#")[0], "12px DejaVu Sans, sans-serif", inner), 12, "", "#4d4d4d"],
      ];
      var out = document.createElementNS(SVGNS, "svg");
      out.setAttribute("xmlns", SVGNS);
      out.setAttribute("width", FRAME_WIDTH);
      var bg = document.createElementNS(SVGNS, "rect");
      bg.setAttribute("width", "100%");
      bg.setAttribute("height", "100%");
      bg.setAttribute("fill", "#fff");
      out.appendChild(bg);
      var y = PAD;
      var write = function (list) {
        list.forEach(function (b) {
          b[0].forEach(function (line) { y += b[1] * 1.35; svgText(out, PAD, y, line, b[1], b[2], b[3]); });
          y += 6;
        });
      };
      write(blocks);
      var h = parseFloat(chart.getAttribute("height")) || 300;
      chart.setAttribute("x", PAD);
      chart.setAttribute("y", y + 4);
      chart.setAttribute("width", inner);
      out.appendChild(document.importNode(chart, true));
      y += h + 12;
      write(foot);
      out.setAttribute("height", Math.ceil(y + PAD));
      var title = document.createElementNS(SVGNS, "title");
      title.textContent = pick(".mb-chart__title");
      out.insertBefore(title, out.firstChild);
      return { text: new XMLSerializer().serializeToString(out), width: FRAME_WIDTH, height: Math.ceil(y + PAD) };
    });
  }

  function toPng(framed) {
    return new Promise(function (resolve, reject) {
      var url = URL.createObjectURL(new Blob([framed.text], { type: "image/svg+xml" }));
      var image = new Image();
      image.onload = function () {
        var canvas = document.createElement("canvas");
        canvas.width = framed.width * 2;
        canvas.height = framed.height * 2;
        var ctx = canvas.getContext("2d");
        ctx.scale(2, 2);
        ctx.drawImage(image, 0, 0, framed.width, framed.height);
        URL.revokeObjectURL(url);
        canvas.toBlob(function (blob) { if (blob) resolve(blob); else reject(new Error("png")); }, "image/png");
      };
      image.onerror = function () { URL.revokeObjectURL(url); reject(new Error("svg")); };
      image.src = url;
    });
  }

  function save(blob, name) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  function setupCharts() {
    document.querySelectorAll(".mb-chart__tools[data-mb-chart]").forEach(function (tools) {
      var fig = tools.closest("figure");
      var id = tools.getAttribute("data-mb-chart");
      var svgLink = tools.querySelector(".mb-chart__svg");
      var embed = tools.querySelector(".mb-chart__embed");
      var share = tools.querySelector(".mb-chart__share");
      if (!fig || !fig.querySelector("img") || !svgLink) return;
      var status = document.createElement("output");
      status.setAttribute("aria-live", "polite");
      status.hidden = true;
      var say = function (text) { status.textContent = text; status.hidden = !text; };
      var png = document.createElement("button");
      png.type = "button";
      png.className = "mb-chart__png";
      png.textContent = tools.getAttribute("data-png");
      svgLink.after(png);
      png.addEventListener("click", function () {
        framedChart(fig).then(toPng).then(function (blob) { save(blob, id + ".png"); }).catch(function () {});
      });
      svgLink.addEventListener("click", function (event) {
        event.preventDefault();
        framedChart(fig).then(function (framed) {
          save(new Blob([framed.text], { type: "image/svg+xml" }), id + ".svg");
        }).catch(function () { location.href = svgLink.href; });
      });
      var box = null;
      if (embed) embed.addEventListener("click", function (event) {
        event.preventDefault();
        if (box) { box.remove(); box = null; embed.setAttribute("aria-expanded", "false"); return; }
        box = document.createElement("div");
        box.className = "mb-chart__embedcode";
        var label = document.createElement("label");
        var area = document.createElement("textarea");
        area.readOnly = true;
        area.rows = 3;
        var height = (parseFloat(fig.querySelector("img").getAttribute("height")) || 300) + 140;
        area.value = '<iframe src="' + new URL(embed.getAttribute("href"), location.href).href + '" width="100%" height="' +
          Math.ceil(height) + '" style="border:0" title="' + (fig.querySelector(".mb-chart__title").textContent || "").replace(/"/g, "&quot;") + '"></iframe>';
        label.textContent = tools.getAttribute("data-embed-help");
        label.appendChild(area);
        box.appendChild(label);
        tools.appendChild(box);
        embed.setAttribute("aria-expanded", "true");
        area.focus();
        area.select();
      });
      if (share) share.addEventListener("click", function (event) {
        event.preventDefault();
        var url = location.href.split("#")[0] + "#" + fig.id;
        var title = fig.querySelector(".mb-chart__title").textContent;
        if (navigator.share) { navigator.share({ title: title, url: url }).catch(function () {}); return; }
        var copied = function () { say(tools.getAttribute("data-copied") + ": " + url); };
        if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(url).then(copied, copied);
        else copied();
      });
      tools.appendChild(status);
    });
  }

  function start() {
    var search = document.querySelector("[data-mb-search]");
    if (search) setupSearch(search);
    var finder = document.querySelector("[data-mb-finder]");
    if (finder) setupFinder(finder);
    var compare = document.querySelector("[data-mb-compare]");
    if (compare) setupCompare(compare);
    var article = document.querySelector("[data-mb-mark-more]");
    if (article) setupMarks(article.querySelectorAll("a.mb-mark[data-mb-name]"), article.getAttribute("data-mb-mark-more"));
    if (article) showScrolling(article.querySelectorAll(".md-typeset__scrollwrap"), article.getAttribute("data-mb-scrolls") || "");
    setupFigureSources();
    setupTables();
    setupIssueLinks();
    setupCharts();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
