/* Draw the page's plotly charts from the JSON stored beside each one (see content.py).
 *
 * plotly.js is inlined once, before this script, so nothing is fetched. draw(root) draws the
 * charts inside root that are not drawn yet and resizes the others: a deck calls it for each
 * slide it shows, because a chart drawn on a hidden slide would get no size.
 *
 * On a slide (draw(root, {slide: true})) a chart fills the box fit.js gave it, with text of at
 * least SLIDE_FONT px, so that it is still 16 px on a 1024-pixel-wide screen (reveal scales the
 * 1280-pixel frame, with its margin, to 0.77 there); a figure whose labels the notebook placed
 * itself is zoomed whole instead (see placesLabels), and a figure that says how it may be cut
 * into pages (layout.meta.pages: the rows each page keeps and its layout) is drawn one page per
 * slide (fit.js makes the slides), its fonts enlarged to SLIDE_FONT on the screen. The
 * notebook's fixed margins, made for its own width and font, give way to plotly's automatic
 * margins there. The mode bar is left out everywhere: its
 * buttons would be Tab stops inside a chart that is an image to a screen reader.
 */
(function () {
  "use strict";
  var CONFIG = { responsive: true, displaylogo: false, displayModeBar: false };
  var PRINT_WIDTH = 660; // CSS pixels across an A4 or Letter page with 15 mm margins
  // CSS pixels of chart a Letter page holds with 15 mm margins, its caption and title beside it
  var PRINT_HEIGHT = 800;
  var SLIDE_FONT = 22;

  function charts(root) {
    return Array.prototype.slice.call(root.querySelectorAll("div.chart[data-figure]"));
  }

  // Call `visit(font)` for every font object of the figure: layout.font, tick fonts,
  // annotations, trace text.
  function eachFont(value, visit) {
    if (Array.isArray(value)) {
      value.forEach(function (item) { eachFont(item, visit); });
      return;
    }
    if (!value || typeof value !== "object") return;
    Object.keys(value).forEach(function (key) {
      var child = value[key];
      if (/font$/i.test(key) && child && typeof child === "object" && !Array.isArray(child)) {
        visit(child);
      }
      eachFont(child, visit);
    });
  }

  // A font's size (one number, or one per point) mapped by `change`.
  function resize(font, change) {
    font.size = Array.isArray(font.size) ? font.size.map(change) : change(font.size);
  }

  // Every font of the figure at least `size` px.
  function enlargeFonts(figure, size) {
    eachFont(figure, function (font) {
      resize(font, function (s) { return Math.max(s || 0, size); });
    });
  }

  // Labels the notebook placed beside the marks (text traces) were spaced for the figure's own
  // size and font: larger type would make them overlap. Such a figure is drawn at its own
  // geometry, in the slide's proportions, and zoomed as a whole to fill the box.
  function placesLabels(figure) {
    return (figure.data || []).some(function (trace) { return /text/.test(trace.mode || ""); });
  }

  // Zoomed to the box's height, or less if the figure must be at least `narrowest` px wide.
  function zoomToFit(figure, div, narrowest) {
    var layout = figure.layout;
    var height = layout.height || 450;
    var zoom = Math.min(div.clientHeight / height, div.clientWidth / (narrowest || 1));
    layout.height = height;
    layout.width = Math.floor(div.clientWidth / zoom);
    layout.autosize = false;
    div.style.height = height + "px";
    div.style.width = layout.width + "px";
    div.style.zoom = String(zoom);
  }

  // Plotly's typed arrays ({dtype: "f8", bdata: base64}) as plain arrays; NaN is a gap (null).
  function plain(values) {
    if (Array.isArray(values) || !values || values.dtype !== "f8") return values;
    var bytes = Uint8Array.from(atob(values.bdata), function (c) { return c.charCodeAt(0); });
    return Array.prototype.map.call(new Float64Array(bytes.buffer), function (v) {
      return isNaN(v) ? null : v;
    });
  }

  // Only the points in rows first..last (y values), with every per-point array cut alike. A
  // trace left with no point keeps one gap, so that its legend entry stays (plotly hides an
  // empty trace's): the legend is the whole chart's key.
  function keepRows(trace, first, last) {
    var y = plain(trace.y);
    if (!Array.isArray(y) || !y.length) return;
    var keep = y.map(function (v) { return v !== null && v >= first && v <= last; });
    var empty = keep.indexOf(true) < 0;
    keep = keep.map(function (kept, i) { return empty ? i === 0 : kept || y[i] === null; });
    Object.keys(trace).forEach(function (key) {
      var values = plain(trace[key]);
      if (Array.isArray(values) && values.length === y.length) {
        trace[key] = values.filter(function (_, i) { return keep[i]; });
      }
    });
    if (empty) trace.x = trace.y = [null];
  }

  // `patch` over `target`: objects merged key by key, anything else replaced.
  function merge(target, patch) {
    Object.keys(patch).forEach(function (key) {
      var value = patch[key];
      var isObject = value && typeof value === "object" && !Array.isArray(value);
      if (isObject && target[key] && typeof target[key] === "object") merge(target[key], value);
      else target[key] = value;
    });
  }

  function pagesOf(figure) {
    var meta = figure.layout && figure.layout.meta;
    return meta && Array.isArray(meta.pages) && meta.pages.length ? meta.pages : null;
  }

  // Every font size of the figure times `factor`; a font without a size follows layout.font.
  function scaleFonts(figure, factor) {
    eachFont(figure, function (font) {
      if (font.size) resize(font, function (s) { return s * factor; });
    });
  }

  function smallestFont(figure, smallest) {
    eachFont(figure, function (font) {
      if (font.size) smallest = Math.min.apply(null, [smallest].concat(font.size));
    });
    return smallest;
  }

  // One page of a figure cut into pages, zoomed to fill the box; its fonts, spaced for the
  // figure's narrowest width, grow so that the smallest is SLIDE_FONT once zoomed (the page is
  // drawn wider than that width by as much, so its labels still have room).
  function forPage(figure, div, page) {
    figure.data.forEach(function (trace) { keepRows(trace, page.rows[0], page.rows[1]); });
    merge(figure.layout, page.layout);
    zoomToFit(figure, div, page.width);
    var smallest = smallestFont(figure, (figure.layout.font || {}).size || 12);
    var factor = SLIDE_FONT / (smallest * Number(div.style.zoom));
    if (factor > 1) scaleFonts(figure, factor);
  }

  function forSlide(figure, div) {
    var layout = figure.layout;
    var pages = pagesOf(figure);
    if (pages) {
      forPage(figure, div, pages[Number(div.dataset.page || 0)]);
      return;
    }
    if (placesLabels(figure)) {
      zoomToFit(figure, div);
      return;
    }
    layout.font = layout.font || {};
    enlargeFonts(figure, SLIDE_FONT);
    layout.width = div.clientWidth;
    layout.height = div.clientHeight;
    layout.autosize = false;
    layout.margin = { l: 10, r: 10, t: layout.title ? 60 : 10, b: 10, pad: 4 };
    Object.keys(layout).forEach(function (key) {
      if (/^[xy]axis\d*$/.test(key)) layout[key].automargin = true;
    });
    if (layout.title && typeof layout.title === "object") layout.title.automargin = true;
  }

  function draw(root, options) {
    charts(root || document).forEach(function (div) {
      if (div.classList.contains("js-plotly-plot")) {
        Plotly.Plots.resize(div);
        return;
      }
      var figure = JSON.parse(document.getElementById(div.dataset.figure).textContent);
      if (options && options.slide) forSlide(figure, div);
      Plotly.newPlot(div, figure.data, figure.layout, CONFIG);
    });
  }

  // A screen-wide chart would be cut at the page edge: print it at the page's width instead,
  // then give it back the width its figure asked for (none: the width of its container). A
  // chart taller than a page would be cut at the page's foot: it is drawn as much wider as it
  // must shrink and zoomed to fit, so that its lanes keep their spacing and it fills the width.
  // Browsers differ in which signal they send before printing, so both are heard.
  function toPrint() {
    charts(document).forEach(function (div) {
      if (!div.classList.contains("js-plotly-plot") || div.screenLayout) return;
      div.screenLayout = { width: div.layout.width || null, autosize: div.layout.autosize };
      var zoom = Math.min(1, PRINT_HEIGHT / (div.layout.height || PRINT_HEIGHT));
      div.style.zoom = zoom === 1 ? "" : String(zoom);
      Plotly.relayout(div, { width: Math.min(PRINT_WIDTH, div.layout.width || PRINT_WIDTH) / zoom });
    });
  }

  function toScreen() {
    charts(document).forEach(function (div) {
      if (!div.screenLayout) return;
      var layout = div.screenLayout;
      div.screenLayout = null;
      div.style.zoom = "";
      Plotly.relayout(div, layout);
    });
  }

  function fitForPrint() {
    window.addEventListener("beforeprint", toPrint);
    window.addEventListener("afterprint", toScreen);
    window.matchMedia("print").addEventListener("change", function (event) {
      if (event.matches) toPrint();
      else toScreen();
    });
  }

  window.explainerCharts = { draw: draw, fitForPrint: fitForPrint, pagesOf: pagesOf };
})();
