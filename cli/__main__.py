"""`python -m replylint.cli`."""

import os
import sys

# `python -m` puts the working folder first on sys.path (as Python's -P would not). In CI
# that folder is the linted repository: its *.dist-info folders would be read as installed
# plugins and its modules imported, or shadow a real plugin's. Drop it before anything loads.
if sys.path and os.path.abspath(sys.path[0] or os.curdir) == os.path.abspath(os.curdir):
    del sys.path[0]

from replylint.cli.entry import main  # after the sys.path fix, on purpose

main()
