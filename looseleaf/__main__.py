"""Allow `python -m looseleaf` where the console script is not on PATH."""

from looseleaf.cli import main

main()
