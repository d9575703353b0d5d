"""looseleaf: a records registry and reading room for sensitive dossiers.

Every leaf carries its own marking, so access can be granted page by page
instead of by the volume; the `Registry` facade in `registry.py` is the one
way in for every interface.
"""

__version__ = "0.1.0"
