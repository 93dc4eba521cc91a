"""budgetsite: import 部门预算公开 disclosures into exact data and build a static site from it."""

__version__ = "0.1.0"
