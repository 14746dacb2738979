"""Drive headless Chromium from the standard library: the DevTools protocol over `--remote-debugging-pipe`.

Chromium reads JSON commands, each ending in a NUL byte, from file descriptor 3 and writes replies and
events the same way to descriptor 4; no websocket client and no extra Python package needed. Used by
the gallery test (does every video really load?) and the page tests (the player, the lab).

Two levels:

- `Chromium.evaluate(url, expression)`: open a tab, wait for load, return the expression's value, close.
- `Chromium.open(url, width=, height=) -> Tab`: a tab that stays open. It records what the page did while
  it was open (`tab.errors()`: console errors, uncaught exceptions, CSP and other log errors;
  `tab.requests()`: every URL the page asked for, including its own), evaluates in the page
  (`tab.evaluate`), sends real input events (`tab.key("ArrowRight")`, `tab.move(x, y)`, `tab.click(x, y)`)
  and takes PNG screenshots (`tab.screenshot(path)`). Use it as a context manager to close it.
  `tab.frames()` gives its out-of-process iframes (sandboxed srcdoc ones too) as Tabs of their own.

Example::

    with Chromium() as browser, browser.open(page_url(path), width=900, height=600) as tab:
        tab.key(" ")
        assert tab.evaluate("document.title") == "..."
        tab.screenshot("shot.png")
        assert tab.errors() == [] and tab.requests() == [page_url(path)]
"""

from __future__ import annotations

import base64
import contextlib
import functools
import http.server
import json
import os
import select
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path

#: Offline and quiet: no network beyond the page's own files, no first-run UI, no background services.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-extensions", "--disable-default-apps", "--mute-audio",
         "--autoplay-policy=no-user-gesture-required", "--hide-scrollbars", "--font-render-hinting=none",
         "--remote-debugging-pipe"]

#: DOM key name -> (code, Windows virtual key code, text typed). Keys not listed: a printable character
#: sends itself (its upper-case ASCII code as the key code).
KEYS = {
    " ": ("Space", 32, " "), "Space": ("Space", 32, " "),
    "Enter": ("Enter", 13, "\r"), "Escape": ("Escape", 27, ""), "Tab": ("Tab", 9, ""),
    "Backspace": ("Backspace", 8, ""), "Home": ("Home", 36, ""), "End": ("End", 35, ""),
    "PageUp": ("PageUp", 33, ""), "PageDown": ("PageDown", 34, ""),
    "ArrowLeft": ("ArrowLeft", 37, ""), "ArrowUp": ("ArrowUp", 38, ""),
    "ArrowRight": ("ArrowRight", 39, ""), "ArrowDown": ("ArrowDown", 40, ""),
}
#: modifier name -> CDP bit
MODIFIERS = {"alt": 1, "ctrl": 2, "meta": 4, "shift": 8}


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return None


class ChromiumError(RuntimeError):
    pass


