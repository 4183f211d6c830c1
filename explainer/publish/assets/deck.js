/* Start the deck: reveal.js at 1280 x 720 (a projector's frame, scaled to any screen), the
 * speaker notes plugin (S), every slide fitted to the frame (fit.js), then each chart drawn
 * when its slide is shown: a chart drawn on a hidden slide would get no size. The arrow keys
 * step through every slide, continued ones included ("linear" navigation).
 */
(function () {
  "use strict";
  var requested = window.location.hash; // reveal rewrites it to a slide that exists yet
  function drawCurrent(event) {
    var printing = /print-pdf/i.test(window.location.search);
    explainerCharts.draw(printing ? document : event.currentSlide, { slide: true });
  }

  Reveal.initialize({
    hash: true,
    center: false,
    width: 1280,
    height: 720,
    margin: 0.04,
    display: "block",
    navigationMode: "linear",
    transition: "fade",
    transitionSpeed: "fast",
    slideNumber: "c/t",
    controlsTutorial: false,
    plugins: [RevealNotes],
  });
  Reveal.on("ready", function () {
    // Measured once the page's fonts are in: a fallback font would wrap text differently.
    document.fonts.ready.then(function () {
      explainerFit.fitDeck();
      Reveal.sync();
      // A reloaded page asked for its slide before the continued slides existed: go there now.
      var at = /^#\/(\d+)(?:\/(\d+))?/.exec(requested);
      if (at) Reveal.slide(Number(at[1]), Number(at[2] || 0));
      document.body.classList.add("fitted");
      drawCurrent({ currentSlide: Reveal.getCurrentSlide() });
    });
  });
  Reveal.on("slidechanged", drawCurrent);
})();
