"""Normalised values: ISO dates, amounts with their currency or counted noun, place codes."""
