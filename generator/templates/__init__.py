"""Template families: the one home of the words by which disclosures of each province and year are read.

``family`` says what a family is made of, one module per family holds its
data, and ``registry`` merges them into the views the stages read (table
clues, total labels, column keys, department-name forms, narrative part
titles, page marks).  ``docs/templates.md`` lists the families for
publishers.
"""
