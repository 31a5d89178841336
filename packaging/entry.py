"""PyInstaller's entry script for the desktop bundle: everything is in qualcode.launcher."""

from qualcode.launcher import main

main()
