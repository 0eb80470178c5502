"""``python -m geo`` runs the command line, like the ``geo`` script."""

from geo.cli import main

main()
