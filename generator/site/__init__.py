"""The website: from the normalised data (and content/, templates/, site.yaml) to static files."""
