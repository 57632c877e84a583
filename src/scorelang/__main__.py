"""`python -m scorelang` runs the command-line tool."""
from .cli import main

main()
