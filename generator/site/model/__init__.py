"""The site model: what each page shows (a disclosure's view, regions, departments, years, the glossary,
the comparisons, charts, execution and findings as readers read them), without HTML or files."""
