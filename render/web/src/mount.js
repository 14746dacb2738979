/* boot.js: mount every player on the page (runs or sweep, by the data's kind). Last script of a page. */
(function (ourdl) {
  "use strict";
  for (const root of document.querySelectorAll(".ourdl-player[data-source]")) {
    if (root.ourdlPlayer) continue;
    try {
      const data = ourdl.data.read(root.dataset.source);
      if (!data || data.format !== "ourdl-player") throw new Error("no player data in this page");
      const Kind = data.kind === "sweep" ? ourdl.sweep && ourdl.sweep.SweepPlayer : ourdl.player.Player;
      if (!Kind) throw new Error(`this page has no player for ${data.kind} data`);
      new Kind(root, data);
    } catch (err) {
      root.textContent = "This player could not start: " + String(err && err.message);
      console.error(err);
    }
  }
})(window.ourdl = window.ourdl || {});
