"""`python -m newsledger` is the `newsledger` command."""

from newsledger.cli import main

main()
