"""`python -m bailian_assets.cli ...`: the same as the `bailian-assets` command."""

import sys

from bailian_assets.cli.app import main

sys.exit(main())