class Chromium:
    """One headless browser; `evaluate(url, expression)` opens a tab and returns the expression's value."""

    def __init__(self, binary: str | None = None, timeout: float = 60.0,
                 font_dirs: list[str | Path] = ()) -> None:
        """`font_dirs`: extra folders of fonts the browser may use besides the system's (e.g. a pip-installed
        CJK font, so Chinese pages render on a machine without one), added through a fontconfig file."""
        binary = binary or find_chromium()
        if binary is None:
            raise ChromiumError("chromium is not installed")
        self.timeout = timeout
        self._profile = tempfile.TemporaryDirectory(prefix="ourdl-chromium-")
        env = dict(os.environ)
        if font_dirs:
            conf = Path(self._profile.name) / "fonts.conf"
            dirs = "".join(f"<dir>{Path(d).resolve()}</dir>" for d in font_dirs)
            conf.write_text('<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
                            f'<include ignore_missing="yes">/etc/fonts/fonts.conf</include>{dirs}'
                            f"<cachedir>{self._profile.name}/fontcache</cachedir></fontconfig>")
            env["FONTCONFIG_FILE"] = str(conf)
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()
        def as_fds_3_and_4() -> None:  # in the child: copy both first, so neither can clobber the other
            a, b = os.dup(to_chrome_r), os.dup(from_chrome_w)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self._log = open(Path(self._profile.name) / "stderr.log", "w+b")  # a file: a pipe could fill up
        self.proc = subprocess.Popen(
            [binary, *FLAGS, f"--user-data-dir={self._profile.name}/profile", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=self._log, env=env,
            close_fds=False, preexec_fn=as_fds_3_and_4,  # dup2'd fds are inheritable; the rest close on exec
        )
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._buffer = b""
        self._next_id = 0
        self._tabs: dict[str, Tab] = {}  # session id -> open tab, to route its events

    def _send(self, method: str, params: dict | None = None, session: str | None = None) -> int:
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to_chrome, json.dumps(message).encode() + b"\0")
        return self._next_id

    def _read(self, deadline: float) -> dict | None:
        """The next message, or None when the deadline passes first."""
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            ready, _, _ = select.select([self._from_chrome], [], [], left)
            if ready:
                chunk = os.read(self._from_chrome, 1 << 16)
                if not chunk:
                    self._log.seek(0)
                    err = self._log.read().decode(errors="replace")[-2000:]
                    raise ChromiumError(f"chromium closed the pipe (exit {self.proc.poll()}): {err}")
                self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        message = json.loads(message)
        tab = self._tabs.get(message.get("sessionId", ""))
        if tab is not None and "method" in message:
            tab._on_event(message)
        return message

    def call(self, method: str, params: dict | None = None, session: str | None = None,
             timeout: float | None = None) -> dict:
        """Send a command and wait for its reply (events in between go to their tab's record)."""
        wanted = self._send(method, params, session)
        deadline = time.monotonic() + (timeout or self.timeout)
        while True:
            message = self._read(deadline)
            if message is None:
                raise ChromiumError(f"{method}: chromium did not answer in time")
            if message.get("id") == wanted:
                if "error" in message:
                    raise ChromiumError(f"{method}: {message['error']}")
                return message.get("result", {})

    def wait_event(self, session: str, method: str, timeout: float | None = None) -> dict:
        """Wait for the next `method` event of one tab (events already seen do not count)."""
        tab = self._tabs[session]
        seen = len(tab.events)
        deadline = time.monotonic() + (timeout or self.timeout)
        while True:
            for event in tab.events[seen:]:
                if event["method"] == method:
                    return event.get("params", {})
            seen = len(tab.events)
            if self._read(deadline) is None:
                raise ChromiumError(f"no {method} in time")

    def open(self, url: str, width: int = 1000, height: int = 700, scale: float = 1.0,
             timeout: float | None = None) -> Tab:
        """A new tab of the given viewport size, recording console, errors and requests, at `url` loaded."""
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        tab = Tab(self, target, session)
        self._tabs[session] = tab
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{domain}.enable", session=session)
        tab.set_viewport(width, height, scale)
        tab.navigate(url, timeout=timeout)
        return tab

    def evaluate(self, url: str, expression: str, timeout: float | None = None):
        """Open `url` in a new tab, wait for its load, evaluate `expression` (a promise is awaited)."""
        with self.open(url, timeout=timeout) as tab:
            return tab.evaluate(expression, timeout=timeout)

    def close(self) -> None:
        try:
            if self.proc.poll() is None:
                try:
                    self.call("Browser.close", timeout=5)
                except (ChromiumError, OSError):
                    pass
                try:
                    self.proc.wait(5)
                except subprocess.TimeoutExpired:
                    self.proc.kill()
                    self.proc.wait()
        finally:
            for fd in (self._to_chrome, self._from_chrome):
                try:
                    os.close(fd)
                except OSError:
                    pass
            self._log.close()
            self._profile.cleanup()

    def __enter__(self) -> Chromium:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class Tab:
    """One open page. `events` holds every DevTools event of this tab, in order."""

    def __init__(self, browser: Chromium, target: str, session: str, owned: bool = True) -> None:
        self.browser, self.target, self.session = browser, target, session
        self.events: list[dict] = []
        self.closed = False
        self.owned = owned  # a tab we opened (closing closes it), not a frame of one

    def _on_event(self, message: dict) -> None:
        self.events.append(message)

    def call(self, method: str, params: dict | None = None, timeout: float | None = None) -> dict:
        return self.browser.call(method, params, session=self.session, timeout=timeout)

    def navigate(self, url: str, timeout: float | None = None) -> None:
        """Go to `url` and wait for its load event (a fragment-only change in the same page does not load:
        use `evaluate("location.hash = ...")` for that)."""
        seen = len(self.events)
        reply = self.call("Page.navigate", {"url": url}, timeout=timeout)
        if reply.get("errorText"):
            raise ChromiumError(f"navigate {url}: {reply['errorText']}")
        if not any(e["method"] == "Page.loadEventFired" for e in self.events[seen:]):
            self.browser.wait_event(self.session, "Page.loadEventFired", timeout)

    def set_viewport(self, width: int, height: int, scale: float = 1.0) -> None:
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": scale, "mobile": False})

    def evaluate(self, expression: str, timeout: float | None = None):
        """The expression's value (JSON-able; a promise is awaited). A thrown error raises ChromiumError."""
        result = self.call("Runtime.evaluate", {"expression": expression, "awaitPromise": True,
                                                "returnByValue": True, "userGesture": True}, timeout=timeout)
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            text = details.get("exception", {}).get("description") or details.get("text")
            raise ChromiumError(f"page script failed: {text}")
        return result["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 10.0) -> object:
        """Poll `expression` in the page until it is truthy; its value."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.evaluate(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                raise ChromiumError(f"never true: {expression}")
            time.sleep(0.02)

    def sync(self) -> None:
        """Collect every event the page has sent so far (a round trip through its renderer)."""
        self.evaluate("0")

    # -- what the page did --------------------------------------------------------------------------------

    def console(self) -> list[dict]:
        """Console and log messages so far: [{"level": "error"|"warning"|"log"|..., "text": ...}]."""
        self.sync()
        messages = []
        for event in self.events:
            params = event.get("params", {})
            if event["method"] == "Runtime.consoleAPICalled":
                text = " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", []))
                messages.append({"level": params.get("type", "log"), "text": text})
            elif event["method"] == "Log.entryAdded":
                entry = params.get("entry", {})
                messages.append({"level": entry.get("level", "info"), "text": entry.get("text", ""),
                                 "source": entry.get("source", "")})
            elif event["method"] == "Runtime.exceptionThrown":
                details = params.get("exceptionDetails", {})
                text = details.get("exception", {}).get("description") or details.get("text", "")
                messages.append({"level": "error", "text": f"uncaught: {text}"})
        return messages

    def errors(self) -> list[str]:
        """Console errors, uncaught exceptions and error log entries (CSP violations, failed loads)."""
        return [m["text"] for m in self.console() if m["level"] in ("error", "assert")]

    def requests(self) -> list[str]:
        """Every URL the page requested, in order (the page's own URL first)."""
        self.sync()
        return [e["params"]["request"]["url"] for e in self.events
                if e["method"] == "Network.requestWillBeSent"]

    # -- input --------------------------------------------------------------------------------------------

    def key(self, key: str, *modifiers: str) -> None:
        """Press and release one key, by its DOM name (" ", "ArrowLeft", "a", "Home", ...)."""
        code, vk, text = KEYS.get(key, (None, None, None))
        if code is None:
            if len(key) != 1:
                raise ValueError(f"unknown key {key!r}")
            code = f"Key{key.upper()}" if key.isalpha() else (f"Digit{key}" if key.isdigit() else "")
            vk, text = ord(key.upper()), key
        mods = sum(MODIFIERS[m] for m in modifiers)
        base = {"key": key if key != "Space" else " ", "code": code, "windowsVirtualKeyCode": vk,
                "nativeVirtualKeyCode": vk, "modifiers": mods}
        self.call("Input.dispatchKeyEvent", {**base, "type": "keyDown" if text and not mods else "rawKeyDown",
                                             **({"text": text} if text and not mods else {})})
        self.call("Input.dispatchKeyEvent", {**base, "type": "keyUp"})

    def move(self, x: float, y: float) -> None:
        """Move the mouse to (x, y) in CSS pixels of the viewport."""
        self.call("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y})

    def click(self, x: float, y: float) -> None:
        self.move(x, y)
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent",
                      {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1})

    def click_element(self, selector: str, index: int = 0) -> None:
        """A real mouse click in the middle of the `index`-th element matching `selector`, scrolled into
        view first."""
        found = f"document.querySelectorAll({json.dumps(selector)})[{index}]"
        box = self.evaluate(f"(() => {{ const e = {found}; "
                            "e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect(); "
                            "return [r.left + r.width / 2, r.top + r.height / 2]; })()")
        self.click(*box)

    def drag(self, x0: float, y0: float, x1: float, y1: float, steps: int = 5) -> None:
        """Press at (x0, y0), move in `steps` to (x1, y1), release (a slider drag)."""
        self.move(x0, y0)
        self.call("Input.dispatchMouseEvent",
                  {"type": "mousePressed", "x": x0, "y": y0, "button": "left", "clickCount": 1})
        for i in range(1, steps + 1):
            x, y = x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * i / steps
            self.call("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y, "button": "left",
                                                   "buttons": 1})
        self.call("Input.dispatchMouseEvent",
                  {"type": "mouseReleased", "x": x1, "y": y1, "button": "left", "clickCount": 1})

    # -- pictures -----------------------------------------------------------------------------------------

    def screenshot(self, path: str | Path | None = None, full_page: bool = False) -> bytes:
        """A PNG of the viewport (or the whole page); also written to `path` when given."""
        params: dict = {"format": "png"}
        if full_page:
            metrics = self.call("Page.getLayoutMetrics")["cssContentSize"]
            params["clip"] = {"x": 0, "y": 0, "width": metrics["width"], "height": metrics["height"],
                              "scale": 1}
            params["captureBeyondViewport"] = True
        png = base64.b64decode(self.call("Page.captureScreenshot", params)["data"])
        if path is not None:
            Path(path).write_bytes(png)
        return png

    def frames(self) -> list[Tab]:
        """The page's out-of-process frames (sandboxed or cross-site iframes, such as a srcdoc player in
        a notebook), each as a Tab of its own: evaluate in it, read its errors and requests. Their
        console messages from before this call are replayed when their Runtime and Log are enabled."""
        self.call("Target.setAutoAttach",
                  {"autoAttach": True, "waitForDebuggerOnStart": False, "flatten": True})
        self.sync()
        frames = []
        for event in list(self.events):
            params = event.get("params", {})
            if event["method"] != "Target.attachedToTarget" or params["targetInfo"]["type"] != "iframe":
                continue
            session = params["sessionId"]
            frame = self.browser._tabs.get(session)
            if frame is None:
                frame = Tab(self.browser, params["targetInfo"]["targetId"], session, owned=False)
                self.browser._tabs[session] = frame
                for domain in ("Runtime", "Log", "Network"):
                    frame.call(f"{domain}.enable")
            frames.append(frame)
        return frames

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            try:
                if self.owned:
                    self.browser.call("Target.closeTarget", {"targetId": self.target})
            finally:
                self.browser._tabs.pop(self.session, None)

    def __enter__(self) -> Tab:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def page_url(path: Path) -> str:
    return Path(path).resolve().as_uri()


@contextlib.contextmanager
def served(directory: Path):
    """`directory` over http on a free local port, quietly; yields its base URL. Frames a page loads over
    http are same-origin with it (file:// frames are opaque to their parent)."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(Quiet, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def font_dirs() -> list[Path]:
    """The test extra's CJK font, so Chinese renders in a browser on a machine without a system one."""
    try:
        import pylopdf_fonts_zh_cn
    except ImportError:
        return []
    return [Path(pylopdf_fonts_zh_cn.sans_path()).parent]
