"""Search: one query syntax, parsed once (`query.py`) and translated for each
backend's full-text engine (`fts.py`); the access rule is part of every
search query, so results, counts, facets and snippets are computed over
readable leaves only."""
