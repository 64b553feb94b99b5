"""`python -m replylint.cli`."""

from replylint.cli.main import main

main()
