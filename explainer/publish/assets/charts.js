/* Draw the page's plotly charts from the JSON stored beside each one (see content.py).
 *
 * plotly.js is inlined once, before this script, so nothing is fetched. draw(root) draws the
 * charts inside root that are not drawn yet and resizes the others: a deck calls it for each
 * slide it shows, because a chart drawn on a hidden slide would get no size.
 *
 * On a slide (draw(root, {slide: true})) a chart fills the box fit.js gave it, with text of at
 * least SLIDE_FONT px, so that it is still 16 px on a 1024-pixel-wide screen (reveal scales the
 * 1280-pixel frame, with its margin, to 0.77 there); a figure whose labels the notebook placed
 * itself is zoomed whole instead (see placesLabels). The notebook's fixed margins, made for its
 * own width and font,
 * give way to plotly's automatic margins there. The mode bar is left out everywhere: its
 * buttons would be Tab stops inside a chart that is an image to a screen reader.
 */
(function () {
  "use strict";
  var CONFIG = { responsive: true, displaylogo: false, displayModeBar: false };
  var PRINT_WIDTH = 660; // CSS pixels across an A4 or Letter page with 15 mm margins
  var SLIDE_FONT = 22;

  function charts(root) {
    return Array.prototype.slice.call(root.querySelectorAll("div.chart[data-figure]"));
  }

  // Every font of the figure at least `size` px: layout.font, tick fonts, annotations, labels.
  function enlargeFonts(value, size) {
    if (Array.isArray(value)) {
      value.forEach(function (item) { enlargeFonts(item, size); });
      return;
    }
    if (!value || typeof value !== "object") return;
    Object.keys(value).forEach(function (key) {
      var child = value[key];
      if (/font$/i.test(key) && child && typeof child === "object" && !Array.isArray(child)) {
        if (Array.isArray(child.size)) {
          child.size = child.size.map(function (s) { return Math.max(s || 0, size); });
        } else {
          child.size = Math.max(child.size || 0, size);
        }
      }
      enlargeFonts(child, size);
    });
  }

  // Labels the notebook placed beside the marks (text traces) were spaced for the figure's own
  // size and font: larger type would make them overlap. Such a figure is drawn at its own
  // geometry, in the slide's proportions, and zoomed as a whole to fill the box.
  function placesLabels(figure) {
    return (figure.data || []).some(function (trace) { return /text/.test(trace.mode || ""); });
  }

  function zoomToFit(figure, div) {
    var layout = figure.layout;
    var height = layout.height || 450;
    var zoom = div.clientHeight / height;
    layout.height = height;
    layout.width = Math.floor(div.clientWidth / zoom);
    layout.autosize = false;
    div.style.height = height + "px";
    div.style.width = layout.width + "px";
    div.style.zoom = String(zoom);
  }

  function forSlide(figure, div) {
    var layout = figure.layout;
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
  // then give it back the width its figure asked for (none: the width of its container).
  // Browsers differ in which signal they send before printing, so both are heard.
  function toPrint() {
    charts(document).forEach(function (div) {
      if (!div.classList.contains("js-plotly-plot") || div.screenLayout) return;
      div.screenLayout = { width: div.layout.width || null, autosize: div.layout.autosize };
      Plotly.relayout(div, { width: Math.min(PRINT_WIDTH, div.layout.width || PRINT_WIDTH) });
    });
  }

  function toScreen() {
    charts(document).forEach(function (div) {
      if (!div.screenLayout) return;
      var layout = div.screenLayout;
      div.screenLayout = null;
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

  window.explainerCharts = { draw: draw, fitForPrint: fitForPrint };
})();
