"""The data builder: the embedded default data of Pishran (``data/*.csv``) from the shared facts.

Run ``python -m scripts.databuild [--shared PATH] [--out PATH]`` from the repository root.
It reads the hand-checked fact tables in ``../shared/data`` and writes ``counties.csv``,
``indicators.csv``, ``projects.csv`` and ``places.csv``.  Every value carries its provenance
(column ``quality``: sourced, derived, group, estimate, sample; ``is_sample`` = quality in
{group, estimate, sample}; ``group`` = a county row showing the value of a larger unit it
belongs to, the ``GROUP:`` row beside it, never the county's own figure).  Sample values are fixed in the literal files beside this package (``tables.toml``,
``sample_projects.csv``) or drawn from a seeded random generator, so the output is
byte-for-byte reproducible.  The builder checks the constraints the brief puts on the sample
values (ranking, weighted means, budget share) and stops with an error instead of writing data
that breaks them.  See ``data/README.md``.

Modules, by concern: ``common`` (CSV, formatting, Jalali dates, the literal tables),
``counties``, ``rows`` + ``population`` + ``indicators``, ``places``, ``schedule`` +
``projects``, and ``cli`` (the command).  Enumerations (sectors, statuses, funding sources,
qualities) come from :mod:`core.schema`.
"""
