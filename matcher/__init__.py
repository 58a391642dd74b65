"""Matcher: ranks activities of the sociale kaart for one person."""
