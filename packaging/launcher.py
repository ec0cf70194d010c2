"""Entry point of the built program (PyInstaller): the `main` of the `adviesgesprek` command."""

import sys

from wizard.cli import main

if __name__ == "__main__":
    sys.exit(main())
