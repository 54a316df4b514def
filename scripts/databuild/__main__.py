"""``python -m scripts.databuild [--shared PATH] [--out PATH]``: build data/*.csv."""

import sys

from .cli import main

sys.exit(main())
