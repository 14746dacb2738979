(() => {
  // render/web/src/host.js
  var HEIGHT_MESSAGE = "ourdl-player:height";

  // render/web/src/entries/gallery.js
  var TALLEST = 4e3;
  addEventListener("message", (event) => {
    const data = event.data;
    if (!data || data.type !== HEIGHT_MESSAGE || !(data.height > 0)) return;
    const frame = [...document.querySelectorAll("iframe")].find((f) => f.contentWindow === event.source);
    if (frame) frame.style.height = Math.min(Math.ceil(data.height), TALLEST) + "px";
  });
})();
