"""``python -m scorelang``: the same command line as ``scorelang``."""
from .cli import main

main(prog_name="scorelang")
