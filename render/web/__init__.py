"""HTML pages: the scrubbable player (player.py) and the lab, built from the static assets in assets/."""

from render.web.player import player_html, player_iframe, write_player

__all__ = ["player_html", "player_iframe", "write_player"]
