"""Allow ``python -m generator`` as an alias of the ``budgetsite`` command."""

import sys

from generator.cli import main

sys.exit(main())
