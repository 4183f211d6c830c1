/* Fit every slide of the deck into reveal's frame, from what the slide holds (any notebook).
 *
 * Runs once, when reveal is ready and before any chart is drawn. For each slide, the first
 * block that reaches below the frame decides:
 * - a table row or a list item: it and everything after it continue on a new slide after this
 *   one, headed "<the slide's heading> (continued)", the table's caption and header repeated
 *   and a numbered list numbered on; if fewer than MIN_ROWS rows would stay or go, prose before
 *   the table moves to the speaker notes first, so that no slide holds a row or two alone;
 * - prose (a paragraph, a quotation, preformatted text): it moves to the speaker notes (S);
 * - anything else (a chart, a fragment, an image): it and what follows continue on a new slide.
 * A chart takes the room left on its slide (at least MIN_CHART px): charts.js draws it there.
 * A chart whose figure says how it may be cut into pages (layout.meta.pages, see charts.js)
 * first becomes one chart per page, each page on a slide of its own marked "continued", with
 * room for the page at PAGE_ZOOM times its size at least; what followed the chart follows its
 * last page.
 */
(function () {
  "use strict";
  var MIN_CHART = 340;
  var MIN_ROWS = 3;
  var PAGE_ZOOM = 1.45;
  var LABEL = 80; // characters: a line that introduces a table or a list
  var PROSE = ["P", "BLOCKQUOTE", "PRE", "DL"];
  var HEADING = /^H[1-6]$/;

  function leaves() {
    return Array.prototype.slice.call(document.querySelectorAll(".reveal .slides > section > section"));
  }

  function content(leaf) {
    return Array.prototype.filter.call(leaf.children, function (child) {
      return !child.matches("aside.notes");
    });
  }

  // The rows or items a block can be split between, or none.
  function pieces(block) {
    var table = block.matches("table") ? block : block.matches("div.output-html") && block.querySelector("table");
    if (table && table.tBodies.length === 1) return Array.prototype.slice.call(table.tBodies[0].rows);
    if (block.matches("ul, ol")) return Array.prototype.slice.call(block.children);
    return [];
  }

  // Layout pixels from the top of the leaf (reveal scales the slides with a transform).
  function bottomOf(leaf, element) {
    var frame = leaf.getBoundingClientRect();
    var scale = frame.height / leaf.offsetHeight || 1;
    return (element.getBoundingClientRect().bottom - frame.top) / scale;
  }

  function limitOf(leaf) {
    return leaf.clientHeight - parseFloat(getComputedStyle(leaf).paddingBottom);
  }

  // The first block (or row, or item) that reaches below the frame, with what it belongs to.
  function overflow(leaf) {
    var limit = limitOf(leaf) + 0.5;
    var blocks = content(leaf);
    for (var b = 0; b < blocks.length; b++) {
      var margin = parseFloat(getComputedStyle(blocks[b]).marginBottom) || 0;
      if (bottomOf(leaf, blocks[b]) + margin <= limit) continue;
      var parts = pieces(blocks[b]);
      var table = blocks[b].matches("table") ? blocks[b] : blocks[b].querySelector("table");
      if (table && parts.length) freeze(table);
      // What the block holds below its last row or item (a border, a note, its margin) stays.
      var tail = parts.length
        ? bottomOf(leaf, blocks[b]) + margin - bottomOf(leaf, parts[parts.length - 1])
        : 0;
      for (var p = 0; p < parts.length; p++) {
        if (bottomOf(leaf, parts[p]) + tail > limit) {
          return { block: blocks[b], piece: p > 0 ? parts[p] : null, kept: p };
        }
      }
      return { block: blocks[b], piece: null, kept: 0 };
    }
    return null;
  }

  function notesOf(leaf) {
    var notes = leaf.querySelector("aside.notes");
    if (!notes) {
      notes = document.createElement("aside");
      notes.className = "notes";
      leaf.appendChild(notes);
    }
    return notes;
  }

  function toNotes(leaf, element) {
    var notes = notesOf(leaf);
    var marker = notes.querySelector(".moved-from-slide");
    if (!marker) {
      marker = document.createElement("div");
      marker.className = "moved-from-slide";
      notes.insertBefore(marker, notes.firstChild);
    }
    marker.appendChild(element);
  }

  // The heading a continuation slide repeats: this slide's, or the slide group's first one.
  function headingFor(leaf) {
    var own = content(leaf).filter(function (el) { return HEADING.test(el.tagName); })[0];
    return own || leaf.parentElement.querySelector("h1, h2, h3");
  }

  function continuationOf(leaf) {
    var next = document.createElement("section");
    next.className = "continued";
    var heading = headingFor(leaf);
    var title = document.createElement(heading ? heading.tagName : "h2");
    title.textContent = (heading ? heading.textContent.replace(/\s*\(continued\)$/, "") : "") + " (continued)";
    next.appendChild(title);
    leaf.after(next);
    return next;
  }

  // A shallow copy of a table or list that keeps what a reader needs to read its rest.
  function shellOf(element, kept) {
    var shell = element.cloneNode(false);
    if (element.matches("table")) {
      Array.prototype.forEach.call(element.children, function (child) {
        if (child.matches("caption, thead, colgroup")) shell.appendChild(child.cloneNode(true));
      });
      if (shell.caption) shell.caption.textContent += " (continued)";
    }
    if (element.matches("ol")) shell.start = (element.start || 1) + kept;
    return shell;
  }

  // Fix a table's column widths as they are with all its rows: split, each part would
  // otherwise size its columns anew and its rows would grow taller than measured.
  function freeze(table) {
    if (table.style.tableLayout === "fixed") return;
    var first = table.rows[0];
    if (!first) return;
    var widths = Array.prototype.map.call(first.cells, function (cell) { return cell.offsetWidth; });
    Array.prototype.forEach.call(first.cells, function (cell, i) {
      cell.style.boxSizing = "border-box";
      cell.style.width = widths[i] + "px";
    });
    table.style.tableLayout = "fixed";
  }

  // Move `piece` and all that follows it, up to the leaf, into `target`, inside shells of the
  // table or list it belongs to; what follows each of those moves along, in order.
  function moveFrom(leaf, piece, target, kept) {
    var chain = [];
    for (var node = piece; node !== leaf; node = node.parentElement) chain.unshift(node);
    var holders = [target];
    chain.slice(0, -1).forEach(function (node) {
      var shell = shellOf(node, kept);
      holders[holders.length - 1].appendChild(shell);
      holders.push(shell);
    });
    for (var depth = chain.length - 1; depth >= 0; depth--) {
      var rest = [];
      var first = depth === chain.length - 1 ? piece : chain[depth].nextElementSibling;
      for (var n = first; n; n = n.nextElementSibling) {
        if (!n.matches("aside.notes")) rest.push(n);
      }
      rest.forEach(function (el) { holders[depth].appendChild(el); });
    }
  }

  function isProse(element) {
    return PROSE.indexOf(element.tagName) >= 0;
  }

  function firstContent(leaf) {
    return content(leaf).filter(function (el) {
      return !(HEADING.test(el.tagName) && el === content(leaf)[0]);
    })[0];
  }

  // Prose before `block` on this leaf, last first: what may go to the notes to make room. A
  // short line just before the block is its label ("Questions for discussion:"): it stays.
  function proseBefore(leaf, block) {
    var before = content(leaf).slice(0, content(leaf).indexOf(block));
    var last = before[before.length - 1];
    if (last && last.textContent.length <= LABEL) before.pop();
    return before.filter(isProse).reverse();
  }

  function fitLeaf(leaf) {
    for (;;) {
      var over = overflow(leaf);
      if (!over) return null;
      var block = over.block;
      if (isProse(block)) {
        toNotes(leaf, block);
        continue;
      }
      var room = proseBefore(leaf, block);
      var rows = pieces(block).length;
      var few = over.kept < MIN_ROWS || rows - over.kept < MIN_ROWS;
      if (few && rows > over.kept && room.length) {
        toNotes(leaf, room[0]);
        continue;
      }
      if (!over.piece && block === firstContent(leaf)) {
        leaf.dataset.overflow = "true"; // cannot fit even alone: left as is, the tests say so
        return null;
      }
      var next = continuationOf(leaf);
      moveFrom(leaf, over.piece || block, next, over.kept);
      return next;
    }
  }

  function show(leaf) {
    var saved = [leaf.style.display, leaf.parentElement.style.display];
    leaf.parentElement.style.display = "block";
    leaf.style.display = "block";
    return function () {
      leaf.style.display = saved[0];
      leaf.parentElement.style.display = saved[1];
    };
  }

  // The block of `leaf` that holds `element`.
  function blockOf(leaf, element) {
    while (element.parentElement !== leaf) element = element.parentElement;
    return element;
  }

  // Each paged chart of the leaf as one chart per page, pages after the first on slides of
  // their own; every page's chart gets room for its page at PAGE_ZOOM.
  function splitPages(leaf) {
    Array.prototype.forEach.call(leaf.querySelectorAll("div.chart[data-figure]"), function (chart) {
      if (chart.dataset.page) return;
      var figure = JSON.parse(document.getElementById(chart.dataset.figure).textContent);
      var pages = explainerCharts.pagesOf(figure);
      if (!pages) return;
      var height = function (n) { return Math.ceil(pages[n].layout.height * PAGE_ZOOM) + "px"; };
      chart.dataset.page = "0";
      chart.style.height = height(0);
      var block = blockOf(leaf, chart);
      var after = [];
      for (var n = block.nextElementSibling; n; n = n.nextElementSibling) {
        if (!n.matches("aside.notes")) after.push(n);
      }
      var holder = chart.closest("figure") || chart;
      for (var p = pages.length - 1; p > 0; p--) {
        var next = continuationOf(leaf);
        var copy = holder.cloneNode(true);
        Array.prototype.forEach.call(copy.querySelectorAll("script"), function (s) { s.remove(); });
        var page = copy.matches("div.chart") ? copy : copy.querySelector("div.chart");
        page.id = chart.id + "-page-" + (p + 1);
        page.dataset.page = String(p);
        page.style.height = height(p);
        next.appendChild(copy);
        if (p === pages.length - 1) after.forEach(function (el) { next.appendChild(el); });
      }
    });
  }

  function sizeCharts(leaf) {
    var charts = leaf.querySelectorAll("div.chart");
    if (!charts.length) return;
    var blocks = content(leaf);
    var used = blocks.length ? bottomOf(leaf, blocks[blocks.length - 1]) : 0;
    var spare = Math.max(0, limitOf(leaf) - used - 4);
    Array.prototype.forEach.call(charts, function (chart) {
      chart.style.height = Math.floor(chart.offsetHeight + spare / charts.length) + "px";
    });
  }

  function fitDeck() {
    var queue = leaves();
    queue.forEach(function (leaf) {
      Array.prototype.forEach.call(leaf.querySelectorAll("div.chart"), function (chart) {
        chart.style.height = MIN_CHART + "px";
      });
    });
    queue.forEach(splitPages);
    queue = leaves();
    while (queue.length) {
      var leaf = queue.shift();
      var restore = show(leaf);
      var next = fitLeaf(leaf);
      sizeCharts(leaf);
      restore();
      if (next) queue.unshift(next);
    }
  }

  window.explainerFit = { fitDeck: fitDeck };
})();
