"""The website, in three layers over what they share: ``model`` (what a page shows), ``pages`` (the pages
and their rendering), ``build`` (what is written to the output folder); ``shared`` below them all."""

from pathlib import Path

THEME = Path(__file__).resolve().parent / "theme"        # built-in templates and static files
