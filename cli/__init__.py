"""replylint.cli: the command line, inputs and report formats."""
