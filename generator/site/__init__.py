"""The website: the site model, its pages, and what is written to the output folder."""

from pathlib import Path

THEME = Path(__file__).resolve().parent / "theme"        # built-in templates and static files
