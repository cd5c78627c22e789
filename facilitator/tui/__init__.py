"""The terminal board (Textual)."""

import gc

# What is loaded before the board (the model, the store, pydantic) lives as long as the
# process: the collector's full passes skip it from here on. Without this, loading the board
# set off one full pass over everything, about 5% of its start, and it found nothing to free.
# The app itself rests the collector until its first paint (app.py).
gc.freeze()
