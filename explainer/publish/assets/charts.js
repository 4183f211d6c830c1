/* Draw the page's plotly charts from the JSON stored beside each one (see explainer/publish.py).
 *
 * plotly.js is inlined once, before this script, so nothing is fetched. draw(root) draws the
 * charts inside root that are not drawn yet and resizes the others: a deck calls it for each
 * slide it shows, because a chart drawn on a hidden slide would get no size.
 */
(function () {
  "use strict";
  var CONFIG = { responsive: true, displaylogo: false };
  var PRINT_WIDTH = 660; // CSS pixels across an A4 or Letter page with 15 mm margins

  function charts(root) {
    return Array.prototype.slice.call(root.querySelectorAll("div.chart[data-figure]"));
  }

  function draw(root) {
    charts(root || document).forEach(function (div) {
      if (div.classList.contains("js-plotly-plot")) {
        Plotly.Plots.resize(div);
        return;
      }
      var figure = JSON.parse(document.getElementById(div.dataset.figure).textContent);
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
