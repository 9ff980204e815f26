"""A do-nothing matplotlib for the reference runs (the machine's python3 has none)."""
