"""The build: one disclosure's unit at a time, then the site-wide outputs (``outputs.OUTPUTS``) into a
staging folder swapped in at the end; its cache, manifest and the preview server."""
