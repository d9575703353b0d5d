"""The HTTP side: the JSON API (`api/`) and the reading room (`room/`), both
thin over the `Registry` facade, served by one app (`app.py`)."""
