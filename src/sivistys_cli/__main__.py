"""Allow `python -m sivistys_cli`."""

from sivistys_cli.cli import main

main()
