"""Write services of the logbook, one module per part (entries, documents)."""
